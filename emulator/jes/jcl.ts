/**
 * The JCL reader: turns submitted JCL text into a ParsedJcl, the JESJCL listing and any
 * IEFC messages. Only syntax makes a JCL error; an undefined symbol or a program that does
 * not exist is left for execution time, as on z/OS.
 */
import { jesTexts } from "../zosmf-forms";
import { isValidName, operandField, splitOperands, substituteSymbols, splitDsn, unwrapValue, type Operand } from "./jcl-operands";
import type { DdStatement, JclStep } from "./steps";
import type { JclListingEntry, JclReadResult, ParsedJcl } from "./types";

export interface ReadJclOptions {
  /** Symbols from X-IBM-JCL-Symbol-* headers (names upper-case). */
  symbols?: Record<string, string>;
  /** Text of a cataloged procedure, or null when the PROCLIB concatenation has no such member. */
  findProc?: (name: string) => string | null;
}

interface Statement {
  name: string;
  op: string;
  operands: string;
}

/** Operations the reader accepts without modelling them. */
const IGNORED_OPS = new Set([
  "JCLLIB",
  "INCLUDE",
  "OUTPUT",
  "IF",
  "ELSE",
  "ENDIF",
  "CNTL",
  "ENDCNTL",
  "XMIT",
  "COMMAND",
  "EXPORT",
  "SCHEDULE",
  "NOTIFY",
]);
/** EXEC keywords that are not procedure symbol overrides. */
const EXEC_KEYWORDS = new Set([
  "PGM",
  "PROC",
  "PARM",
  "PARMDD",
  "COND",
  "REGION",
  "TIME",
  "ACCT",
  "ADDRSPC",
  "DYNAMNBR",
  "RD",
  "PERFORM",
  "MEMLIMIT",
  "CCSID",
  "TVSMSG",
  "TVSAMCOM",
  "RLSTMOUT",
]);

const stripEnd = (s: string) => s.replace(/\s+$/, "");

/** Cursor over the input lines, shared by the job and the procedures it calls. */
class LineReader {
  index = 0;
  constructor(readonly lines: string[]) {}
  get done(): boolean {
    return this.index >= this.lines.length;
  }
  peek(): string {
    return this.lines[this.index];
  }
  next(): string {
    return this.lines[this.index++];
  }
}

class Reader {
  readonly listing: JclListingEntry[] = [];
  readonly errors: string[] = [];
  readonly symbols: Record<string, string>;
  readonly sets: Record<string, string> = {};
  readonly steps: JclStep[] = [];
  readonly substituted: string[] = [];
  jobname: string | null = null;
  jobClass = "A";
  msgClass = "A";
  scanOnly = false;
  sysaff?: string;
  private statementNumber = 0;
  private sawJob = false;
  private ended = false;

  constructor(private readonly options: ReadJclOptions) {
    this.symbols = { ...(options.symbols ?? {}) };
  }

  read(text: string): void {
    const lines = text.replace(/\r\n?/g, "\n").split("\n");
    if (lines.length > 0 && lines[lines.length - 1] === "") lines.pop();
    const input = new LineReader(lines);
    while (!input.done && !this.ended) this.readOne(input);
  }

  private readOne(input: LineReader): void {
    const raw = input.next();
    if (raw.startsWith("//*")) {
      this.listing.push({ number: null, text: stripEnd(raw) });
      this.substituted.push(raw);
      return;
    }
    if (raw.startsWith("/*")) {
      this.jes2Control(raw);
      this.substituted.push(raw);
      return;
    }
    if (!raw.startsWith("//")) {
      this.implicitSysin(raw, input);
      return;
    }
    if (raw.slice(2).trim() === "") {
      // Null statement: end of the job.
      this.ended = true;
      return;
    }
    const statement = this.gather(raw, input);
    if (statement) this.apply(statement, input);
  }

