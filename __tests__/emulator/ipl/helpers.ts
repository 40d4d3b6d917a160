/** The emulator as a user drives it for IPL and stack-restart tests: z/OSMF REST for members and commands, the control API for the rest. */
import { expect } from "vitest";
import type { Emulator } from "../../../emulator";
import { defineZosmfSecurity } from "../../../emulator/programs/racf-zosmf-setup";
import type { EmulatorState } from "../../../emulator/state";
import { client, startPlain, type Client } from "../core/helpers";

export interface Plex {
  em: Emulator;
  c: Client;
}

/** A seeded sysplex on a frozen clock; console answers come whole in the PUT. */
export async function plex(systems = ["SYSA", "SYSB"]): Promise<Plex> {
  const em = await startPlain({ systems, consolePieceLines: 1000 });
  return { em, c: client(em) };
}

/** One console command on one system; the response lines, trimmed. */
export async function say(c: Client, system: string, cmd: string): Promise<string[]> {
  const res = await c.put("/zosmf/restconsoles/consoles/defcn", { cmd, system });
  expect(res.status).toBe(200);
  return String(res.json()["cmd-response"])
    .split("\r")
    .map((l) => l.trim());
}

export async function writeMember(c: Client, dsnMember: string, text: string): Promise<void> {
  const res = await c.put(`/zosmf/restfiles/ds/${dsnMember}`, text);
  expect(res.status, res.text).toBeLessThan(300);
}

export async function readMember(c: Client, dsnMember: string): Promise<string> {
  const res = await c.get(`/zosmf/restfiles/ds/${dsnMember}`);
  expect(res.status).toBe(200);
  return res.text;
}

export async function state(c: Client): Promise<EmulatorState> {
  return (await c.control("GET", "state")).json<EmulatorState>();
}

/** POST system/<n>/<action>; the answer's status and its console log. */
export async function act(c: Client, system: string, action: "ipl" | "tcpip-restart", body?: unknown) {
  const res = await c.control("POST", `system/${system}/${action}`, body);
  const doc = res.json();
  return { status: res.status, log: (doc.log ?? []) as string[], doc };
}

/** Which stack holds the DVIPA now (from the state dump), or undefined. */
export async function holder(c: Client, dvipa: string): Promise<string | undefined> {
  const s = await state(c);
  return Object.values(s.systems).find((sys) => sys.up && (sys.tcpip.activeDvipas ?? []).some((d) => d.address === dvipa))?.name;
}

/**
 * What z/OSMF needs to start on a system: a zFS for /global/zosmf, the IBM procedures copied to
 * SYS1.PROCLIB, the STARTED profile and key ring of IZUSVR1 (the RACF set-up, put into the state).
 */
export async function zosmfReady(c: Client, fsname = "IZU.SHARED.ZFS"): Promise<void> {
  expect((await c.post(`/zosmf/restfiles/mfs/zfs/${fsname}`, { perms: 755, cylsPri: 10, cylsSec: 5, timeout: 20 })).status).toBe(201);
  for (const proc of ["IZUSVR1", "IZUANG1"])
    await writeMember(c, `SYS1.PROCLIB(${proc})`, await readMember(c, `SYS1.IBM.PROCLIB(${proc})`));
  const s = await state(c);
  defineZosmfSecurity(s, ["IZUSVR1"]);
  expect((await c.control("PUT", "state", s)).status).toBe(200);
}

/** IZUPRMxx from the installation's IZUPRM00 with the given statements replaced. */
export async function izuprm(c: Client, suffix: string, replace: Record<string, string>): Promise<void> {
  let text = await readMember(c, "SYS1.PARMLIB(IZUPRM00)");
  for (const [name, statement] of Object.entries(replace)) text = text.replace(new RegExp(`^${name}\\(.*\\)$`, "m"), statement);
  await writeMember(c, `SYS1.PARMLIB(IZUPRM${suffix})`, text);
}

export const jobs = (s: EmulatorState, system: string) => Object.keys(s.systems[system].tasks).sort();
