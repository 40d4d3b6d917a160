/**
 * The pieces of read JCL that the JCL, shell and column checks share: its statements, in-stream data and problems,
 * and how an operand field and a keyword operand are read out of a statement.
 */

/** One broken JCL rule. Lines are 1-based. */
export interface JclProblem {
  readonly line: number;
  readonly rule: string;
  readonly text: string;
}

/** A JCL statement with its continuations joined: what the converter reads. */
export interface JclStatement {
  readonly line: number;
  readonly name: string;
  readonly operation: string;
  /** The operand fields of the statement and its continuations, joined. */
  readonly operands: string;
}

/** The records of one in-stream data set (`DD *` or `DD DATA`), delimiter excluded. */
export interface InstreamData {
  /** The DD statement's name (`SYSTSIN`), and the name of the step it belongs to. */
  readonly ddname: string;
  readonly step: string;
  /** Line of the first data record (1-based). */
  readonly firstLine: number;
  readonly records: readonly string[];
}

export interface JclStructure {
  readonly statements: readonly JclStatement[];
  readonly instream: readonly InstreamData[];
  readonly problems: readonly JclProblem[];
}

/** The operand field ends at the first blank outside apostrophes; the rest is a comment. */
export function operandField(text: string): string {
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === "'") quoted = !quoted;
    else if (c === " " && !quoted) return text.slice(0, i);
  }
  return text;
}

/** The value of keyword operand `keyword` (`PARM`) in an operand field, as written; null when absent. */
export function keywordOperand(operands: string, keyword: string): string | null {
  let depth = 0;
  let quoted = false;
  let start = 0;
  const parts: string[] = [];
  for (let i = 0; i <= operands.length; i++) {
    const c = operands[i];
    if (c === "'") quoted = !quoted;
    else if (!quoted && c === "(") depth++;
    else if (!quoted && c === ")") depth--;
    if (i === operands.length || (!quoted && depth === 0 && c === ",")) {
      parts.push(operands.slice(start, i));
      start = i + 1;
    }
  }
  const prefix = `${keyword}=`;
  const found = parts.find((p) => p.toUpperCase().startsWith(prefix));
  return found === undefined ? null : found.slice(prefix.length);
}