  /**
   * Read one statement and its continuation lines; list them and substitute symbols.
   * Name and operation fields are kept as written: JCL is upper case, so a lowercase name
   * fails the label rule and a lowercase `exec` or `dd` is an unknown operation (§1.6).
   */
  private gather(first: string, input: LineReader): Statement | null {
    const line = first.slice(0, 71);
    const nameEnd = line.indexOf(" ", 2);
    const name = nameEnd < 0 ? line.slice(2) : line.slice(2, nameEnd);
    const afterName = nameEnd < 0 ? "" : line.slice(nameEnd).trimStart();
    const opEnd = afterName.indexOf(" ");
    const op = opEnd < 0 ? afterName : afterName.slice(0, opEnd);
    let { operands } = operandField(opEnd < 0 ? "" : afterName.slice(opEnd).trimStart());
    this.statementNumber++;
    const entry: JclListingEntry = { number: this.statementNumber, text: stripEnd(first) };
    this.listing.push(entry);
    const rawLines = [first];

    while (operands.endsWith(",")) {
      if (input.done) {
        this.errors.push(`${this.statementNumber} ${jesTexts.badContinuation}`);
        break;
      }
      const next = input.peek();
      const body = next.slice(0, 71);
      const start = body.slice(2).search(/\S/) + 2;
      // A continuation is `//`, a blank column 3 and the operands resuming in columns 4-16.
      if (!body.startsWith("//") || body.startsWith("//*") || body[2] !== " " || start < 3 || start > 15) {
        this.errors.push(`${this.statementNumber} ${jesTexts.badContinuation}`);
        break;
      }
      input.next();
      rawLines.push(next);
      this.listing.push({ number: null, text: stripEnd(next) });
      operands += operandField(body.slice(start)).operands;
    }

    const replaced = substituteSymbols(operands, this.symbols);
    if (replaced !== operands) entry.substituted = `${name ? `//${name}` : "//"} ${op} ${replaced}`;
    this.substituted.push(replaced !== operands ? `//${name.padEnd(8)} ${op} ${replaced}` : rawLines.join("\n"));
    if (name && !isValidName(name)) this.errors.push(`${this.statementNumber} ${jesTexts.badName}`);
    return { name, op, operands: replaced };
  }

  private apply(statement: Statement, input: LineReader): void {
    const operands = splitOperands(statement.operands);
    if (!operands) {
      this.errors.push(`${this.statementNumber} ${jesTexts.unbalanced}`);
      return;
    }
    switch (statement.op) {
      case "JOB":
        return this.job(statement, operands);
      case "EXEC":
        return this.exec(statement, operands);
      case "DD":
        return this.dd(statement, operands, input);
      case "SET":
        for (const o of operands) {
          if (o.keyword) {
            this.sets[o.keyword] = unwrapValue(o.value);
            this.symbols[o.keyword] = unwrapValue(o.value);
          }
        }
        return;
      case "PROC":
      case "PEND":
        return;
      default:
        if (!IGNORED_OPS.has(statement.op)) this.errors.push(`${this.statementNumber} ${jesTexts.unknownOperation}`);
    }
  }

  private job(statement: Statement, operands: Operand[]): void {
    if (this.sawJob) {
      // A second JOB statement starts another job; the emulator reads only the first.
      this.ended = true;
      return;
    }
    this.sawJob = true;
    this.jobname = statement.name || null;
    if (!statement.name) this.errors.push(`${this.statementNumber} ${jesTexts.badName}`);
    for (const o of operands) {
      if (o.keyword === "CLASS") this.jobClass = o.value.toUpperCase();
      if (o.keyword === "MSGCLASS") this.msgClass = o.value.toUpperCase();
      if (o.keyword === "TYPRUN" && o.value.toUpperCase() === "SCAN") this.scanOnly = true;
    }
  }

  private exec(statement: Statement, operands: Operand[]): void {
    const pgm = operands.find((o) => o.keyword === "PGM")?.value;
    const procName = operands.find((o) => o.keyword === "PROC")?.value ?? operands.find((o) => o.keyword === null)?.value;
    const parm = operands.find((o) => o.keyword === "PARM")?.value;
    if (pgm) {
      // As written: a lowercase module name is not found at run time (CSV003I, S806).
      this.steps.push({ name: statement.name, pgm, parm: parm === undefined ? undefined : unwrapValue(parm), dds: [] });
      return;
    }
    if (!procName) {
      this.errors.push(`${this.statementNumber} ${jesTexts.noProgram}`);
      return;
    }
    const overrides: Record<string, string> = {};
    for (const o of operands) if (o.keyword && !EXEC_KEYWORDS.has(o.keyword)) overrides[o.keyword] = unwrapValue(o.value);
    this.expandProc(statement.name, procName, overrides);
  }

  /** Expand a cataloged procedure: its PROC defaults, then the EXEC overrides, then its steps. */
  private expandProc(stepName: string, procName: string, overrides: Record<string, string>): void {
    const text = this.options.findProc?.(procName) ?? null;
    if (text === null) {
      this.errors.push(`${this.statementNumber} ${jesTexts.procNotFound(procName)}`);
      return;
    }
    const inner = new Reader({ findProc: undefined });
    inner.sawJob = true;
    const lines = text.replace(/\r\n?/g, "\n").split("\n");
    const procLine = lines.find((l) => /^\/\/\S*\s+PROC(\s|$)/.test(l));
    if (procLine) {
      const { operands } = operandField(procLine.slice(0, 71).replace(/^\/\/\S*\s+PROC\s*/, ""));
      for (const o of splitOperands(operands) ?? []) if (o.keyword) inner.symbols[o.keyword] = unwrapValue(o.value);
    }
    Object.assign(inner.symbols, this.symbols, overrides);
    inner.read(text);
    if (inner.errors.length > 0) {
      this.errors.push(...inner.errors.map((e) => `${this.statementNumber} ${e.replace(/^\d+ /, "")}`));
      return;
    }
    for (const step of inner.steps) this.steps.push({ ...step, name: stepName, procStepName: step.name, proc: procName });
  }

