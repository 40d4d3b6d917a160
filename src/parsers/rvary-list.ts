/**
 * `RVARY LIST` as RACF answers it (RACF Messages and Codes, RVARY command messages): ICH15013I
 * opens the list of RACF data sets in use, one row each with ACTIVE, USE (PRIM or BACK), NUM,
 * VOLUME and DATASET. Only the active primary data sets name the database a system uses.
 * No ICH15013I, or no active primary row, is unknown: never "the same database".
 */
import { splitLines } from "./frame";

export interface RacfDataset {
  readonly num: number;
  readonly volume: string;
  readonly dsn: string;
}

export type RvaryList =
  { readonly state: "known"; readonly primary: readonly RacfDataset[] } | { readonly state: "unknown"; readonly lines: readonly string[] };

const ROW = /^\s*(YES|NO)\s+(PRIM|BACK)\s+(\d+)\s+([A-Z0-9@#$*]{1,6})\s+([A-Z@#$][A-Z0-9@#$.-]{0,43})\s*$/;

export function parseRvaryList(text: string): RvaryList {
  const lines = splitLines(text).filter((l) => l.trim() !== "");
  const header = lines.findIndex((l) => /(^|\s)ICH15013I\s/.test(l));
  if (header < 0) return { state: "unknown", lines };
  const primary: RacfDataset[] = [];
  for (const line of lines.slice(header + 1)) {
    const m = ROW.exec(line.toUpperCase());
    if (m?.[1] === "YES" && m[2] === "PRIM") primary.push({ num: Number(m[3]), volume: m[4]!, dsn: m[5]! });
  }
  if (primary.length === 0) return { state: "unknown", lines };
  return { state: "known", primary: primary.sort((a, b) => a.num - b.num) };
}

/** The database in words, for comparing and for messages: `SYS1.RACF.PRIMARY on RACF01`, joined when split. */
export function racfDatabaseName(primary: readonly RacfDataset[]): string {
  return primary.map((d) => `${d.dsn} on ${d.volume}`).join(", ");
}
