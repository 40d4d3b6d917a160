/**
 * Reads the SYSTSPRT of a TSO batch job that ran RACF commands: each command's echo after
 * READY, then its messages. Every command's outcome is classified, never just the step RC.
 */

export interface TsoCommandOutput {
  readonly command: string;
  readonly messages: readonly string[];
}

export type DefineOutcome = "defined" | "already defined" | "failed";

export function splitTsoOutput(systsprt: string): TsoCommandOutput[] {
  const out: { command: string; messages: string[] }[] = [];
  let current: { command: string; messages: string[] } | null = null;
  let expectCommand = false;
  for (const raw of systsprt.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === "") continue;
    if (line === "READY") {
      expectCommand = true;
      current = null;
      continue;
    }
    if (line === "END" && expectCommand) break;
    if (expectCommand) {
      current = { command: line, messages: [] };
      out.push(current);
      expectCommand = false;
      continue;
    }
    current?.messages.push(line);
  }
  return out;
}

const FAILED = [
  /\bICH00007I\b/, // insufficient authority
  /\bICH408I\b/,
  /\bIRRD103I\b/,
  /\bICH00004I\b/, // group not defined
  /\bICH06004I\b/,
  /\bICH06007I\b/,
  /\bICH21001I\b/,
  /\bIKJ56500I\b/, // command not found
  /\bIKJ56712I\b/, // invalid keyword
  /\bIKJ56702I INVALID CLASS\b/,
  /NOT AUTHORIZED|INSUFFICIENT AUTHORITY/i,
  /\b[A-Z]{3}[A-Z0-9]{1,2}\d{3,5}E\b/,
];
const ALREADY = [/\bIKJ56702I INVALID (GROUP|USERID)\b/, /ALREADY DEFINED/i, /ALREADY (IN USE|EXISTS)/i, /\bIRRD10[79]I\b/];

export function classifyDefine(c: TsoCommandOutput): DefineOutcome {
  if (c.messages.some((m) => FAILED.some((re) => re.test(m)))) return "failed";
  if (c.messages.some((m) => ALREADY.some((re) => re.test(m)))) return "already defined";
  return "defined";
}

const MISSING = [/NOT FOUND/i, /UNABLE TO LOCATE/i, /DOES NOT EXIST/i, /NOT DEFINED/i, /\bICH51003I\b/, /\bICH13003I\b/, /\bICH30001I\b/, /\bIRRD11[14]I\b/];
const LIST_FAILED = [/\bICH00007I\b/, /\bICH408I\b/, /\bIRRD103I\b/, /NOT AUTHORIZED|INSUFFICIENT AUTHORITY/i, /\bIKJ56500I\b/, /\bIKJ567\d\dI\b/];

/** Whether a listing command found its subject; "unknown" when the listing itself failed. */
export function classifyListing(c: TsoCommandOutput): "present" | "missing" | "unknown" {
  if (c.messages.some((m) => LIST_FAILED.some((re) => re.test(m)))) return "unknown";
  if (c.messages.some((m) => MISSING.some((re) => re.test(m)))) return "missing";
  return "present";
}

/** Wraps a TSO command into SYSTSIN lines of at most 71 columns, continued with ` -`, never inside quotes. */
export function tsoLines(command: string, width = 71): string[] {
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
  let line = " ";
  for (const w of words) {
    const candidate = line.trim() ? `${line} ${w}` : ` ${w}`;
    if (candidate.length + 2 > width && line.trim()) {
      lines.push(`${line} -`);
      line = `   ${w}`;
    } else line = candidate;
  }
  lines.push(line);
  return lines;
}
