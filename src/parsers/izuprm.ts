/**
 * IZUPRMxx parmlib member parser (z/OSMF server settings), for checking what a system runs.
 *
 * Rules: data in columns 1-71 (72-80 hold sequence numbers), `/* ... *\/` comments that may
 * span lines, blanks delimit, several statements per line, a value may span lines, values
 * are upper-cased unless in single quotes (`''` inside quotes is one quote).
 * Statements are `NAME(value)`, `NAME SUB(value)[,] SUB(value)...`, or a bare `NAME`.
 */
import { splitLines } from "./frame.js";

export type IzuprmValue = string | Record<string, string>;

export interface IzuprmStatement {
  name: string;
  /** The parenthesised value, or the sub-keyword map, or "" for a bare keyword. */
  value: IzuprmValue;
  /** 1-based line of the statement's keyword. */
  line: number;
}

export type IzuprmProblemKind = "unbalanced-paren" | "unbalanced-quote" | "unclosed-comment" | "duplicate" | "unexpected-token";

export interface IzuprmProblem {
  kind: IzuprmProblemKind;
  line: number;
  message: string;
}

export interface IzuprmParseResult {
  /** Upper-case statement name → statement. A repeated statement keeps its last value. */
  statements: Record<string, IzuprmStatement>;
  problems: IzuprmProblem[];
}

// Top-level statement names, used to tell `SEC_GROUPS USER(...)` (sub-keywords) from a bare
// keyword followed by the next statement. Unknown names are still accepted as statements.
const KNOWN_STATEMENTS = new Set([
  "HOSTNAME", "HTTP_SSL_PORT", "COMMON_TSO", "USER_DIR", "AUTOSTART", "AUTOSTART_GROUP", "SERVER_PROC", "ANGEL_PROC",
  "SAF_PREFIX", "CLOUD_SAF_PREFIX", "CLOUD_SEC_ADMIN", "KEYRING_NAME", "UNAUTH_USER", "SEC_GROUPS", "JAVA_HOME",
  "SESSION_EXPIRE", "TEMP_DIR", "LOGGING", "WLM_CLASSES", "RESTAPI_FILE", "PLUGINS", "INCIDENT_LOG",
]);

const DATA_COLUMNS = 71;

type TokenType = "word" | "string" | "lparen" | "rparen" | "comma";

interface Token {
  type: TokenType;
  text: string;
  line: number;
  /** Blank (or a line break or comment) before the token. */
  spaced: boolean;
  /** First token on its line. */
  lineStart: boolean;
}

function tokenize(text: string, problems: IzuprmProblem[]): Token[] {
  const tokens: Token[] = [];
  const lines = splitLines(text);
  let inComment = false;
  let commentLine = 0;
  let open: { buf: string; line: number; spaced: boolean; lineStart: boolean } | null = null;
  let lastLine = 0;

  lines.forEach((raw, index) => {
    const lineNo = index + 1;
    const data = raw.slice(0, DATA_COLUMNS).replace(/\t/g, " ");
    const reachesEdge = data.replace(/\s+$/, "").length >= DATA_COLUMNS;
    let spaced = true;
    let lineStart = true;
    let pos = 0;
    const push = (type: TokenType, text: string, line = lineNo, sp = spaced, ls = lineStart): void => {
      tokens.push({ type, text, line, spaced: sp, lineStart: ls });
      spaced = false;
      lineStart = false;
    };

    const readQuoted = (): void => {
      // `open` holds the string being read; it may have started on an earlier line.
      while (pos < data.length) {
        const c = data[pos];
        if (c === "'") {
          if (data[pos + 1] === "'") {
            open!.buf += "'";
            pos += 2;
            continue;
          }
          pos++;
          push("string", open!.buf, open!.line, open!.spaced, open!.lineStart);
          open = null;
          return;
        }
        open!.buf += c;
        pos++;
      }
      // A quoted value continues on the next line only when it runs to column 71.
      if (!reachesEdge) {
        problems.push({ kind: "unbalanced-quote", line: open!.line, message: `quote opened on line ${open!.line} is not closed` });
        push("string", open!.buf, open!.line, open!.spaced, open!.lineStart);
        open = null;
      }
    };

    if (open !== null) readQuoted();
    while (pos < data.length) {
      if (inComment) {
        const end = data.indexOf("*/", pos);
        if (end < 0) break;
        inComment = false;
        pos = end + 2;
        spaced = true;
        continue;
      }
      const c = data[pos];
      if (c === " ") {
        spaced = true;
        pos++;
      } else if (data.startsWith("/*", pos)) {
        inComment = true;
        commentLine = lineNo;
        pos += 2;
      } else if (c === "(") {
        push("lparen", c);
        pos++;
      } else if (c === ")") {
        push("rparen", c);
        pos++;
      } else if (c === ",") {
        push("comma", c);
        pos++;
      } else if (c === "'") {
        open = { buf: "", line: lineNo, spaced, lineStart };
        spaced = false;
        lineStart = false;
        pos++;
        readQuoted();
      } else {
        let end = pos;
        while (end < data.length && !" (),'".includes(data[end]) && !data.startsWith("/*", end)) end++;
        push("word", data.slice(pos, end));
        pos = end;
      }
    }
    lastLine = lineNo;
  });

  if (open !== null) {
    const o = open as { buf: string; line: number; spaced: boolean; lineStart: boolean };
    problems.push({ kind: "unbalanced-quote", line: o.line, message: `quote opened on line ${o.line} is not closed` });
    tokens.push({ type: "string", text: o.buf, line: o.line, spaced: o.spaced, lineStart: o.lineStart });
  }
  if (inComment) {
    problems.push({ kind: "unclosed-comment", line: commentLine, message: `comment opened on line ${commentLine} is not closed before line ${lastLine}` });
  }
  return tokens;
}

