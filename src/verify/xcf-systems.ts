/**
 * `D XCF,S,ALL` as XCF answers it on z/OS 2.1 and later (zosmf-facts §10.2, DOC: IXC336I):
 * a heading naming the columns (SYSTEM TYPE SERIAL LPAR STATUS TIME SYSTEM STATUS), then one
 * line per system of the sysplex: name, type, serial, LPAR, the date and time of its last
 * status update, and its status. A system that left the sysplex is not ACTIVE there (or no
 * longer listed). Anything without IXC336I or without the heading is unknown, never "all up".
 */
import { splitLines } from "../parsers/frame";

export interface XcfSystem {
  readonly name: string;
  /** ACTIVE, or what XCF says instead (BEING REMOVED, MONITOR-DETECTED STOP, ...). */
  readonly status: string;
  /** The last status update as XCF shows it: mm/dd/yyyy hh:mm:ss. */
  readonly statusTime: string;
}

export type XcfSystems =
  { readonly state: "ok"; readonly systems: readonly XcfSystem[] } | { readonly state: "unknown"; readonly lines: readonly string[] };

const ENTRY = /^([A-Z@#$][A-Z0-9@#$]{0,7})\s+\S+\s+\S+\s+\S+\s+(\d{1,2}\/\d{1,2}\/\d{4})\s+(\d{1,2}:\d{2}:\d{2})\s+(\S.*)$/;

export function parseXcfSystems(text: string): XcfSystems {
  const lines = splitLines(text).filter((l) => l.trim() !== "");
  const id = lines.findIndex((l) => /(^|\s)IXC336I\s/.test(l));
  if (id < 0) return { state: "unknown", lines };
  const heading = lines.findIndex((l, i) => i > id && /^\s*SYSTEM\s+TYPE\s+SERIAL\s+LPAR\s+STATUS\s+TIME\s+SYSTEM\s+STATUS\s*$/.test(l));
  if (heading < 0) return { state: "unknown", lines };
  const systems: XcfSystem[] = [];
  for (const line of lines.slice(heading + 1)) {
    const m = ENTRY.exec(line.trim());
    if (m === null) break;
    systems.push({ name: m[1]!, statusTime: `${m[2]} ${m[3]}`, status: m[4]!.trim().replace(/\s{2,}.*$/, "") });
  }
  if (systems.length === 0) return { state: "unknown", lines };
  return { state: "ok", systems };
}

export const isXcfActive = (s: XcfSystem): boolean => /^ACTIVE\b/.test(s.status);

/**
 * The answer names every one of `names`: all the checks look at. IXC336I has no trailer, so a
 * system not (yet) listed is never taken as proof; that answer is read until it settles.
 */
export function xcfListsEvery(text: string, names: readonly string[]): boolean {
  const parsed = parseXcfSystems(text);
  return parsed.state === "ok" && names.every((n) => parsed.systems.some((s) => s.name === n.toUpperCase()));
}
