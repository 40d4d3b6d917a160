import { HaError } from "../errors";
import { findObeyProblems, OBEY_COLUMNS } from "../templates/obey-check";

/*
 * A TCP/IP profile as the stack reads it at start (CS IP Configuration Reference, "Statement
 * syntax for configuration statements"): free format, blanks and end-of-record separate words,
 * `;` starts a comment to the end of the record, lower case is read as upper case, statements
 * may span records. The stack reads columns 1-71 of a record (the rule the obey members
 * follow, templates/obey-check.ts); IBM says sequence numbers are not allowed, so text in
 * columns 72-80 is reported, never read as a statement and never touched.
 */

/** A data set (and member) a profile names on an INCLUDE statement. */
export interface IncludeTarget {
  readonly dsn: string;
  /** Absent for a sequential data set. */
  readonly member?: string;
}

export interface ProfileInclude {
  /** 1-based record number of the INCLUDE keyword. */
  readonly line: number;
  /** What follows INCLUDE; null when it is not a data set name this reader can follow. */
  readonly target: IncludeTarget | null;
  /** The words as written, for a message. */
  readonly text: string;
}

export interface ReadProfile {
  /** Every word of columns 1-71 outside comments, upper case, in order. */
  readonly words: readonly string[];
  readonly includes: readonly ProfileInclude[];
  /** Records with text beyond column 71, which TCP/IP does not read. */
  readonly beyondColumn71: readonly number[];
}

