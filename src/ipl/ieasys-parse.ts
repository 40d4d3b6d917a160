/**
 * IEASYSxx as the system reads it at IPL (DOC: MVS Initialization and Tuning Reference,
 * "IEASYSxx" and "General syntax rules for the creation of members"):
 * - columns 1-71 hold data, 72-80 are ignored; leading blanks are suppressed;
 * - parameters are `NAME=value` or a bare `NAME`, separated by commas; a value may be a
 *   parenthesised list, or a quoted string in which `''` is one apostrophe;
 * - the data on a record ends at the first blank outside quotes; what follows is comment;
 * - a record whose data ends with a comma continues the list on the next record, and a record
 *   whose data does not ends it.
 * Records that are blank or start with a closed `/* ... *\/` are taken as comments (INF: IBM
 * members carry them; the reference does not say how a comment record interacts with a
 * continuation, so the editor never relies on it). Anything this reader cannot place — a quote
 * or comment left open, text after the end of the list, a name that is not a name — is a
 * problem, and the plug-in neither edits nor judges such a member.
 */
import { DATA_COLUMNS, recordsOf } from "./records";

export interface IeasysParameter {
  /** Upper case. */
  readonly name: string;
  /** As written after `=`; "" for a bare parameter. */
  readonly value: string;
  /** 0-based record of the parameter's first character, and of its last. */
  readonly line: number;
  readonly lastLine: number;
  /** 0-based columns of the parameter (name through value) on `line`, end exclusive, when on one record. */
  readonly start: number;
  readonly end: number;
}

export interface IeasysList {
  readonly records: readonly string[];
  readonly finalBreak: boolean;
  readonly parameters: readonly IeasysParameter[];
  /** `line N: ...` for everything the reader could not place. */
  readonly problems: readonly string[];
  /** 0-based record of the first data, -1 when the member holds none. */
  readonly firstDataLine: number;
  /** 0-based column just past each data record's data, by record. */
  readonly dataEnds: ReadonlyMap<number, number>;
}

interface Piece {
  readonly line: number;
  readonly column: number;
  readonly text: string;
}

/** Where the data of one record ends: the first blank outside quotes, or -1 when a quote stays open. */
function dataEnd(area: string, from: number): number {
  let quoted = false;
  for (let i = from; i < area.length; i++) {
    const c = area[i];
    if (c === "'") quoted = !quoted;
    else if (c === " " && !quoted) return i;
  }
  return quoted ? -1 : area.replace(/ +$/, "").length;
}

function isCommentRecord(area: string): boolean {
  const t = area.trim();
  return t === "" || (t.startsWith("/*") && t.endsWith("*/") && t.indexOf("*/") === t.length - 2);
}

function readPieces(records: readonly string[], problems: string[]): { pieces: Piece[]; ends: Map<number, number> } {
  const pieces: Piece[] = [];
  const ends = new Map<number, number>();
  let state: "before" | "in" | "after" = "before";
  let endedAt = -1;
  records.forEach((record, line) => {
    const area = record.slice(0, DATA_COLUMNS).replace(/\t/g, " ");
    if (isCommentRecord(area)) return;
    const show = `line ${line + 1}: ${record.trimEnd()}`;
    if (state === "after") {
      problems.push(`${show} (after the end of the list on line ${endedAt + 1}, which has no trailing comma; the system does not read it)`);
      return;
    }
    const column = area.length - area.trimStart().length;
    const end = dataEnd(area, column);
    if (end < 0) {
      problems.push(`${show} (a quote is not closed within column ${DATA_COLUMNS})`);
      return;
    }
    const text = area.slice(column, end);
    pieces.push({ line, column, text });
    ends.set(line, end);
    state = text.endsWith(",") ? "in" : "after";
    if (state === "after") endedAt = line;
  });
  const last = pieces[pieces.length - 1];
  if (last && last.text.endsWith(","))
    problems.push(`line ${last.line + 1}: ${records[last.line]!.trimEnd()} (ends with a comma but no record follows)`);
  return { pieces, ends };
}

