/** A running emulator with the hot-standby DVIPA of the TCP/IP fixture, reached over HTTP as a client would. */
import * as http from "node:http";
import type { Emulator, StartOptions } from "../../../emulator";
import { defineZosmfSecurity } from "../../../emulator/programs/racf-zosmf-setup";
import { client, startPlain, type Client } from "../core/helpers";
import { cmd, DVIPA, IZUANG1, IZUPRM, IZUSVR, PROFILE_A, PROFILE_B, putMember, vdpt } from "../tcpip/sysplex-fixture";

export const KEY = `${DVIPA}:443`;

export interface Plex {
  emu: Emulator;
  c: Client;
  /** A console command on a system, through the z/OSMF console API; the response lines. */
  say(system: string, command: string): Promise<string[]>;
  /** The VDPT records on the distributor (SYSA). */
  table(): Promise<{ xcf: string; rdy: string; flg: string }[]>;
  advance(ms: number): Promise<void>;
  /** GET /zosmf/info through the DVIPA on a new connection: the answering system, or "reset". */
  viaDvipa(): Promise<string>;
}

export async function startPlex(options: StartOptions = {}, distOptions = ""): Promise<Plex> {
  const emu = await startPlain({ dvipaListeners: true, consolePieceLines: 1000, ...options });
  const state = emu.state;
  putMember(state, "USER.TCPPARMS", "HAA", PROFILE_A(distOptions));
  putMember(state, "USER.TCPPARMS", "HAB", PROFILE_B);
  for (const l of ["A", "B"]) {
    putMember(state, "SYS1.PARMLIB", `IZUPRM0${l}`, IZUPRM(l));
    putMember(state, "SYS1.PROCLIB", `IZUSVR${l}`, IZUSVR(l));
    state.mounts.push({
      fsname: `IZU.SIZUUSRD.${l}`,
      mountpoint: `/global/zosmf/zosmf${l.toLowerCase()}`,
      fstype: "ZFS",
      mode: "rdwr",
      sysname: `SYS${l}`,
    });
  }
  putMember(state, "SYS1.PROCLIB", "IZUANG1", IZUANG1);
  defineZosmfSecurity(state, ["IZUSVRA", "IZUSVRB"]);
  cmd(state, "SYSA", "V TCPIP,TCPIP,OBEYFILE,DSN=USER.TCPPARMS(HAA)", 0);
  cmd(state, "SYSB", "V TCPIP,TCPIP,OBEYFILE,DSN=USER.TCPPARMS(HAB)", 0);
  cmd(state, "SYSA", "S IZUSVRA", 0);
  cmd(state, "SYSB", "S IZUSVRB", 0);
  emu.context.onStateChanged();
  await emu.settle();
  const c = client(emu);
  const say = async (system: string, command: string) => {
    const doc = (await c.put("/zosmf/restconsoles/consoles/defcn", { cmd: command, system })).json();
    return String(doc["cmd-response"] ?? "")
      .split("\r")
      .map((l: string) => l.trim());
  };
  return {
    emu,
    c,
    say,
    table: async () => vdpt(await say("SYSA", "D TCPIP,,N,VDPT")),
    advance: async (ms) => void (await c.control("POST", "clock", { advanceMs: ms })),
    viaDvipa: () => probe(`${emu.dvipaUrls[KEY]}/zosmf/info`, emu),
  };
}

/** One request on its own connection (no keep-alive), so each probe is a new connection to the DVIPA. */
function probe(url: string, emu: Emulator): Promise<string> {
  const auth = Buffer.from(`${emu.user}:${emu.password}`).toString("base64");
  return new Promise((resolve) => {
    const req = http.get(url, { agent: false, headers: { Authorization: `Basic ${auth}` } }, (res) => {
      let body = "";
      res.on("data", (d: Buffer) => (body += d.toString()));
      res.on("end", () => resolve(String(JSON.parse(body).zosmf_hostname)));
    });
    req.on("error", () => resolve("reset"));
  });
}
