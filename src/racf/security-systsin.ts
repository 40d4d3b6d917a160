/**
 * SYSTSIN lines for RACF commands, and the check every line passes before a job is submitted:
 * at most 71 data columns, a continuation (` -`, or `+` inside a long word) on every line but a command's last, no line
 * that JES would take as the end of the in-stream data, and read back the way TSO reads them
 * the lines give exactly the commands intended, no more.
 */
import { HaError } from "../errors";

const WIDTH = 71;

/** Wraps a TSO command into SYSTSIN lines, continued with ` -`, never inside quotes. */
export function tsoLines(command: string, width = WIDTH): string[] {
  const words: string[] = [];
  let word = "";
  let quoted = false;
  for (const c of command) {
    if (c === "'") quoted = !quoted;
    if (c === " " && !quoted) {
      if (word) words.push(word);
      word = "";
    } else word += c;
  }
  if (word) words.push(word);
  const lines: string[] = [];
  let line = "";
  for (const w of words) {
    const candidate = line ? `${line} ${w}` : ` ${w}`;
    if (candidate.length + 2 > width && line) {
      lines.push(`${line} -`);
      line = `   ${w}`;
    } else line = candidate;
    // A word longer than a line (a long host name in quotes) goes on with `+`: TSO joins the next
    // line with its leading blanks and commas removed, so the piece there must not start with one.
    while (line.length + 2 > width) {
      let cut = width - 1;
      while (cut > 4 && /[\s,]/.test(line[cut]!)) cut--;
      lines.push(`${line.slice(0, cut)}+`);
      line = `   ${line.slice(cut)}`;
    }
  }
  lines.push(line);
  return lines;
}

/**
 * Reads SYSTSIN lines back into commands as TSO does: a trailing `-` or `+` joins the next line,
 * and after `+` the next line's leading delimiters (blanks, commas) are removed (TSO/E
 * System Programming Command Reference, "Continuation lines").
 */
export function readSystsin(lines: readonly string[]): string[] {
  const commands: string[] = [];
  let current: string | null = null;
  let tight = false;
  for (const line of lines) {
    const text = line.trimEnd();
    const continued = /[-+]$/.test(text);
    const body = continued ? text.slice(0, -1) : text;
    current = current === null ? body : `${current}${tight ? body.replace(/^[\s,]+/, "") : body}`;
    tight = text.endsWith("+");
    if (!continued) {
      commands.push(current);
      current = null;
    }
  }
  if (current !== null) commands.push(current);
  return commands;
}

/** The command with quoted strings blanked out. */
const unquoted = (s: string) => s.replace(/'[^']*'/g, "''");

const norm = (s: string) => s.replace(/\s+/g, " ").trim();

/** Every line of the given commands, refused (naming the line and rule) unless TSO reads back exactly those commands. */
export function systsinFor(commands: readonly string[]): string[] {
  const problems: string[] = [];
  const lines: string[] = [];
  for (const command of commands) {
    if (/[\x00-\x1f\x7f]/.test(command)) problems.push(`a command holds a control character: ${JSON.stringify(command)}`);
    if (unquoted(command).includes("/*")) problems.push(`a command would start a TSO comment: ${command}`);
    const own = tsoLines(command);
    own.forEach((l, i) => {
      if (l.length > WIDTH) problems.push(`line of ${l.length} columns (at most ${WIDTH}): ${l}`);
      if (/^(\/\/|\/\*)/.test(l)) problems.push(`line would end the in-stream data: ${l}`);
      const last = i === own.length - 1;
      if (!last && !l.endsWith(" -") && !l.endsWith("+")) problems.push(`line should continue the command: ${l}`);
      if (last && /[-+]$/.test(l.trimEnd())) problems.push(`last line of a command ends with a continuation mark: ${l}`);
    });
    const back = readSystsin(own);
    if (back.length !== 1 || norm(back[0]!) !== norm(command)) problems.push(`the lines do not read back as the command: ${command}`);
    lines.push(...own);
  }
  const back = readSystsin(lines);
  if (back.length !== commands.length) problems.push(`${commands.length} commands became ${back.length} when read back`);
  if (problems.length) {
    throw new HaError("RACF commands for SYSTSIN break TSO's line rules; nothing was submitted.", {
      failureClass: "invalid-input",
      details: problems,
    });
  }
  return lines;
}