/** Reads a parenthesised value starting at the `(` at index `start`; returns it and the next index. */
function readValue(tokens: Token[], start: number, problems: IzuprmProblem[]): { value: string; next: number } {
  const openLine = tokens[start].line;
  let depth = 1;
  let value = "";
  let i = start + 1;
  let first = true;
  for (; i < tokens.length; i++) {
    const t = tokens[i];
    // A known statement starting a later line means the `(` was never closed.
    if (t.type === "word" && t.lineStart && t.line > openLine && KNOWN_STATEMENTS.has(t.text.toUpperCase()) && tokens[i + 1]?.type === "lparen") {
      break;
    }
    if (t.type === "rparen") {
      depth--;
      if (depth === 0) return { value, next: i + 1 };
      value += ")";
      continue;
    }
    const piece = t.type === "word" ? t.text.toUpperCase() : t.text;
    const prevComma = value.endsWith(",") || value.endsWith("(");
    if (!first && t.spaced && t.type !== "comma" && !prevComma) value += " ";
    value += piece;
    if (t.type === "lparen") depth++;
    first = false;
  }
  problems.push({ kind: "unbalanced-paren", line: openLine, message: `'(' on line ${openLine} is not closed` });
  return { value, next: i };
}

export function parseIzuprm(text: string): IzuprmParseResult {
  const problems: IzuprmProblem[] = [];
  const tokens = tokenize(text ?? "", problems);
  const statements: Record<string, IzuprmStatement> = {};

  const record = (stmt: IzuprmStatement): void => {
    const prior = statements[stmt.name];
    if (prior) {
      problems.push({ kind: "duplicate", line: stmt.line, message: `${stmt.name} on line ${stmt.line} repeats the statement on line ${prior.line}` });
    }
    // Which copy the server uses is not documented; the last one is kept.
    statements[stmt.name] = stmt;
  };

  let i = 0;
  while (i < tokens.length) {
    const t = tokens[i];
    if (t.type !== "word") {
      const kind: IzuprmProblemKind = t.type === "rparen" ? "unbalanced-paren" : "unexpected-token";
      problems.push({ kind, line: t.line, message: `unexpected ${t.type === "string" ? "quoted value" : `'${t.text}'`} on line ${t.line}` });
      i++;
      continue;
    }
    const name = t.text.toUpperCase();
    if (tokens[i + 1]?.type === "lparen") {
      const { value, next } = readValue(tokens, i + 1, problems);
      record({ name, value, line: t.line });
      i = next;
      continue;
    }
    // Sub-keywords: `WORD(` that is not itself a known statement, optionally comma-separated.
    const subs: Record<string, string> = {};
    let j = i + 1;
    while (tokens[j]?.type === "word" && tokens[j + 1]?.type === "lparen" && !KNOWN_STATEMENTS.has(tokens[j].text.toUpperCase())) {
      const sub = tokens[j].text.toUpperCase();
      const { value, next } = readValue(tokens, j + 1, problems);
      if (sub in subs) problems.push({ kind: "duplicate", line: tokens[j].line, message: `${name} ${sub} is given twice` });
      subs[sub] = value;
      j = next;
      if (tokens[j]?.type === "comma") j++;
    }
    record({ name, value: Object.keys(subs).length > 0 ? subs : "", line: t.line });
    i = j;
  }
  return { statements, problems };
}
