import { splitLines } from "../parsers";
import { isXcfActive, parseXcfSystems } from "../verify/xcf-systems";
import type { MountedFileSystem } from "../zosmf";
import { readIpl, readIzuprms, type IplFacts, type IzuprmMember } from "./parmlib";
import type { DiscoverReader } from "./reader";
import { readStack, type StackFacts } from "./stack";

/*
 * Everything discover reads, gathered before any value is chosen: the sysplex (D XCF,S,ALL),
 * then each system that is ACTIVE. A system that is not is marked down and nothing is read
 * from it, so nothing about it is guessed from an older state.
 */

export interface SystemFacts {
  readonly name: string;
  /** Why nothing was read from it; absent for an ACTIVE system. */
  readonly down?: string;
  readonly stack?: StackFacts;
  readonly ipl?: IplFacts;
  /** Job names of the address spaces D A,L lists. */
  readonly tasks?: readonly string[];
  /** The file system mounted on the USER_DIR of its IZUPRMxx. */
  readonly userDirMount?: MountedFileSystem | null;
}

export interface PlexFacts {
  readonly sysplex: string | null;
  readonly systems: readonly SystemFacts[];
  readonly izuprms: readonly IzuprmMember[];
  /** SYS1.*PROCLIB and SYS1.*SAMPLIB libraries with the members discover looks for. */
  readonly libraries: readonly { readonly dsname: string; readonly volume?: string; readonly members: readonly string[] }[];
  readonly notes: readonly string[];
}

const LOOKED_FOR = ["TCPIP", "IZUSVR*", "IZUANG1", "IZUFPROC", "IZUPRM00"];

/** IEE115I: the job name of each address space entry (summary lines are not entries). */
export function parseTaskNames(text: string): string[] | null {
  const lines = splitLines(text);
  const at = lines.findIndex((l) => /(^|\s)IEE115I\s/.test(l));
  if (at < 0) return null;
  return lines
    .slice(at + 3)
    .map((l) => l.trim().split(/\s+/))
    .filter((w) => w.length >= 3 && /^[A-Z@#$][A-Z0-9@#$]{0,7}$/.test(w[0]!) && /^[A-Z@#$]/.test(w[1]!))
    .map((w) => w[0]!);
}

async function readLibraries(reader: DiscoverReader): Promise<PlexFacts["libraries"]> {
  const libs = (await reader.datasets("SYS1")).filter((d) => /\.(\w*PROCLIB|SAMPLIB)$/.test(d.dsname));
  const out: { dsname: string; volume?: string; members: string[] }[] = [];
  for (const d of libs) {
    const members: string[] = [];
    for (const pattern of LOOKED_FOR) members.push(...((await reader.members(d.dsname, pattern)) ?? []));
    out.push({ dsname: d.dsname, ...(typeof d.vol === "string" ? { volume: d.vol } : {}), members });
  }
  return out;
}

async function readSystem(reader: DiscoverReader, name: string, procLibs: readonly string[]): Promise<SystemFacts> {
  const stack = await readStack(reader, name, procLibs);
  const ipl = await readIpl(reader, name);
  const tasks = parseTaskNames(await reader.display("D A,L", name)) ?? [];
  return { name, stack, ipl, tasks };
}

export async function readPlex(reader: DiscoverReader, only: readonly string[] | undefined): Promise<PlexFacts> {
  const xcfText = await reader.display("D XCF,S,ALL");
  const xcf = parseXcfSystems(xcfText);
  if (xcf.state !== "ok") {
    throw new Error(`D XCF,S,ALL did not answer with IXC336I: ${xcf.lines.slice(0, 3).join(" | ") || "(no lines)"}`);
  }
  const sysplex = /^\s*SYSPLEX\s+([A-Z@#$][A-Z0-9@#$]{0,7})\s*$/m.exec(splitLines(xcfText).join("\n"))?.[1] ?? null;
  const names = only ?? xcf.systems.map((s) => s.name);
  const libraries = await readLibraries(reader);
  const procLibs = libraries.filter((l) => /PROCLIB$/.test(l.dsname)).map((l) => l.dsname);
  const systems: SystemFacts[] = [];
  for (const name of names) {
    const entry = xcf.systems.find((s) => s.name === name);
    if (entry === undefined) systems.push({ name, down: `${name} is not in the sysplex: D XCF,S,ALL does not list it` });
    else if (!isXcfActive(entry)) systems.push({ name, down: `${name} is ${entry.status} in D XCF,S,ALL (since ${entry.statusTime})` });
    else systems.push(await readSystem(reader, name, procLibs));
  }
  const parmlibs = systems.find((s) => s.ipl && s.ipl.parmlibs.length > 0)?.ipl?.parmlibs ?? [];
  const izuprms = await readIzuprms(reader, parmlibs);
  const withMounts = await Promise.all(systems.map(async (s) => mountOf(reader, s, izuprms)));
  return { sysplex, systems: withMounts, izuprms, libraries, notes: [] };
}

/** The USER_DIR of the IZUPRMxx the system's IZU= names, and what is mounted there. */
export function ownIzuprm(s: SystemFacts, izuprms: readonly IzuprmMember[]): IzuprmMember | undefined {
  const suffixes = s.ipl?.izu?.suffixes ?? [];
  return izuprms.find((m) => suffixes.includes(m.suffix) && m.values.AUTOSTART === "LOCAL") ?? undefined;
}

async function mountOf(reader: DiscoverReader, s: SystemFacts, izuprms: readonly IzuprmMember[]): Promise<SystemFacts> {
  const dir = ownIzuprm(s, izuprms)?.values.USER_DIR;
  if (typeof dir !== "string") return s;
  const mounts = await reader.mounts(dir);
  return { ...s, userDirMount: mounts.find((m) => m.mountpoint.replace(/\/$/, "") === dir.replace(/\/$/, "")) ?? null };
}
