/**
 * The emulator and the SDK as the IPL lifecycle tests drive them: a sysplex started from an
 * example topology, provision and verify as the commands run them, and the control API for
 * what an operator does at the HMC (IPL) or the console (stack restart).
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { expect } from "vitest";
import { start, type Emulator } from "../../../emulator";
import { isDisplayCommand } from "../../../src/engine/sent";
import { parseNetstat, type PortlistEntry, type VipadcfgReport } from "../../../src/parsers";
import { verify, type VerifyResult } from "../../../src/run/verify";
import { createZosmfClient, type ZosmfConnection } from "../../../src/zosmf";

export const FAST = { consoleDelayMs: 20, jobTimeoutMs: 30_000 };

export interface Plex {
  emu: Emulator;
  topologyFile: string;
  connection: ZosmfConnection;
}

/** The emulator for `example`'s systems with its topology file written as `edit` leaves it. */
export async function plexFor(example: string, systems: string[], edit: (t: string) => string = (t) => t): Promise<Plex> {
  const emu = await start({ tls: false, port: 0, systems, dvipaListeners: true, jobTiming: { inputMs: 5, activeMs: 20 } });
  const dir = mkdtempSync(path.join(tmpdir(), "ha-ipl-"));
  const topologyFile = path.join(dir, "plex.yaml");
  writeFileSync(topologyFile, edit(readFileSync(path.join(__dirname, "../../../examples", example), "utf8")));
  const url = new URL(emu.url);
  return {
    emu,
    topologyFile,
    connection: { hostname: url.hostname, port: Number(url.port), protocol: "http", user: emu.user, password: emu.password },
  };
}

/** A control API call that must succeed; its JSON answer. */
export async function control(p: Plex, method: string, controlPath: string, body?: unknown): Promise<Record<string, unknown>> {
  const res = await fetch(new URL(`/__emulator/${controlPath}`, p.emu.url), {
    method,
    body: body === undefined ? undefined : JSON.stringify(body),
    headers: { "content-type": "application/json" },
  });
  const text = await res.text();
  expect(res.ok, text).toBe(true);
  return text ? (JSON.parse(text) as Record<string, unknown>) : {};
}

/** Re-IPLs `system`; it stays down until the emulated clock has moved `durationMs` on (0: back at once). */
export const ipl = (p: Plex, system: string, durationMs = 0) => control(p, "POST", `system/${system}/ipl`, { durationMs });
export const advanceClock = (p: Plex, advanceMs: number) => control(p, "POST", "clock", { advanceMs });
export const restartTcpip = (p: Plex, system: string) => control(p, "POST", `system/${system}/tcpip-restart`);

/** One operator command through z/OSMF's console API, as an operator at a console would enter it. */
export async function operator(p: Plex, system: string, command: string): Promise<string> {
  const client = createZosmfClient(p.connection);
  try {
    return (await client.console.issue(command, { system, collect: { maxFollowUps: 2, delayMs: 20 } })).text;
  } finally {
    client.close();
  }
}

/** verify as the commands run it, with the DVIPA reached at the local port the emulator serves it on. */
export async function verifyNow(p: Plex): Promise<VerifyResult> {
  await p.emu.settle();
  return verify({ topologyFile: p.topologyFile, connection: p.connection, endpoints: { ...p.emu.dvipaUrls } });
}

export const check = (r: VerifyResult, id: string, system?: string) => r.checks.find((c) => c.id === id && c.system === system);

/** The checks that are not healthy, with what they found and why, for a readable failure. */
export const unhealthy = (r: VerifyResult) =>
  r.checks
    .filter((c) => c.verdict !== "healthy")
    .map((c) => `${c.id}${c.system ? `/${c.system}` : ""} ${c.verdict}: ${c.found ?? ""} ${c.reason ?? ""}`);

/** Console commands since `mark` other than displays (verify only displays: D, $D, RVARY LIST). */
export const pluginCommandsSince = (p: Plex, mark: number) =>
  p.emu.requestLog.consoleCommands
    .slice(mark)
    .map((c) => c.cmd)
    .filter((c) => !isDisplayCommand(c));

async function netstat<K extends "PORTLIST" | "VIPADCFG">(p: Plex, system: string, report: K, command: string, empty?: unknown) {
  const client = createZosmfClient(p.connection);
  try {
    const r = await client.console.issue(command, { system, collect: { maxFollowUps: 4, delayMs: 20 } });
    const parsed = parseNetstat(report, r.text);
    if (parsed.kind === "not-in-sysplex" && empty !== undefined) return empty;
    if (parsed.kind !== "ok") throw new Error(`${report} on ${system}: ${parsed.kind}\n${r.text}`);
    return parsed.data;
  } finally {
    client.close();
  }
}

/** The running stack's DVIPA configuration, as NETSTAT VIPADCFG shows it through the console API. */
export const vipadcfg = (p: Plex, system: string, options: { notInSysplex?: "empty" } = {}): Promise<VipadcfgReport> => {
  // A stack outside the sysplex group has no dynamic VIPA configuration at all (EZZ2503I).
  const none: VipadcfgReport = { backups: [], defines: [], ranges: [], distributes: [], routes: [], unknownLines: [] };
  return netstat(
    p,
    system,
    "VIPADCFG",
    "D TCPIP,TCPIP,N,VIPADCFG,DETAIL",
    options.notInSysplex ? none : undefined,
  ) as Promise<VipadcfgReport>;
};
/** The running stack's port reservations, as NETSTAT PORTLIST shows them. */
export const portlist = (p: Plex, system: string): Promise<PortlistEntry[]> =>
  (netstat(p, system, "PORTLIST", "D TCPIP,TCPIP,N,PORTLIST") as Promise<{ entries: PortlistEntry[] }>).then((d) => d.entries);

/** A member's text through z/OSMF, or null when it does not exist. */
export async function member(p: Plex, dsn: string, name: string): Promise<string | null> {
  const res = await fetch(new URL(`/zosmf/restfiles/ds/${dsn}(${name})`, p.emu.url), {
    headers: { authorization: `Basic ${Buffer.from(`${p.emu.user}:${p.emu.password}`).toString("base64")}` },
  });
  if (res.status === 404) return null;
  expect(res.status).toBe(200);
  return res.text();
}
