/**
 * IZUPRMxx parmlib member parser (z/OSMF server settings), for checking what a system runs.
 *
 * Rules: data in columns 1-71 (72-80 hold sequence numbers), `/* ... *\/` comments that may
 * span lines, blanks delimit, several statements per line, a value may span lines, values
 * are upper-cased unless in single quotes (`''` inside quotes is one quote).
 * Statements are `NAME(value)`, `NAME SUB(value)[,] SUB(value)...`, or a bare `NAME`.
 */
import { splitLines } from "./frame";

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
  "HOSTNAME",
  "HTTP_SSL_PORT",
  "COMMON_TSO",
  "USER_DIR",
  "AUTOSTART",
  "AUTOSTART_GROUP",
  "SERVER_PROC",
  "ANGEL_PROC",
  "SAF_PREFIX",
  "CLOUD_SAF_PREFIX",
  "CLOUD_SEC_ADMIN",
  "KEYRING_NAME",
  "UNAUTH_USER",
  "SEC_GROUPS",
  "JAVA_HOME",
  "SESSION_EXPIRE",
  "TEMP_DIR",
  "LOGGING",
  "WLM_CLASSES",
  "RESTAPI_FILE",
  "PLUGINS",
  "INCIDENT_LOG",
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

/** A quoted value being read; it may run on to the next line when it reaches column 71. */
interface OpenString {
  buf: string;
  line: number;
  spaced: boolean;
  lineStart: boolean;
}

/** Reads the member line by line; comments and quoted values may carry over from one line to the next. */
class Tokenizer {
  readonly tokens: Token[] = [];
  private inComment = false;
  private commentLine = 0;
  private open: OpenString | null = null;
  private lastLine = 0;
  // The line being read.
  private lineNo = 0;
  private data = "";
  private reachesEdge = false;
  private spaced = true;
  private lineStart = true;
  private pos = 0;

  constructor(private readonly problems: IzuprmProblem[]) {}

  readLine(raw: string, index: number): void {
    this.lineNo = index + 1;
    this.data = raw.slice(0, DATA_COLUMNS).replace(/\t/g, " ");
    this.reachesEdge = this.data.replace(/\s+$/, "").length >= DATA_COLUMNS;
    this.spaced = true;
    this.lineStart = true;
    this.pos = 0;
    if (this.open !== null) this.readQuoted(this.open);
    while (this.pos < this.data.length) {
      if (this.inComment) {
        if (!this.skipComment()) break;
      } else {
        this.readToken();
      }
    }
    this.lastLine = this.lineNo;
  }

  /** What is left open at the end of the member: a quote or a comment that was never closed. */
  finish(): void {
    const o = this.open;
    if (o !== null) {
      this.problems.push({ kind: "unbalanced-quote", line: o.line, message: `quote opened on line ${o.line} is not closed` });
      this.tokens.push({ type: "string", text: o.buf, line: o.line, spaced: o.spaced, lineStart: o.lineStart });
    }
    if (this.inComment) {
      this.problems.push({
        kind: "unclosed-comment",
        line: this.commentLine,
        message: `comment opened on line ${this.commentLine} is not closed before line ${this.lastLine}`,
      });
    }
  }

  private push(type: TokenType, text: string, line = this.lineNo, sp = this.spaced, ls = this.lineStart): void {
    this.tokens.push({ type, text, line, spaced: sp, lineStart: ls });
    this.spaced = false;
    this.lineStart = false;
  }

  /** Moves past the end of the open comment on this line; false when the comment goes on past it. */
  private skipComment(): boolean {
    const end = this.data.indexOf("*/", this.pos);
    if (end < 0) return false;
    this.inComment = false;
    this.pos = end + 2;
    this.spaced = true;
    return true;
  }

  /** One blank, comment opening, parenthesis, comma, quoted value or word. */
  private readToken(): void {
    const { data, pos } = this;
    const c = data[pos];
    if (c === " ") {
      this.spaced = true;
      this.pos++;
    } else if (data.startsWith("/*", pos)) {
      this.inComment = true;
      this.commentLine = this.lineNo;
      this.pos += 2;
    } else if (c === "(" || c === ")" || c === ",") {
      this.push(c === "(" ? "lparen" : c === ")" ? "rparen" : "comma", c);
      this.pos++;
    } else if (c === "'") {
      this.open = { buf: "", line: this.lineNo, spaced: this.spaced, lineStart: this.lineStart };
      this.spaced = false;
      this.lineStart = false;
      this.pos++;
      this.readQuoted(this.open);
    } else {
      let end = pos;
      while (end < data.length && !" (),'".includes(data[end]) && !data.startsWith("/*", end)) end++;
      this.push("word", data.slice(pos, end));
      this.pos = end;
    }
  }

  /** Reads the open quoted value up to its closing quote, or to the end of the line. */
  private readQuoted(open: OpenString): void {
    const data = this.data;
    while (this.pos < data.length) {
      const c = data[this.pos];
      if (c === "'") {
        if (data[this.pos + 1] === "'") {
          open.buf += "'";
          this.pos += 2;
          continue;
        }
        this.pos++;
        this.push("string", open.buf, open.line, open.spaced, open.lineStart);
        this.open = null;
        return;
      }
      open.buf += c;
      this.pos++;
    }
    // A quoted value continues on the next line only when it runs to column 71.
    if (!this.reachesEdge) {
      this.problems.push({ kind: "unbalanced-quote", line: open.line, message: `quote opened on line ${open.line} is not closed` });
      this.push("string", open.buf, open.line, open.spaced, open.lineStart);
      this.open = null;
    }
  }
}

function tokenize(text: string, problems: IzuprmProblem[]): Token[] {
  const tokenizer = new Tokenizer(problems);
  splitLines(text).forEach((raw, index) => tokenizer.readLine(raw, index));
  tokenizer.finish();
  return tokenizer.tokens;
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
    if (
      t.type === "word" &&
      t.lineStart &&
      t.line > openLine &&
      KNOWN_STATEMENTS.has(t.text.toUpperCase()) &&
      tokens[i + 1]?.type === "lparen"
    ) {
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
      problems.push({
        kind: "duplicate",
        line: stmt.line,
        message: `${stmt.name} on line ${stmt.line} repeats the statement on line ${prior.line}`,
      });
    }
    // Which copy the server uses is not documented; the last one is kept.
    statements[stmt.name] = stmt;
  };

  let i = 0;
  while (i < tokens.length) {
    const t = tokens[i];
    if (t.type !== "word") {
      const kind: IzuprmProblemKind = t.type === "rparen" ? "unbalanced-paren" : "unexpected-token";
      problems.push({
        kind,
        line: t.line,
        message: `unexpected ${t.type === "string" ? "quoted value" : `'${t.text}'`} on line ${t.line}`,
      });
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
