/**
 * Edits the HA statements of an IZUPRMxx member in place. Everything else in the member
 * (other statements, comments, blank lines, sequence columns 72-80) stays byte for byte.
 */

import { HaError } from "../../errors";
import { preview, Refusal } from "../../templates/escape";
import { parmlibQuotedText, parmlibWord } from "../../templates/escape/parmlib";

/** A statement and the value the system needs; `quoted` values keep their case. */
export interface IzuprmSetting {
  readonly keyword: string;
  readonly value: string;
  readonly quoted: boolean;
  /** The topology field the value comes from, named when it is refused. */
  readonly field?: string;
}

const DATA_COLUMNS = 71;

/** Text with comments, and columns past 71, blanked out; offsets match the original. */
function maskOf(text: string): string {
  const out = text.split("");
  let col = 0;
  let inComment = false;
  let inQuote = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === "\n") {
      col = 0;
      inQuote = false;
      continue;
    }
    col++;
    if (col > DATA_COLUMNS) {
      out[i] = " ";
      continue;
    }
    if (inComment) {
      if (c === "*" && text[i + 1] === "/") {
        out[i] = " ";
        out[i + 1] = " ";
        i++;
        col++;
        inComment = false;
      } else out[i] = " ";
      continue;
    }
    if (!inQuote && c === "/" && text[i + 1] === "*") {
      inComment = true;
      out[i] = " ";
      continue;
    }
    if (c === "'") inQuote = !inQuote;
  }
  return out.join("");
}

interface Found {
  readonly start: number;
  readonly end: number;
  readonly value: string;
}

/** Every `KEYWORD(value)` of a keyword outside comments, with its span. */
export function findStatements(text: string, keyword: string): Found[] {
  const mask = maskOf(text);
  const re = new RegExp(`(^|[\\s,])(${keyword})\\s*\\(`, "gi");
  const found: Found[] = [];
  for (const m of mask.matchAll(re)) {
    const start = (m.index ?? 0) + m[1]!.length;
    let i = (m.index ?? 0) + m[0].length;
    let quoted = false;
    while (i < mask.length && (quoted || mask[i] !== ")")) {
      if (mask[i] === "'") quoted = !quoted;
      i++;
    }
    if (i >= mask.length) continue;
    const open = (m.index ?? 0) + m[0].length;
    found.push({
      start,
      end: i + 1,
      value: text
        .slice(open, i)
        .replace(/\s*\n\s*/g, "")
        .trim(),
    });
  }
  return found;
}

/** Compares as z/OSMF reads values: unquoted ones are upper-cased, quoted ones kept. */
export function sameValue(written: string, wanted: IzuprmSetting): boolean {
  const quoted = /^'(.*)'$/s.exec(written);
  const actual = quoted ? quoted[1]! : written.toUpperCase();
  const expected = wanted.quoted ? wanted.value : wanted.value.toUpperCase();
  return actual === expected;
}

/**
 * The statement, its value through the PARMLIB escaper so it can only be that statement's value:
 * on one line, or, when that passes column 71, as `NAME(` / value / `)` on three lines (blanks and
 * line ends separate in IZUPRMxx, but a quoted value may not be split). A value too long even for a
 * line of its own is refused, naming its field.
 */
function statementText(s: IzuprmSetting): string {
  const who = s.field ?? `the ${s.keyword} value`;
  let value: string;
  try {
    value = s.quoted ? `'${parmlibQuotedText(s.value)}'` : parmlibWord(s.value);
  } catch (err) {
    if (!(err instanceof Refusal)) throw err;
    throw new HaError(`${who} ${err.reason}; in IZUPRMxx ${s.keyword} it may hold ${err.allowed}. Nothing was written.`, {
      failureClass: "invalid-input",
      details: [`value: ${preview(s.value)}`],
    });
  }
  const oneLine = `${s.keyword}(${value})`;
  if (oneLine.length <= DATA_COLUMNS) return oneLine;
  if (value.length > DATA_COLUMNS) {
    throw new HaError(
      `${who} is ${s.value.length} characters: the ${s.keyword} value cannot be written in IZUPRMxx, where a line holds at most ${DATA_COLUMNS - (s.quoted ? 2 : 0)}. Nothing was written.`,
      {
        failureClass: "invalid-input",
        details: [`value: ${preview(s.value)}`, "IZUPRMxx data is in columns 1-71 and a quoted value cannot be continued."],
      },
    );
  }
  return `${s.keyword}(\n${value}\n)`;
}

/**
 * Sets each statement: a statement with the right value is left alone, one with another
 * value is replaced where it stands (every occurrence), a missing one is appended.
 */
export function editIzuprm(text: string, settings: readonly IzuprmSetting[]): string {
  let result = text.replace(/\r\n/g, "\n");
  const append: string[] = [];
  for (const s of settings) {
    const found = findStatements(result, s.keyword);
    if (found.length === 0) {
      append.push(statementText(s));
      continue;
    }
    // From the end, so earlier offsets stay valid.
    for (const f of [...found].reverse()) {
      if (sameValue(f.value, s)) continue;
      const replacement = statementText(s);
      const lineStart = result.lastIndexOf("\n", f.start - 1) + 1;
      const lineEndRaw = result.indexOf("\n", f.end);
      const lineEnd = lineEndRaw < 0 ? result.length : lineEndRaw;
      const originalLine = result.slice(lineStart, lineEnd);
      const newLine = result.slice(lineStart, f.start) + replacement + result.slice(f.end, lineEnd);
      // Lines with text past column 71 (sequence numbers) keep their columns: no in-place growth there.
      const fits =
        !replacement.includes("\n") &&
        originalLine.length <= DATA_COLUMNS &&
        newLine.trimEnd().length <= DATA_COLUMNS &&
        !result.slice(f.start, f.end).includes("\n");
      if (fits) {
        result = result.slice(0, f.start) + replacement + result.slice(f.end);
      } else {
        // Blanked with as many spaces as it took, so nothing else moves; the statement goes on its own line.
        result = result.slice(0, f.start) + result.slice(f.start, f.end).replace(/[^\n]/g, " ") + result.slice(f.end);
        if (!append.includes(replacement)) append.push(replacement);
      }
    }
  }
  if (append.length === 0) return result;
  const body = result.replace(/\n*$/, "");
  const trailing = result.slice(body.length);
  return `${body}${body ? "\n" : ""}${append.join("\n")}${trailing || "\n"}`;
}
