import type { IncludeTarget } from "../ipl/tcpip-profile";
import { parseTarget } from "../ipl/tcpip-profile";
import { walkProfile } from "../ipl/tcpip-profile-walk";
import { parseNetstat, type PortlistEntry, type VipadcfgReport, type VipadynReport } from "../parsers";
import { readDisplay } from "../tcpip/display";
import { netstatCommand } from "../tcpip/netstat";
import type { DiscoverReader } from "./reader";

/*
 * One TCP/IP stack as its displays and its start-up profile show it. `D TCPIP,,N,HOME` with
 * no procedure name goes to the system's stack and its EZD0101I header names the procedure.
 */

export interface DynamicXcfStatement {
  readonly address: string;
  readonly mask: string;
  readonly cost: number;
  /** The member the statement was read from. */
  readonly member: string;
}

export interface StackFacts {
  readonly system: string;
  readonly proc: string | null;
  readonly homeCommand: string;
  readonly home: readonly { readonly link: string; readonly address: string; readonly primary: boolean }[];
  readonly cfg: VipadcfgReport | null;
  readonly dyn: VipadynReport | null;
  readonly ports: readonly PortlistEntry[] | null;
  /** Who listens on which port (NETSTAT CONN). */
  readonly listeners: readonly { readonly port: number; readonly user: string }[];
  /** The PROFILE DD of the procedure, resolved; null when it could not be found. */
  readonly profile: { readonly target: IncludeTarget; readonly procLib: string; readonly includes: readonly IncludeTarget[] } | null;
  readonly xcfStatement: DynamicXcfStatement | null;
  /** What could not be read, one line each. */
  readonly notes: readonly string[];
}

/** DOC (IP Configuration Guide, dynamic XCF): the links dynamic XCF creates carry its address. */
export const isXcfLink = (link: string): boolean => link === "EZASAMEMVS" || /^EZAXCF/.test(link);

const HOME_ANY = "D TCPIP,,NETSTAT,HOME";

async function report<R extends "VIPADCFG" | "VIPADYN" | "PORTLIST" | "CONN">(
  reader: DiscoverReader,
  system: string,
  proc: string,
  r: R,
  notes: string[],
) {
  const command = netstatCommand(proc, { report: r, ...(r === "VIPADCFG" ? { options: ["DETAIL"] } : {}) });
  const d = readDisplay(r, await reader.display(command, system));
  if (d.state === "ok" && !d.truncated) return d.data;
  if (d.state === "not-in-sysplex") return null;
  notes.push(
    `${command} on ${system}: ${d.state === "refused" ? `${d.messageId} ${d.text}` : d.state === "ok" ? "cut short" : "not understood"}`,
  );
  return null;
}

export async function readStack(reader: DiscoverReader, system: string, procLibs: readonly string[]): Promise<StackFacts> {
  const notes: string[] = [];
  const parsed = parseNetstat("HOME", await reader.display(HOME_ANY, system));
  if (parsed.kind !== "ok" || parsed.frame.header?.proc === undefined) {
    notes.push(`${HOME_ANY} on ${system} named no stack`);
    const none = { cfg: null, dyn: null, ports: null, listeners: [], profile: null, xcfStatement: null };
    return { system, proc: null, homeCommand: HOME_ANY, home: [], ...none, notes };
  }
  const proc = parsed.frame.header.proc;
  const home = parsed.data.entries
    .filter((e) => e.address !== null && e.address !== "127.0.0.1")
    .map((e) => ({ link: e.name ?? "", address: e.address!, primary: e.primary }));
  const cfg = await report(reader, system, proc, "VIPADCFG", notes);
  const dyn = await report(reader, system, proc, "VIPADYN", notes);
  const ports = await report(reader, system, proc, "PORTLIST", notes);
  const conn = await report(reader, system, proc, "CONN", notes);
  const listeners = (conn?.entries ?? [])
    .filter((e) => e.listening && e.local?.port != null)
    .map((e) => ({ port: e.local!.port!, user: e.user }));
  const profile = await profileOf(reader, system, proc, procLibs, notes);
  return { system, proc, homeCommand: HOME_ANY, home, cfg, dyn, ports: ports?.entries ?? null, listeners, ...profile, notes };
}

/** INF: &SYSCLONE. is taken as the last two characters of the system name (D SYMBOLS shows the real one). */
function resolveSymbols(dsn: string, system: string): string {
  return dsn.replace(/&SYSCLONE\.?/g, system.slice(-2)).replace(/&SYSNAME\.?/g, system);
}

async function profileOf(reader: DiscoverReader, system: string, proc: string, procLibs: readonly string[], notes: string[]) {
  for (const lib of procLibs) {
    const jcl = await reader.member(lib, proc);
    if (jcl === null) continue;
    const dd = /^\/\/PROFILE\s+DD\s+(?:.*,)?DSN=([^,\s]+)/im.exec(jcl);
    const target = dd ? parseTarget(resolveSymbols(dd[1]!.toUpperCase(), system)) : null;
    if (target === null) {
      notes.push(`${lib}(${proc}) has no PROFILE DD naming a data set discover can follow`);
      return { profile: null, xcfStatement: null };
    }
    const walk = await walkProfile(target, async (t) => (t.member === undefined ? null : reader.member(t.dsn, t.member)));
    if (walk.unreadable.length > 0) notes.push(...walk.unreadable.map((u) => `${system} profile: ${u}`));
    if (walk.members[0]?.text == null) return { profile: null, xcfStatement: null };
    const includes = walk.members.filter((m) => m.includedBy !== undefined).map((m) => m.target);
    return { profile: { target, procLib: lib, includes }, xcfStatement: xcfStatementOf(walk.members) };
  }
  notes.push(`no ${proc} procedure in ${procLibs.join(", ") || "any PROCLIB found"}`);
  return { profile: null, xcfStatement: null };
}

/** `IPCONFIG DYNAMICXCF address mask cost` in the profile or what it includes; the last one counts. */
function xcfStatementOf(
  members: readonly { target: IncludeTarget; read: { words: readonly string[] } | null }[],
): DynamicXcfStatement | null {
  let last: DynamicXcfStatement | null = null;
  for (const m of members) {
    const words = m.read?.words ?? [];
    words.forEach((w, i) => {
      if (w !== "DYNAMICXCF") return;
      const [address, mask, cost] = words.slice(i + 1, i + 4);
      if (address && mask && /^\d+\.\d+\.\d+\.\d+$/.test(address) && /^\d+\.\d+\.\d+\.\d+$/.test(mask)) {
        last = { address, mask, cost: /^\d+$/.test(cost ?? "") ? Number(cost) : 1, member: `${m.target.dsn}(${m.target.member ?? ""})` };
      }
    });
  }
  return last;
}
