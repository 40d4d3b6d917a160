import { HaError } from "../errors";

/** One broken JCL column rule. Lines are 1-based. */
export interface JclProblem {
  readonly line: number;
  readonly rule: string;
  readonly text: string;
}

const NAME = /^[A-Z@#$][A-Z0-9@#$]{0,7}$/;
/** JCL ignores columns 72–80 (72 is the continuation column of comments, 73–80 sequence numbers). */
const LAST_DATA_COLUMN = 71;

/**
 * Checks JCL text against the column rules JES applies, so a template that renders a long
 * or misplaced statement is refused here instead of failing (or worse, being misread) on z/OS.
 */
export function findJclProblems(jcl: string): JclProblem[] {
  const lines = jcl.replace(/\r\n/g, "\n").replace(/\n$/, "").split("\n");
  const problems: JclProblem[] = [];
  const add = (index: number, rule: string) => problems.push({ line: index + 1, rule, text: lines[index] ?? "" });
  let inStream = false;
  let continuing = false;
  let sawJob = false;

  lines.forEach((line, i) => {
    if (line.length > 80) add(i, `record is ${line.length} characters; JCL records are at most 80`);
    const pastData = line.length > LAST_DATA_COLUMN && line.slice(LAST_DATA_COLUMN).trim() !== "";
    if (inStream) {
      if (line.startsWith("//") || /^\/\*(\s|$)/.test(line)) inStream = false;
      else {
        if (pastData) add(i, `in-stream data past column ${LAST_DATA_COLUMN} would be ignored`);
        return;
      }
      if (!line.startsWith("//")) return;
    }
    if (pastData) add(i, `text past column ${LAST_DATA_COLUMN} is ignored by JCL`);
    if (line.startsWith("//*") || line.startsWith("/*")) return;
    if (!line.startsWith("//")) {
      add(i, "a JCL statement must start with // in columns 1-2");
      return;
    }
    const body = line.slice(2, LAST_DATA_COLUMN);
    if (body.trim() === "") {
      continuing = false;
      return;
    }
    let operands: string;
    if (continuing) {
      const first = body.search(/\S/) + 3;
      if (body[0] !== " ") add(i, "a continuation line must leave column 3 blank");
      else if (first < 4 || first > 16) add(i, `a continuation must start between columns 4 and 16 (starts in column ${first})`);
      operands = body.trim();
    } else {
      const [, name = "", rest = ""] = /^(\S*)\s*(.*)$/.exec(body) ?? [];
      if (name && !NAME.test(name) && sawJob) add(i, `name field "${name}" must be 1-8 characters A-Z, 0-9, @, #, $ starting in column 3 with no digit first`);
      const [, operation = "", ops = ""] = /^(\S*)\s*(.*)$/.exec(rest) ?? [];
      if (!sawJob) {
        if (operation !== "JOB") add(i, "the first statement must be the JOB statement");
        else if (!NAME.test(name)) add(i, `job name "${name}" must be 1-8 characters A-Z, 0-9, @, #, $ not starting with a digit`);
        sawJob = true;
      }
      operands = ops;
      if (operation === "DD" && /^(\*|DATA)(,|\s|$)/.test(ops)) inStream = true;
    }
    const field = operandField(operands);
    continuing = field.endsWith(",");
  });
  return problems;
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

/** Refuses JCL that breaks a column rule, naming the template, the line and the rule. */
export function assertValidJcl(jcl: string, templateName: string): void {
  const problems = findJclProblems(jcl);
  if (problems.length === 0) return;
  const first = problems[0]!;
  throw new HaError(`JCL rendered from ${templateName} breaks a column rule at line ${first.line}: ${first.rule}. Nothing was submitted.`, {
    failureClass: "invalid-input",
    details: problems.map((p) => `${templateName} line ${p.line}: ${p.rule}: ${p.text}`),
  });
}
