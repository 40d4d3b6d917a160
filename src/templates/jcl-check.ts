import { HaError } from "../errors";
import { preview } from "./escape";
import { fieldsInLine, type WrittenValue } from "./render";
import { findShellProblems } from "./shell-check";

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

const NAME = /^[A-Z@#$][A-Z0-9@#$]{0,7}$/;
/** JCL ignores columns 72–80 (72 is the continuation column of comments, 73–80 sequence numbers). */
const LAST_DATA_COLUMN = 71;
/** JES2 control statements a job may carry; `/*$` (a JES2 command) and the rest are refused. */
const JES2_STATEMENTS = /^\/\*(JOBPARM|ROUTE|OUTPUT|NOTIFY|PRIORITY|MESSAGE|SETUP|NETACCT|XEQ)(\s|$)/;

export interface JclCheckOptions {
  /**
   * In-stream data must end with its delimiter (`/*` or DLM=), not with the next `//`
   * statement. Our templates always close their data, so a `//` inside it can only have come
   * from a value. @default false (a site's own JCL may end data either way)
   */
  readonly closedInstream?: boolean;
}

/**
 * Reads JCL as JES does, statement by statement, checking the column rules and the job's
 * shape: one JOB statement, first; nothing after a null statement; JES2 control statements
 * only of the kinds a job carries; in-stream data ended where the template ended it. A
 * template that renders a long or misplaced statement is refused here instead of failing (or
 * worse, being misread) on z/OS.
 */
export function readJcl(jcl: string, options: JclCheckOptions = {}): JclStructure {
  const lines = jcl.replace(/\r\n/g, "\n").replace(/\n$/, "").split("\n");
  const problems: JclProblem[] = [];
  const statements: { line: number; name: string; operation: string; operands: string }[] = [];
  const instream: { ddname: string; step: string; firstLine: number; records: string[] }[] = [];
  const add = (index: number, rule: string) => problems.push({ line: index + 1, rule, text: lines[index] ?? "" });
  let data: { delimiter: string | null; records: string[] } | null = null;
  let continuing = false;
  let sawJob = false;
  let ended = -1;
  let step = "";

  lines.forEach((line, i) => {
    if (line.length > 80) add(i, `record is ${line.length} characters; JCL records are at most 80`);
    const pastData = line.length > LAST_DATA_COLUMN && line.slice(LAST_DATA_COLUMN).trim() !== "";
    if (data) {
      // DD * ends at a delimiter or at the next JCL statement; DD DATA and DLM= only at the delimiter.
      const atDelimiter = data.delimiter === null ? line.startsWith("/*") : line.startsWith(data.delimiter);
      const atStatement = data.delimiter === null && line.startsWith("//");
      if (!atDelimiter && !atStatement) {
        if (pastData) add(i, `in-stream data past column ${LAST_DATA_COLUMN} would be ignored`);
        data.records.push(line);
        return;
      }
      data = null;
      if (atStatement && options.closedInstream) add(i, "a JCL statement inside in-stream data: the template ends its data with /*, so this line would start a statement it did not write");
      if (atDelimiter && !atStatement && !/^\/\*(\s|$)/.test(line) && line.slice(0, 2) === "/*") {
        // `/*` followed by text ends DD * data too; JES then reads it as a JES2 statement.
        if (!JES2_STATEMENTS.test(line)) add(i, "a /* statement that ends in-stream data is not a delimiter");
        return;
      }
      if (atDelimiter) return;
    }
    if (ended >= 0 && line.trim() !== "") {
      add(i, `a statement after the null statement of line ${ended + 1}: the job ends there, so it would not run`);
      return;
    }
    if (pastData) add(i, `text past column ${LAST_DATA_COLUMN} is ignored by JCL`);
    if (line.startsWith("//*")) return;
    if (line.startsWith("/*")) {
      // /*PRIORITY is the one JES2 statement that goes just before the JOB statement.
      if (!sawJob) {
        if (!/^\/\*PRIORITY(\s|$)/.test(line)) add(i, "a JES2 statement before the JOB statement");
      } else if (/^\/\*(\s|$)/.test(line)) add(i, "a /* delimiter with no in-stream data to end");
      else if (!JES2_STATEMENTS.test(line)) add(i, `"${line.slice(0, 10).trimEnd()}" is not a JES2 control statement a job may carry`);
      return;
    }
    if (!line.startsWith("//")) {
      add(i, "a JCL statement must start with // in columns 1-2");
      return;
    }
    const body = line.slice(2, LAST_DATA_COLUMN);
    if (body.trim() === "") {
      if (continuing) add(i, "a continuation was announced but a null statement follows");
      continuing = false;
      ended = i;
      return;
    }
    let operands: string;
    if (continuing) {
      const first = body.search(/\S/) + 3;
      if (body[0] !== " ") add(i, "a continuation line must leave column 3 blank");
      else if (first < 4 || first > 16) add(i, `a continuation must start between columns 4 and 16 (starts in column ${first})`);
      operands = operandField(body.trim());
      const last = statements[statements.length - 1];
      if (last) last.operands += operands;
    } else {
      const [, name = "", rest = ""] = /^(\S*)\s*(.*)$/.exec(body) ?? [];
      if (name && !NAME.test(name) && sawJob) add(i, `name field "${name}" must be 1-8 characters A-Z, 0-9, @, #, $ starting in column 3 with no digit first`);
      const [, operation = "", ops = ""] = /^(\S*)\s*(.*)$/.exec(rest) ?? [];
      if (!sawJob) {
        if (operation !== "JOB") add(i, "the first statement must be the JOB statement");
        else if (!NAME.test(name)) add(i, `job name "${name}" must be 1-8 characters A-Z, 0-9, @, #, $ not starting with a digit`);
        sawJob = true;
      } else if (operation === "JOB") {
        add(i, "a second JOB statement: it would start another job");
      }
      operands = operandField(ops);
      statements.push({ line: i + 1, name, operation, operands });
      if (operation === "EXEC") step = name;
      const inline = /^(\*|DATA)(,|$)/.exec(operands);
      if (operation === "DD" && inline) {
        const dlm = /(?:^|,)DLM=(?:'([^']{2})'|([^,']{2}))/.exec(operands);
        data = { delimiter: dlm ? (dlm[1] ?? dlm[2])! : inline[1] === "DATA" ? "/*" : null, records: [] };
        instream.push({ ddname: name, step, firstLine: i + 2, records: data.records });
      }
    }
    continuing = operands.endsWith(",");
  });
  if (!sawJob && lines.some((l) => l.trim() !== "")) add(0, "the first statement must be the JOB statement");
  return { statements, instream, problems };
}

