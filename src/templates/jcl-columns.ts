import { HaError } from "../errors";
import { operandField, type JclProblem } from "./jcl-statement";

/**
 * The columns JES reads in a cataloged procedure or any JCL that is stored rather than
 * rendered (zosmf-facts §10.3): columns 1–71 hold the statement, a non-blank column 72
 * says the statement continues, columns 73–80 are sequence numbers and are ignored.
 * A continuation announced by a trailing comma or by column 72 must be followed by a
 * `//` card with column 3 blank that resumes in columns 4–16; otherwise JES ends the
 * job (or the started task) with a JCL error before anything runs.
 */
export const RECORD_LENGTH = 80;
export const LAST_DATA_COLUMN = 71;
export const CONTINUE_COLUMN = 72;
export const FIRST_CONTINUATION_COLUMN = 4;
export const LAST_CONTINUATION_COLUMN = 16;

/** Columns 1–71 of a record (shorter records are not padded). */
export function dataColumns(record: string): string {
  return record.slice(0, LAST_DATA_COLUMN);
}

/** Columns 72–80 of a record, as they are ("" when the record is shorter). */
export function tailColumns(record: string): string {
  return record.slice(LAST_DATA_COLUMN);
}

function continuesByColumn72(record: string): boolean {
  const c = record[CONTINUE_COLUMN - 1];
  return c !== undefined && c !== " ";
}

/** A `//` card that continues the previous statement: column 3 blank, text resuming in 4–16. */
export function isContinuationCard(record: string): boolean {
  if (!record.startsWith("//") || record.startsWith("//*")) return false;
  const body = dataColumns(record);
  if (body[2] !== " ") return false;
  const first = body.slice(2).search(/\S/);
  if (first < 0) return false;
  const column = first + 3;
  return column >= FIRST_CONTINUATION_COLUMN && column <= LAST_CONTINUATION_COLUMN;
}

/**
 * Every place where JES would read the text differently from what it looks like:
 * records longer than 80, continuations announced without a continuation card, and
 * continuation cards out of columns 4–16. In-stream data (after `DD *` / `DD DATA`) is
 * data, not JCL, and is only checked for length.
 */
export function findJesReadingProblems(text: string): JclProblem[] {
  const lines = text.replace(/\r\n/g, "\n").replace(/\n$/, "").split("\n");
  const problems: JclProblem[] = [];
  const add = (index: number, rule: string) => problems.push({ line: index + 1, rule, text: lines[index] ?? "" });
  let expectContinuation: number | null = null;
  let inStream = false;

  lines.forEach((line, i) => {
    if (line.length > RECORD_LENGTH) add(i, `record is ${line.length} characters; JCL records are at most ${RECORD_LENGTH}`);
    if (inStream) {
      if (line.startsWith("//") || line.startsWith("/*")) inStream = false;
      else return;
    }
    if (expectContinuation !== null) {
      const announced = expectContinuation;
      expectContinuation = null;
      if (!isContinuationCard(line)) {
        add(
          announced,
          "the statement continues (trailing comma or column 72) but the next record is not a continuation card (// in 1-2, column 3 blank, text in columns 4-16)",
        );
        if (!line.startsWith("//") || line.startsWith("//*")) return;
      } else {
        expectContinuation = continues(dataColumns(line).slice(2).trimStart(), line) ? i : null;
        return;
      }
    }
    if (line.startsWith("//*") || !line.startsWith("//")) return;
    const body = dataColumns(line).slice(2);
    if (body.trim() === "") return;
    const [, , rest = ""] = /^(\S*)\s*(.*)$/.exec(body) ?? [];
    const [, operation = "", ops = ""] = /^(\S*)\s*(.*)$/.exec(rest) ?? [];
    if (operation === "DD" && /^(\*|DATA)(,|\s|$)/.test(ops)) inStream = true;
    if (continues(ops, line)) expectContinuation = i;
  });
  if (expectContinuation !== null) add(expectContinuation, "the statement continues (trailing comma or column 72) but the member ends");
  return problems;
}

function continues(operands: string, record: string): boolean {
  return operandField(operands).endsWith(",") || continuesByColumn72(record);
}

/** Refuses text JES would misread, naming where it came from, the record and the rule. */
export function assertJesReadable(text: string, source: string): void {
  const problems = findJesReadingProblems(text);
  if (problems.length === 0) return;
  const first = problems[0]!;
  throw new HaError(`${source} would not be read by JES as intended (record ${first.line}: ${first.rule}); it was not written.`, {
    // Checked before anything is written, so nothing has been sent.
    failureClass: "invalid-input",
    details: problems.map((p) => `${source} record ${p.line}: ${p.rule}: ${p.text}`),
  });
}
