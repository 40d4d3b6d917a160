/**
 * The aggregated answer to `RO *ALL,cmd` (IEE421I): the responses of every system of the
 * sysplex in one message, sorted by system name. Two layouts (DOC, IEE421I):
 * - every response one line: a `SYSNAME  RESPONSES ---` heading, then one row per system,
 *   its name then its response;
 * - some response of several lines: per system a `name  RESPONSES ---` heading, then its lines.
 * Before them, `NO RESPONSE RECEIVED FROM THE FOLLOWING SYSTEM(S):` lists the systems that did
 * not answer in time. Systems are keyed by name; the text of each is given back as a response
 * of its own, so the parser of the display reads it as if it had been asked alone.
 */
import { splitLines } from "./frame";

export const ROUTE_ALL_ID = "IEE421I";

export type RoutedResponse =
  | {
      readonly ok: true;
      /** Each system that answered, upper case, and its response text (lines joined with `\r`). */
      readonly answers: ReadonlyMap<string, string>;
      /** Systems named as not having answered within the ROUTE timeout. */
      readonly noResponse: readonly string[];
    }
  | { readonly ok: false; readonly lines: readonly string[] };

const HEADING = /^\s*([A-Z0-9@#$]{1,8})\s+RESPONSES\s+-+\s*$/i;
// A row may carry no text: that system's answer is empty (unreadable for it alone, never healthy).
const ROW = /^\s*([A-Z0-9@#$]{1,8})(?:\s+(\S.*))?\s*$/i;
const BLANK = /^\s*$/;
const NO_RESPONSE = /NO\s+RESPONSE\s+RECEIVED\s+FROM\s+THE/i;
const NOT_ACTIVE = /FOLLOWING\s+SYSTEMS\s+WERE\s+SPECIFIED/i;
const NAMES = /^\s*(?:[A-Z0-9@#$]{1,8}\s*)+$/i;

/** A response line as the console API frames it alone: the message line with one blank, continuations with two. */
const asOwn = (lines: readonly string[]) => lines.map((l, i) => (i === 0 ? ` ${l.trim()}` : `  ${l.trim()}`)).join("\r");

/** Reads the system lists before the responses; returns where the responses begin. */
function readLists(lines: readonly string[], from: number, noResponse: string[]): number {
  let i = from;
  let list: string[] | null = null;
  for (; i < lines.length && !HEADING.test(lines[i]!); i++) {
    const line = lines[i]!;
    if (NO_RESPONSE.test(line)) list = noResponse;
    else if (NOT_ACTIVE.test(line)) list = [];
    else if (list !== null && NAMES.test(line) && !/SYSTEM\(S\)/i.test(line)) list.push(...line.trim().toUpperCase().split(/\s+/));
  }
  return i;
}

export function parseRouteAll(text: string): RoutedResponse {
  const lines = splitLines(text);
  const start = lines.findIndex((l) => new RegExp(`^\\s*${ROUTE_ALL_ID}\\s`).test(l));
  if (start < 0) return { ok: false, lines: lines.slice(0, 5) };
  const noResponse: string[] = [];
  const answers = new Map<string, string>();
  let i = readLists(lines, start + 1, noResponse);
  const first = HEADING.exec(lines[i] ?? "");
  if (first && first[1]!.toUpperCase() === "SYSNAME") {
    // The table: one row per system. Blank lines carry nothing; a row that is not `name response` is not understood.
    for (i++; i < lines.length; i++) {
      if (BLANK.test(lines[i]!)) continue;
      const row = ROW.exec(lines[i]!);
      if (!row) return { ok: false, lines: [lines[i]!] };
      answers.set(row[1]!.toUpperCase(), row[2] === undefined ? "" : asOwn([row[2]]));
    }
    return { ok: true, answers, noResponse };
  }
  let current: { name: string; lines: string[] } | null = null;
  const close = () => current && answers.set(current.name, current.lines.length === 0 ? "" : asOwn(current.lines));
  for (; i < lines.length; i++) {
    const heading = HEADING.exec(lines[i]!);
    if (heading) {
      close();
      current = { name: heading[1]!.toUpperCase(), lines: [] };
    } else if (!BLANK.test(lines[i]!)) current?.lines.push(lines[i]!);
  }
  close();
  return { ok: true, answers, noResponse };
}

/** The command routed to every system, as long as the console takes it. */
export function routeAllCommand(command: string): string {
  return `RO *ALL,${command}`;
}