/** The rule problems of `jcl`, plus those of the shell command lines its BPXBATCH steps run. */
export function findJclProblems(jcl: string, options: JclCheckOptions = {}): JclProblem[] {
  const structure = readJcl(jcl, options);
  return [...structure.problems, ...findShellProblems(structure)].sort((a, b) => a.line - b.line);
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

/**
 * Refuses JCL that breaks a rule, naming the template, the line and the rule, and the
 * topology fields whose values are on that line (`values` from renderWithValues).
 */
export function assertValidJcl(jcl: string, templateName: string, values: readonly WrittenValue[] = [], options: JclCheckOptions = {}): void {
  const problems = findJclProblems(jcl, options);
  if (problems.length === 0) return;
  const first = problems[0]!;
  const fields = fieldsInLine(first.text, values);
  const who = fields.length ? `The value of ${fields.join(", ")} makes the JCL` : "JCL";
  throw new HaError(`${who} rendered from ${templateName} break${fields.length ? "" : "s"} a rule at line ${first.line}: ${first.rule}. Nothing was submitted.`, {
    failureClass: "invalid-input",
    // The record holds the value: at most 60 characters of it are shown, as of any value.
    details: problems.map((p) => `${templateName} line ${p.line}: ${p.rule}: ${preview(p.text)}`),
  });
}