  private dd(statement: Statement, operands: Operand[], input: LineReader): void {
    const dd: DdStatement = { ddname: statement.name };
    let instream: "star" | "data" | null = null;
    let delimiter: string | null = null;
    for (const o of operands) {
      const value = o.value;
      if (o.keyword === null) {
        const v = value.toUpperCase();
        if (v === "*") instream = "star";
        else if (v === "DATA") instream = "data";
        else if (v === "DUMMY") dd.dummy = true;
        continue;
      }
      switch (o.keyword) {
        case "DSN":
        case "DSNAME": {
          const { dsn, member } = splitDsn(unwrapValue(value));
          dd.dsn = dsn;
          if (member !== undefined) dd.member = member;
          break;
        }
        case "DISP":
          dd.disp = unwrapValue(value).toUpperCase();
          break;
        case "PATH":
          dd.path = unwrapValue(value);
          break;
        case "SYSOUT":
          dd.sysout = unwrapValue(value).toUpperCase();
          break;
        case "DLM":
          delimiter = unwrapValue(value);
          break;
        default:
          // SPACE, DSNTYPE, DCB, RECFM, LRECL, VOL, DDNAME...: the programs read what they need.
          (dd.params ??= {})[o.keyword] = value;
      }
    }
    if (instream) dd.instream = this.readInstream(input, instream, delimiter);
    const step = this.steps[this.steps.length - 1];
    if (!step) return; // JOBLIB, JOBCAT and friends before the first step
    // An unnamed DD continues the previous DD's concatenation.
    if (!dd.ddname) dd.ddname = step.dds[step.dds.length - 1]?.ddname ?? "";
    step.dds.push(dd);
  }

  private readInstream(input: LineReader, kind: "star" | "data", delimiter: string | null): string[] {
    const data: string[] = [];
    while (!input.done) {
      const line = input.peek();
      if (delimiter !== null) {
        if (line.startsWith(delimiter)) {
          input.next();
          break;
        }
      } else if (line.startsWith("/*") && !line.startsWith("/*JOBPARM") && !line.startsWith("/*ROUTE")) {
        input.next();
        break;
      } else if (kind === "star" && line.startsWith("//")) break;
      data.push(input.next());
    }
    this.substituted.push(...data, ...(delimiter !== null ? [delimiter] : ["/*"]));
    return data;
  }

  /** Data with no DD in front of it gets the `//SYSIN DD *` JES would generate. */
  private implicitSysin(first: string, input: LineReader): void {
    const step = this.steps[this.steps.length - 1];
    const data = [first];
    while (!input.done && !input.peek().startsWith("//") && !input.peek().startsWith("/*")) data.push(input.next());
    if (!input.done && input.peek().startsWith("/*")) input.next();
    this.substituted.push(...data);
    if (step) step.dds.push({ ddname: "SYSIN", instream: data });
  }

  /** JES2 control statements: only SYSAFF on /*JOBPARM matters here. */
  private jes2Control(line: string): void {
    const m = /^\/\*JOBPARM\s+.*\bSYSAFF=\(?([A-Z0-9@#$*]+)/i.exec(line);
    if (m) this.sysaff = m[1].toUpperCase();
  }

  finish(): JclReadResult {
    if (this.sawJob && this.steps.length === 0 && this.errors.length === 0) this.errors.push(jesTexts.noSteps);
    const parsed: ParsedJcl | null = this.sawJob
      ? { jobname: this.jobname ?? "", jobClass: this.jobClass, msgClass: this.msgClass, steps: this.steps, sets: this.sets }
      : null;
    return {
      parsed,
      jobname: this.jobname,
      listing: this.listing,
      errors: this.errors,
      scanOnly: this.scanOnly,
      sysaff: this.sysaff,
      substitutedText: this.substituted.join("\n"),
    };
  }

  /**
   * True when the first statement (after comments) is a JOB statement. JES2 only knows the
   * verb in upper case: `//lowjob job` is not a job (§1.6 "not recognized ... as a job").
   */
  static startsWithJob(text: string): boolean {
    for (const line of text.replace(/\r\n?/g, "\n").split("\n")) {
      if (line.startsWith("//*") || line.trim() === "") continue;
      return /^\/\/\S+\s+JOB(\s|$)/.test(line.slice(0, 71));
    }
    return false;
  }
}

export function readJcl(text: string, options: ReadJclOptions = {}): JclReadResult {
  if (!Reader.startsWithJob(text)) {
    return { parsed: null, jobname: null, listing: [], errors: [], scanOnly: false, substitutedText: text };
  }
  const reader = new Reader(options);
  reader.read(text);
  return reader.finish();
}
