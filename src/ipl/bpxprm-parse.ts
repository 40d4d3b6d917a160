/**
 * The MOUNT statements of a BPXPRMxx member as the system reads them (DOC: MVS Initialization
 * and Tuning Reference, "Syntax rules for BPXPRMxx" and the MOUNT statement):
 * - columns 1-71 hold data, 72-80 are ignored;
 * - blanks delimit, several statements may share a record and one statement may span records;
 * - comments are `/* ... *\/` and may span records;
 * - values are upper-cased unless in single quotes.
 * A MOUNT statement runs over the operands MOUNT takes; the first word that is not one of them
 * starts the next statement. Anything the reader cannot place (a comment, quote or parenthesis
 * left open) is a problem, and such a member is neither edited nor judged.
 */
import { DATA_COLUMNS, recordsOf } from "./records";

export interface BpxMount {
  /** Upper case; undefined when the MOUNT names a DDNAME instead. */
  readonly fileSystem?: string;
  /** As written inside the quotes. */
  readonly mountPoint?: string;
  readonly type?: string;
  readonly mode?: string;
  readonly sysname?: string;
  /** AUTOMOVE, NOAUTOMOVE or UNMOUNT when coded. */
  readonly move?: string;
  /** 0-based records of the statement. */
  readonly line: number;
  readonly lastLine: number;
}

export interface BpxprmMember {
  readonly records: readonly string[];
  readonly finalBreak: boolean;
  readonly mounts: readonly BpxMount[];
  readonly problems: readonly string[];
}

type Token = { readonly kind: "word" | "string" | "(" | ")"; readonly text: string; readonly line: number };

/** Operands of MOUNT (DOC: BPXPRMxx MOUNT; TSO MOUNT lists the same). */
const MOUNT_OPERANDS = new Set([
  "FILESYSTEM",
  "DDNAME",
  "TYPE",
  "MOUNTPOINT",
  "MODE",
  "PARM",
  "SETUID",
  "NOSETUID",
  "SECURITY",
  "NOSECURITY",
  "SYSNAME",
  "AUTOMOVE",
  "NOAUTOMOVE",
  "UNMOUNT",
  "TAG",
]);

function tokenize(records: readonly string[], problems: string[]): Token[] {
  const tokens: Token[] = [];
  let comment = -1;
  records.forEach((record, line) => {
    const data = record.slice(0, DATA_COLUMNS).replace(/\t/g, " ");
    let i = 0;
    while (i < data.length) {
      if (comment >= 0) {
        const end = data.indexOf("*/", i);
        if (end < 0) return;
        comment = -1;
        i = end + 2;
        continue;
      }
      const c = data[i]!;
      if (c === " ") i++;
      else if (data.startsWith("/*", i)) {
        comment = line;
        i += 2;
      } else if (c === "(" || c === ")") {
        tokens.push({ kind: c, text: c, line });
        i++;
      } else if (c === "'") {
        let j = i + 1;
        let text = "";
        while (j < data.length && !(data[j] === "'" && data[j + 1] !== "'")) {
          text += data[j];
          j += data[j] === "'" ? 2 : 1;
        }
        if (j >= data.length) {
          problems.push(`line ${line + 1}: ${record.trimEnd()} (a quote is not closed within column ${DATA_COLUMNS})`);
          return;
        }
        tokens.push({ kind: "string", text, line });
        i = j + 1;
      } else {
        let j = i;
        while (j < data.length && !" ()'".includes(data[j]!) && !data.startsWith("/*", j)) j++;
        tokens.push({ kind: "word", text: data.slice(i, j), line });
        i = j;
      }
    }
  });
  if (comment >= 0) problems.push(`line ${comment + 1}: ${records[comment]!.trimEnd()} (the comment is not closed)`);
  return tokens;
}

/** A parenthesised value from the `(` at `at`: quoted text as written, words upper-cased. */
function valueAt(tokens: readonly Token[], at: number, problems: string[], records: readonly string[]): { value: string; next: number } {
  let depth = 0;
  const parts: string[] = [];
  for (let i = at; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.kind === "(") depth++;
    else if (t.kind === ")") {
      if (--depth === 0) return { value: parts.join(" "), next: i + 1 };
    } else parts.push(t.kind === "word" ? t.text.toUpperCase() : t.text);
  }
  const line = tokens[at]!.line;
  problems.push(`line ${line + 1}: ${records[line]!.trimEnd()} (the parenthesis is not closed)`);
  return { value: parts.join(" "), next: tokens.length };
}

function readMount(
  tokens: readonly Token[],
  at: number,
  problems: string[],
  records: readonly string[],
): { mount: BpxMount; next: number } {
  const values: Record<string, string> = {};
  let move: string | undefined;
  let i = at + 1;
  let lastLine = tokens[at]!.line;
  while (i < tokens.length && tokens[i]!.kind === "word" && MOUNT_OPERANDS.has(tokens[i]!.text.toUpperCase())) {
    const name = tokens[i]!.text.toUpperCase();
    lastLine = tokens[i]!.line;
    i++;
    if (tokens[i]?.kind === "(") {
      const v = valueAt(tokens, i, problems, records);
      values[name] = v.value;
      lastLine = tokens[v.next - 1]?.line ?? lastLine;
      i = v.next;
    }
    if (name === "AUTOMOVE" || name === "NOAUTOMOVE" || name === "UNMOUNT") move = name;
  }
  const mount: BpxMount = {
    ...(values.FILESYSTEM !== undefined ? { fileSystem: values.FILESYSTEM.toUpperCase() } : {}),
    ...(values.MOUNTPOINT !== undefined ? { mountPoint: values.MOUNTPOINT } : {}),
    ...(values.TYPE !== undefined ? { type: values.TYPE.toUpperCase() } : {}),
    ...(values.MODE !== undefined ? { mode: values.MODE.toUpperCase() } : {}),
    ...(values.SYSNAME !== undefined ? { sysname: values.SYSNAME.toUpperCase() } : {}),
    ...(move ? { move } : {}),
    line: tokens[at]!.line,
    lastLine,
  };
  return { mount, next: i };
}

export function parseBpxprm(text: string): BpxprmMember {
  const { records, finalBreak } = recordsOf(text);
  const problems: string[] = [];
  const tokens = tokenize(records, problems);
  const mounts: BpxMount[] = [];
  let depth = 0;
  for (let i = 0; i < tokens.length;) {
    const t = tokens[i]!;
    if (depth === 0 && t.kind === "word" && t.text.toUpperCase() === "MOUNT") {
      const r = readMount(tokens, i, problems, records);
      mounts.push(r.mount);
      i = r.next;
      continue;
    }
    if (t.kind === "(") depth++;
    else if (t.kind === ")" && --depth < 0) {
      problems.push(`line ${t.line + 1}: ${records[t.line]!.trimEnd()} (a parenthesis closes that was not opened)`);
      depth = 0;
    }
    i++;
  }
  if (depth > 0) problems.push("the member ends inside parentheses");
  return { records, finalBreak, mounts, problems };
}
