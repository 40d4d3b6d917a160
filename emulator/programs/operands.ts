/**
 * Operand lists as IDCAMS and TSO write them: words, 'quoted strings' (with '' for a
 * quote) and keyword(value ...) groups, nested, separated by blanks or commas.
 */

export interface Operand {
  /** The word as written (quotes removed); "" for a bare (list). */
  word: string;
  quoted: boolean;
  /** The parenthesised list that follows the word, if any. */
  sub?: Operand[];
}

export class OperandError extends Error {
  constructor(
    message: string,
    /** Text just before the error, for the message. */
    readonly near: string,
  ) {
    super(message);
  }
}

/**
 * Split text into operands. With `spacedSublists` a list may follow its keyword after
 * blanks (IDCAMS: `CLUSTER (NAME(X))`); without it, only directly (`KEYWORD(value)`),
 * so that TSO positional lists such as `RDEFINE STARTED (A B)` stay separate.
 */
export function parseOperands(text: string, spacedSublists: boolean): Operand[] {
  let i = 0;
  const isSep = (c: string) => c === " " || c === "," || c === "\t";

  function list(depth: number): Operand[] {
    const out: Operand[] = [];
    for (;;) {
      while (i < text.length && isSep(text[i])) i++;
      if (i >= text.length) {
        if (depth > 0) throw new OperandError("missing )", text.slice(Math.max(0, i - 20)));
        return out;
      }
      const c = text[i];
      if (c === ")") {
        if (depth === 0) throw new OperandError("unbalanced )", text.slice(Math.max(0, i - 20), i + 1));
        i++;
        return out;
      }
      if (c === "(") {
        i++;
        out.push({ word: "", quoted: false, sub: list(depth + 1) });
        continue;
      }
      let word = "";
      let quoted = false;
      if (c === "'") {
        quoted = true;
        i++;
        for (;;) {
          if (i >= text.length) throw new OperandError("missing closing quote", text.slice(Math.max(0, i - 20)));
          if (text[i] === "'") {
            if (text[i + 1] === "'") {
              word += "'";
              i += 2;
              continue;
            }
            i++;
            break;
          }
          word += text[i++];
        }
      } else {
        while (i < text.length && !isSep(text[i]) && text[i] !== "(" && text[i] !== ")" && text[i] !== "'") word += text[i++];
      }
      const op: Operand = { word, quoted };
      let j = i;
      if (spacedSublists) while (j < text.length && (text[j] === " " || text[j] === "\t")) j++;
      if (text[j] === "(") {
        i = j + 1;
        op.sub = list(depth + 1);
      }
      out.push(op);
    }
  }
  return list(0);
}

/** The words of a sub-list, flattening bare nested lists: `(A B)` and `((A B))` both give [A, B]. */
export function words(ops: Operand[] | undefined): string[] {
  const out: string[] = [];
  for (const op of ops ?? []) {
    if (op.word === "" && op.sub && !op.quoted) out.push(...words(op.sub));
    else out.push(op.word);
  }
  return out;
}

/** Operand text as it would be written back (for messages and echoes). */
export function render(op: Operand): string {
  const w = op.quoted ? `'${op.word.replace(/'/g, "''")}'` : op.word;
  return op.sub ? `${w}(${op.sub.map(render).join(" ")})` : w;
}

/**
 * Split statement lines into commands: `-` at the end of a line continues on the next
 * (keeping its blanks), `+` continues and drops the next line's leading blanks, comments
 * are removed. With `truncate72` columns 73-80 (sequence numbers) are ignored, as
 * IDCAMS does for card-image SYSIN. With `semicolon` a `;` also ends a command.
 */
export function splitStatements(lines: string[], opts: { truncate72: boolean; semicolon: boolean }): { text: string; lines: string[] }[] {
  const out: { text: string; lines: string[] }[] = [];
  let text = "";
  let raw: string[] = [];
  let inComment = false;
  let stripNext = false;
  const flush = () => {
    // A comment-only line gives no command; its echo goes with the next command.
    if (text.trim() === "") return;
    out.push({ text: text.trim(), lines: raw });
    text = "";
    raw = [];
  };
  for (const original of lines) {
    let line = opts.truncate72 && original.length > 72 ? original.slice(0, 72) : original;
    raw.push(original.replace(/\s+$/, ""));
    // Remove comments, which may span lines, but not inside quotes.
    let clean = "";
    let inQuote = false;
    for (let k = 0; k < line.length; k++) {
      if (inComment) {
        if (line.startsWith("*/", k)) {
          inComment = false;
          k++;
        }
        continue;
      }
      const ch = line[k];
      if (ch === "'") inQuote = !inQuote;
      if (!inQuote && line.startsWith("/*", k)) {
        inComment = true;
        k++;
        clean += " ";
        continue;
      }
      clean += ch;
    }
    line = clean.replace(/\s+$/, "");
    const joinTight = stripNext;
    if (stripNext) line = line.replace(/^\s+/, "");
    stripNext = false;
    let continued = false;
    if (line.endsWith("-")) {
      line = line.slice(0, -1);
      continued = true;
    } else if (line.endsWith("+")) {
      line = line.slice(0, -1);
      continued = true;
      stripNext = true;
    }
    if (opts.semicolon && line.includes(";")) {
      const parts = line.split(";");
      for (let p = 0; p < parts.length - 1; p++) {
        text += " " + parts[p];
        flush();
      }
      line = parts[parts.length - 1];
    }
    text += (joinTight || text === "" ? "" : " ") + line;
    if (!continued && !inComment) flush();
  }
  flush();
  return out;
}