/** Splits the joined data at commas outside parentheses and quotes; each part with its offset. */
function splitTopLevel(joined: string): { text: string; offset: number }[] {
  const parts: { text: string; offset: number }[] = [];
  let depth = 0;
  let quoted = false;
  let from = 0;
  for (let i = 0; i <= joined.length; i++) {
    const c = joined[i];
    if (c === "'") quoted = !quoted;
    else if (!quoted && c === "(") depth++;
    else if (!quoted && c === ")") depth--;
    if (i === joined.length || (c === "," && depth === 0 && !quoted)) {
      parts.push({ text: joined.slice(from, i), offset: from });
      from = i + 1;
    }
  }
  return parts;
}

export function parseIeasys(text: string): IeasysList {
  const { records, finalBreak } = recordsOf(text);
  const problems: string[] = [];
  const { pieces, ends } = readPieces(records, problems);
  // Each character of the joined list knows its record and column.
  const where: { line: number; column: number }[] = [];
  let joined = "";
  for (const p of pieces) {
    joined += p.text;
    for (let k = 0; k < p.text.length; k++) where.push({ line: p.line, column: p.column + k });
  }
  if (joined.endsWith(",")) joined = joined.slice(0, -1);
  const parameters: IeasysParameter[] = [];
  for (const part of joined === "" ? [] : splitTopLevel(joined)) {
    const first = where[part.offset];
    const last = where[part.offset + part.text.length - 1];
    const m = /^([A-Za-z][A-Za-z0-9]*)(?:=(.*))?$/s.exec(part.text);
    if (!first || !last || !m) {
      const at = first ?? where[Math.max(0, part.offset - 1)];
      const line = at?.line ?? 0;
      problems.push(
        `line ${line + 1}: ${records[line]?.trimEnd() ?? ""} (${part.text === "" ? "an empty parameter" : `'${part.text}' is not a parameter`})`,
      );
      continue;
    }
    if (m[2] !== undefined && !balanced(m[2]))
      problems.push(
        `line ${first.line + 1}: ${records[first.line]!.trimEnd()} (the parentheses of ${m[1]!.toUpperCase()}= do not balance)`,
      );
    parameters.push({
      name: m[1]!.toUpperCase(),
      value: m[2] ?? "",
      line: first.line,
      lastLine: last.line,
      start: first.column,
      end: last.column + 1,
    });
  }
  return { records, finalBreak, parameters, problems, firstDataLine: pieces[0]?.line ?? -1, dataEnds: ends };
}

function balanced(value: string): boolean {
  let depth = 0;
  let quoted = false;
  for (const c of value) {
    if (c === "'") quoted = !quoted;
    else if (!quoted && c === "(") depth++;
    else if (!quoted && c === ")" && --depth < 0) return false;
  }
  return depth === 0 && !quoted;
}

/** What a member says about a parameter naming member suffixes (IZU=, OMVS=). */
export type SuffixParameter =
  | { readonly state: "absent" }
  | { readonly state: "listed"; readonly suffixes: readonly string[]; readonly parameter: IeasysParameter }
  | { readonly state: "unreadable"; readonly reason: string; readonly lines: readonly string[] };

/** `xx` or `(xx,yy,...)`, two characters each, as member suffixes; anything else (symbols, keywords) is null. */
export function suffixList(value: string): string[] | null {
  const v = value.trim().toUpperCase();
  if (/^[A-Z0-9@#$]{2}$/.test(v)) return [v];
  const m = /^\(([^()]*)\)$/.exec(v);
  if (!m) return null;
  const items = m[1]!.split(",").map((s) => s.trim());
  return items.every((s) => /^[A-Z0-9@#$]{2}$/.test(s)) ? items : null;
}

/** The suffixes a member gives a parameter; a member the reader could not read, or two of the parameter, is unreadable. */
export function suffixParameter(list: IeasysList, name: string): SuffixParameter {
  if (list.problems.length > 0)
    return { state: "unreadable", reason: "the member cannot be read as the system reads it", lines: list.problems };
  const found = list.parameters.filter((p) => p.name === name);
  if (found.length === 0) return { state: "absent" };
  const lines = found.map((p) => `line ${p.line + 1}: ${list.records[p.line]!.trimEnd()}`);
  if (found.length > 1) return { state: "unreadable", reason: `${name}= is given ${found.length} times`, lines };
  const suffixes = suffixList(found[0]!.value);
  if (suffixes === null) return { state: "unreadable", reason: `${name}=${found[0]!.value} is not a suffix or a list of suffixes`, lines };
  return { state: "listed", suffixes, parameter: found[0]! };
}
