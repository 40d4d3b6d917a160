import { HaError } from "../errors";
import { preview } from "./escape";
import { LAST_DATA_COLUMN } from "./jcl-columns";
import { operandField, type InstreamData, type JclProblem, type JclStatement, type JclStructure } from "./jcl-statement";
import { fieldsInLine, type WrittenValue } from "./render";
import { findShellProblems } from "./shell-check";

const NAME = /^[A-Z@#$][A-Z0-9@#$]{0,7}$/;
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

/** What the reader knows between lines: where it is in the job and what it has read so far. */
class JclReader {
  readonly problems: JclProblem[] = [];
  readonly statements: { -readonly [K in keyof JclStatement]: JclStatement[K] }[] = [];
  readonly instream: (InstreamData & { records: string[] })[] = [];
  /** The in-stream data being read, and the line that ends it (null: DD * data, ended by `/*` or `//`). */
  private data: { delimiter: string | null; records: string[] } | null = null;
  private continuing = false;
  sawJob = false;
  /** Index of the null statement that ended the job, or -1. */
  private ended = -1;
  private step = "";

  constructor(
    readonly lines: readonly string[],
    private readonly options: JclCheckOptions,
  ) {}

  add(index: number, rule: string): void {
    this.problems.push({ line: index + 1, rule, text: this.lines[index] ?? "" });
  }

  readLine(line: string, i: number): void {
    if (line.length > 80) this.add(i, `record is ${line.length} characters; JCL records are at most 80`);
    const pastData = line.length > LAST_DATA_COLUMN && line.slice(LAST_DATA_COLUMN).trim() !== "";
    if (this.data && this.readInstreamLine(this.data, line, i, pastData)) return;
    if (this.ended >= 0 && line.trim() !== "") {
      this.add(i, `a statement after the null statement of line ${this.ended + 1}: the job ends there, so it would not run`);
      return;
    }
    if (pastData) this.add(i, `text past column ${LAST_DATA_COLUMN} is ignored by JCL`);
    if (line.startsWith("//*")) return;
    if (line.startsWith("/*")) return this.checkJes2Statement(line, i);
    if (!line.startsWith("//")) return this.add(i, "a JCL statement must start with // in columns 1-2");
    const body = line.slice(2, LAST_DATA_COLUMN);
    if (body.trim() === "") return this.readNullStatement(i);
    const operands = this.continuing ? this.readContinuation(body, i) : this.readStatement(body, i);
    this.continuing = operands.endsWith(",");
  }

  /** A line while in-stream data is open; true when the line belonged to the data (a record or its delimiter). */
  private readInstreamLine(data: { delimiter: string | null; records: string[] }, line: string, i: number, pastData: boolean): boolean {
    // DD * ends at a delimiter or at the next JCL statement; DD DATA and DLM= only at the delimiter.
    const atDelimiter = data.delimiter === null ? line.startsWith("/*") : line.startsWith(data.delimiter);
    const atStatement = data.delimiter === null && line.startsWith("//");
    if (!atDelimiter && !atStatement) {
      if (pastData) this.add(i, `in-stream data past column ${LAST_DATA_COLUMN} would be ignored`);
      data.records.push(line);
      return true;
    }
    this.data = null;
    if (atStatement && this.options.closedInstream)
      this.add(
        i,
        "a JCL statement inside in-stream data: the template ends its data with /*, so this line would start a statement it did not write",
      );
    if (atDelimiter && !atStatement && !/^\/\*(\s|$)/.test(line) && line.slice(0, 2) === "/*") {
      // `/*` followed by text ends DD * data too; JES then reads it as a JES2 statement.
      if (!JES2_STATEMENTS.test(line)) this.add(i, "a /* statement that ends in-stream data is not a delimiter");
      return true;
    }
    return atDelimiter;
  }

  /** A `/*` line outside in-stream data: a JES2 control statement, or a stray delimiter. */
  private checkJes2Statement(line: string, i: number): void {
    // /*PRIORITY is the one JES2 statement that goes just before the JOB statement.
    if (!this.sawJob) {
      if (!/^\/\*PRIORITY(\s|$)/.test(line)) this.add(i, "a JES2 statement before the JOB statement");
    } else if (/^\/\*(\s|$)/.test(line)) this.add(i, "a /* delimiter with no in-stream data to end");
    else if (!JES2_STATEMENTS.test(line)) this.add(i, `"${line.slice(0, 10).trimEnd()}" is not a JES2 control statement a job may carry`);
  }

  private readNullStatement(i: number): void {
    if (this.continuing) this.add(i, "a continuation was announced but a null statement follows");
    this.continuing = false;
    this.ended = i;
  }

  /** A continuation line: its operands are added to the statement it continues. */
  private readContinuation(body: string, i: number): string {
    const first = body.search(/\S/) + 3;
    if (body[0] !== " ") this.add(i, "a continuation line must leave column 3 blank");
    else if (first < 4 || first > 16) this.add(i, `a continuation must start between columns 4 and 16 (starts in column ${first})`);
    const operands = operandField(body.trim());
    const last = this.statements[this.statements.length - 1];
    if (last) last.operands += operands;
    return operands;
  }

  /** A new statement: its name and operation checked against the job's shape, and in-stream data it opens. */
  private readStatement(body: string, i: number): string {
    const [, name = "", rest = ""] = /^(\S*)\s*(.*)$/.exec(body) ?? [];
    if (name && !NAME.test(name) && this.sawJob)
      this.add(i, `name field "${name}" must be 1-8 characters A-Z, 0-9, @, #, $ starting in column 3 with no digit first`);
    const [, operation = "", ops = ""] = /^(\S*)\s*(.*)$/.exec(rest) ?? [];
    if (!this.sawJob) {
      if (operation !== "JOB") this.add(i, "the first statement must be the JOB statement");
      else if (!NAME.test(name)) this.add(i, `job name "${name}" must be 1-8 characters A-Z, 0-9, @, #, $ not starting with a digit`);
      this.sawJob = true;
    } else if (operation === "JOB") {
      this.add(i, "a second JOB statement: it would start another job");
    }
    const operands = operandField(ops);
    this.statements.push({ line: i + 1, name, operation, operands });
    if (operation === "EXEC") this.step = name;
    if (operation === "DD") this.openInstream(name, operands, i);
    return operands;
  }

  /** `DD *` and `DD DATA` open in-stream data, ended by `/*` (or the next statement for `*`) or by DLM=. */
  private openInstream(ddname: string, operands: string, i: number): void {
    const inline = /^(\*|DATA)(,|$)/.exec(operands);
    if (!inline) return;
    const dlm = /(?:^|,)DLM=(?:'([^']{2})'|([^,']{2}))/.exec(operands);
    this.data = { delimiter: dlm ? (dlm[1] ?? dlm[2])! : inline[1] === "DATA" ? "/*" : null, records: [] };
    this.instream.push({ ddname, step: this.step, firstLine: i + 2, records: this.data.records });
  }
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
  const reader = new JclReader(lines, options);
  lines.forEach((line, i) => reader.readLine(line, i));
  if (!reader.sawJob && lines.some((l) => l.trim() !== "")) reader.add(0, "the first statement must be the JOB statement");
  return { statements: reader.statements, instream: reader.instream, problems: reader.problems };
}