const QUALIFIER = "[A-Z@#$][A-Z0-9@#$-]{0,7}";
const DSN = new RegExp(`^${QUALIFIER}(\\.${QUALIFIER})*$`);
const MEMBER = /^[A-Z@#$][A-Z0-9@#$]{0,7}$/;

/** Blocks that end with their own END statement; an INCLUDE may not be put inside one. */
const BLOCKS: Readonly<Record<string, string>> = {
  VIPADYNAMIC: "ENDVIPADYNAMIC",
  AUTOLOG: "ENDAUTOLOG",
  BEGINROUTES: "ENDROUTES",
  TELNETGLOBALS: "ENDTELNETGLOBALS",
  TELNETPARMS: "ENDTELNETPARMS",
  BEGINVTAM: "ENDVTAM",
};

function records(text: string): string[] {
  return text.split("\n");
}

/** The words of one record as TCP/IP reads them: columns 1-71, comment removed, upper case. */
export function recordWords(record: string): string[] {
  const read = record.replace(/\r$/, "").slice(0, OBEY_COLUMNS).replace(/;.*$/, "");
  return read
    .toUpperCase()
    .split(/\s+/)
    .filter((w) => w !== "");
}

/** `DSN(MEMBER)` or `DSN` as a target, or null when it is neither. */
export function parseTarget(word: string): IncludeTarget | null {
  const m = /^([^()]+)(?:\(([^()]+)\))?$/.exec(word.toUpperCase());
  if (!m || m[1]!.length > 44 || !DSN.test(m[1]!)) return null;
  if (m[2] === undefined) return { dsn: m[1]! };
  return MEMBER.test(m[2]) ? { dsn: m[1]!, member: m[2] } : null;
}

export function targetText(t: IncludeTarget): string {
  return t.member === undefined ? t.dsn : `${t.dsn}(${t.member})`;
}

export function sameTarget(a: IncludeTarget, b: IncludeTarget): boolean {
  return a.dsn === b.dsn && a.member === b.member;
}

/** Reads a profile's words and INCLUDE statements (the data set name may be on the next record). */
export function readProfile(text: string): ReadProfile {
  const words: string[] = [];
  const includes: ProfileInclude[] = [];
  const beyondColumn71: number[] = [];
  let pending: number | null = null;
  records(text).forEach((record, i) => {
    if (record.replace(/\r$/, "").slice(OBEY_COLUMNS).trim() !== "") beyondColumn71.push(i + 1);
    for (const word of recordWords(record)) {
      words.push(word);
      if (pending !== null) {
        includes.push({ line: pending, target: parseTarget(word), text: `INCLUDE ${word}` });
        pending = null;
      } else if (word === "INCLUDE") pending = i + 1;
    }
  });
  if (pending !== null) includes.push({ line: pending, target: null, text: "INCLUDE (no data set name)" });
  return { words, includes, beyondColumn71 };
}

/** The record that INCLUDEs one target, as this plug-in writes it (column 1, nothing else). */
export function includeRecord(target: IncludeTarget): string {
  const checked = parseTarget(targetText(target));
  if (checked === null || !sameTarget(checked, target) || target.member === undefined) {
    throw new HaError(`${targetText(target)} is not a member of a partitioned data set written DSN(MEMBER); nothing was changed.`, {
      failureClass: "invalid-input",
    });
  }
  return `INCLUDE ${targetText(target)}`;
}

/**
 * Where the INCLUDE records go: right after the last statement record, but before a closing
 * run of START and STOP statements. Placed after everything the site defines, the included
 * members are read last at restart, as OBEYFILE applied them last to the running stack, so
 * the restarted stack ends in the state the running one is in. START and STOP are processed
 * after all other statements wherever they stand (IBM: START statement), so keeping the
 * site's START records last changes nothing for TCP/IP and keeps the profile's layout.
 * Returns the index of the record the new records follow (-1: the start of the member).
 */
function insertionPoint(lines: readonly string[]): number {
  const words = lines.map(recordWords);
  let end = lines.length - 1;
  for (let i = lines.length - 1; i >= 0; i--) {
    const w = words[i]!;
    if (w.length === 0) continue;
    if (w.length === 2 && (w[0] === "START" || w[0] === "STOP")) {
      end = i - 1;
      continue;
    }
    break;
  }
  while (end >= 0 && words[end]!.length === 0) end--;
  return end;
}

/** The block still open after record `last` (0-based), or null; an INCLUDE inside a block would end it too early. */
function openBlockAfter(lines: readonly string[], last: number): string | null {
  const open: string[] = [];
  for (let i = 0; i <= last; i++) {
    for (const w of recordWords(lines[i]!)) {
      if (BLOCKS[w]) open.push(w);
      else if (open.length && BLOCKS[open[open.length - 1]!] === w) open.pop();
    }
  }
  return open.length ? open[open.length - 1]! : null;
}

export interface ProfileEdit {
  readonly text: string;
  /** The targets added, in order; empty when every one was already included. */
  readonly added: readonly IncludeTarget[];
}

/**
 * Adds one INCLUDE record for each target the profile does not yet INCLUDE itself, at the
 * insertion point; every other record is kept byte for byte. The caller decides what
 * "already included" means further down (nested members); this looks at this text only.
 */
export function addIncludes(text: string, targets: readonly IncludeTarget[], where: string): ProfileEdit {
  const before = readProfile(text);
  const missing = targets.filter(
    (t, k) =>
      !before.includes.some((i) => i.target !== null && sameTarget(i.target, t)) && targets.findIndex((u) => sameTarget(u, t)) === k,
  );
  if (missing.length === 0) return { text, added: [] };
  const added = missing.map(includeRecord);
  const lines = records(text);
  // A member that ends with a newline has an empty last element: the records go before it.
  const trailing = lines.length > 1 && lines[lines.length - 1] === "" ? 1 : 0;
  const body = lines.slice(0, lines.length - trailing);
  const at = insertionPoint(body);
  const block = openBlockAfter(body, at);
  if (block !== null) {
    throw new HaError(`${where} ends its statements inside a ${block} block (no ${BLOCKS[block]}); nothing was changed.`, {
      failureClass: "invalid-input",
      details: [`Close the ${block} block with ${BLOCKS[block]}, then plan again.`],
    });
  }
  const edited = [...body.slice(0, at + 1), ...added, ...body.slice(at + 1), ...lines.slice(lines.length - trailing)].join("\n");
  assertReadsAsPlanned(text, edited, missing, where);
  return { text: edited, added: missing };
}

/** Removes exactly the records this plug-in writes for these targets; every other record stays as it is. */
export function removeIncludes(text: string, targets: readonly IncludeTarget[]): string {
  const ours = new Set(targets.map(includeRecord));
  return records(text)
    .filter((r) => !ours.has(r.replace(/\r$/, "").trimEnd()))
    .join("\n");
}

/**
 * Reads the edited member back as TCP/IP would: the new records are readable in 71 columns,
 * the INCLUDE list is the old one plus the targets, and taking the new records out again
 * gives the original text exactly.
 */
function assertReadsAsPlanned(original: string, edited: string, targets: readonly IncludeTarget[], where: string): void {
  const problems = findObeyProblems(targets.map(includeRecord).join("\n"));
  const after = readProfile(edited).includes.map((i) => (i.target ? targetText(i.target) : i.text));
  const expected = [...readProfile(original).includes.map((i) => (i.target ? targetText(i.target) : i.text)), ...targets.map(targetText)];
  const restored = removeIncludes(edited, targets) === original;
  if (problems.length === 0 && restored && new Set(after).size === new Set(expected).size && expected.every((e) => after.includes(e)))
    return;
  throw new HaError(`The edit planned for ${where} would not read back as planned; nothing was changed.`, {
    failureClass: "tool-failure",
    details: [...problems.map((p) => `new record ${p.line}: ${p.rule}`), ...(restored ? [] : ["other records would change"])],
  });
}
