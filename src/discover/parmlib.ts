import { parseIeasys, suffixParameter } from "../ipl/ieasys-parse";
import { parseIzuprm, splitLines, type IzuprmValue } from "../parsers";
import type { DiscoverReader } from "./reader";

/*
 * What a system reads at IPL: its logical PARMLIB (D PARMLIB, IEE251I), the IEASYSxx list it
 * IPLed with (D IPLINFO, IEE254I), the IZU= and OMVS= those members name, and the IZUPRMxx
 * members of the concatenation. Key on the message ids; an answer without them is unknown.
 */

export interface IplFacts {
  /** The logical PARMLIB, first to last; empty when D PARMLIB could not be read. */
  readonly parmlibs: readonly string[];
  /** The IEASYSxx suffixes of the IEASYS LIST; null when D IPLINFO could not be read. */
  readonly ieasysList: readonly string[] | null;
  /** The suffixes IZU= and OMVS= name, each with the member that names them (the last one read wins). */
  readonly izu: { readonly suffixes: readonly string[]; readonly member: string } | null;
  readonly omvs: { readonly suffixes: readonly string[]; readonly member: string } | null;
  readonly notes: readonly string[];
}

export interface IzuprmMember {
  readonly suffix: string;
  readonly library: string;
  readonly values: Readonly<Record<string, IzuprmValue>>;
}

/** IEE251I: `entry [flags] volume dsname` under the ENTRY FLAGS VOLUME DATA SET heading. */
export function parseParmlibDisplay(text: string): string[] | null {
  const lines = splitLines(text);
  if (!lines.some((l) => /(^|\s)IEE251I\s/.test(l))) return null;
  const heading = lines.findIndex((l) => /^\s*ENTRY\s+FLAGS\s+VOLUME\s+DATA\s+SET\s*$/.test(l));
  if (heading < 0) return null;
  const out: string[] = [];
  for (const l of lines.slice(heading + 1)) {
    const m = /^\s*\d+\s+(?:[A-Z]{1,3}\s+)?\S{1,6}\s+([A-Z@#$][A-Z0-9@#$.-]{0,43})\s*$/.exec(l);
    if (m === null) break;
    out.push(m[1]!);
  }
  return out.length > 0 ? out : null;
}

/** IEE254I: `IEASYS LIST = (aa,bb) ...`; the suffixes of the first parenthesised list. */
export function parseIeasysList(text: string): string[] | null {
  const lines = splitLines(text);
  if (!lines.some((l) => /(^|\s)IEE254I\s/.test(l))) return null;
  const m = lines.map((l) => /^\s*IEASYS\s+LIST\s*=\s*\(([A-Z0-9@#$, ]+)\)/.exec(l)).find((x) => x !== null);
  return m
    ? m[1]!
        .split(",")
        .map((s) => s.trim())
        .filter((s) => /^[A-Z0-9@#$]{2}$/.test(s))
    : null;
}

/** The first library of the concatenation holding the member, and its text. */
export async function inConcatenation(reader: DiscoverReader, libs: readonly string[], member: string) {
  for (const library of libs) {
    const text = await reader.member(library, member);
    if (text !== null) return { library, text };
  }
  return null;
}

export async function readIpl(reader: DiscoverReader, system: string): Promise<IplFacts> {
  const notes: string[] = [];
  const parmlibs = parseParmlibDisplay(await reader.display("D PARMLIB", system)) ?? [];
  if (parmlibs.length === 0) notes.push(`D PARMLIB on ${system} did not answer with IEE251I and a data set list`);
  const ieasysList = parseIeasysList(await reader.display("D IPLINFO", system));
  if (ieasysList === null) notes.push(`D IPLINFO on ${system} did not answer with IEE254I and an IEASYS LIST`);
  let izu: IplFacts["izu"] = null;
  let omvs: IplFacts["omvs"] = null;
  // IEASYS00 first, then the list in order: a later IZU= or OMVS= replaces an earlier one.
  for (const sfx of ["00", ...(ieasysList ?? []).filter((s) => s !== "00")]) {
    const found = await inConcatenation(reader, parmlibs, `IEASYS${sfx}`);
    if (found === null) continue;
    const list = parseIeasys(found.text);
    for (const [name, set] of [
      ["IZU", (v: IplFacts["izu"]) => (izu = v)],
      ["OMVS", (v: IplFacts["omvs"]) => (omvs = v)],
    ] as const) {
      const p = suffixParameter(list, name);
      if (p.state === "listed") set({ suffixes: p.suffixes, member: `IEASYS${sfx}` });
      if (p.state === "unreadable") notes.push(`IEASYS${sfx} in ${found.library}: ${p.reason}`);
    }
  }
  return { parmlibs, ieasysList, izu, omvs, notes };
}

/** Every IZUPRMxx of the concatenation (the first of each name counts), with its statements. */
export async function readIzuprms(reader: DiscoverReader, libs: readonly string[]): Promise<IzuprmMember[]> {
  const out: IzuprmMember[] = [];
  for (const library of libs) {
    for (const name of (await reader.members(library, "IZUPRM*")) ?? []) {
      const suffix = name.slice(6);
      if (suffix.length !== 2 || out.some((m) => m.suffix === suffix)) continue;
      const text = await reader.member(library, name);
      if (text === null) continue;
      const parsed = parseIzuprm(text);
      out.push({ suffix, library, values: Object.fromEntries(Object.values(parsed.statements).map((s) => [s.name, s.value])) });
    }
  }
  return out;
}