/** The rule problems of `jcl`, plus those of the shell command lines its BPXBATCH steps run. */
export function findJclProblems(jcl: string, options: JclCheckOptions = {}): JclProblem[] {
  const structure = readJcl(jcl, options);
  return [...structure.problems, ...findShellProblems(structure)].sort((a, b) => a.line - b.line);
}

/**
 * Refuses JCL that breaks a rule, naming the template, the line and the rule, and the
 * topology fields whose values are on that line (`values` from renderWithValues).
 */
export function assertValidJcl(
  jcl: string,
  templateName: string,
  values: readonly WrittenValue[] = [],
  options: JclCheckOptions = {},
): void {
  const problems = findJclProblems(jcl, options);
  if (problems.length === 0) return;
  const first = problems[0]!;
  const fields = fieldsInLine(first.text, values);
  const who = fields.length ? `The value of ${fields.join(", ")} makes the JCL` : "JCL";
  throw new HaError(
    `${who} rendered from ${templateName} break${fields.length ? "" : "s"} a rule at line ${first.line}: ${first.rule}. Nothing was submitted.`,
    {
      failureClass: "invalid-input",
      // The record holds the value: at most 60 characters of it are shown, as of any value.
      details: problems.map((p) => `${templateName} line ${p.line}: ${p.rule}: ${preview(p.text)}`),
    },
  );
}
