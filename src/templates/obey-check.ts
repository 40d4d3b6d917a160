import { HaError } from "../errors";
import { preview } from "./escape";
import { fieldsInLine, type WrittenValue } from "./render";

/** TCP/IP reads columns 1-71 of a profile record; anything further would be lost silently. */
export const OBEY_COLUMNS = 71;

/** One record of an obey member that TCP/IP would not read as the template wrote it. */
export interface ObeyProblem {
  readonly line: number;
  readonly rule: string;
  readonly text: string;
}

/**
 * Reads a rendered obey member as the TCP/IP profile parser does: records of at most 71
 * columns, printable characters only, and quotes closed on their own record (an open quote
 * would join the following records into one value).
 */
export function findObeyProblems(text: string): ObeyProblem[] {
  const problems: ObeyProblem[] = [];
  text
    .replace(/\n$/, "")
    .split("\n")
    .forEach((line, i) => {
      const add = (rule: string) => problems.push({ line: i + 1, rule, text: line });
      if (line.trimEnd().length > OBEY_COLUMNS) add(`longer than ${OBEY_COLUMNS} columns; TCP/IP would not read the rest`);
      if (/[^\x20-\x7e]/.test(line)) add("a character outside printable text");
      const statement = line.replace(/;.*$/, "");
      if ((statement.match(/"/g) ?? []).length % 2 === 1 || (statement.match(/'/g) ?? []).length % 2 === 1)
        add("a quote that is not closed on its record");
    });
  return problems;
}

/** Refuses an obey member TCP/IP would misread, naming the topology fields whose values are on the failing record. */
export function assertValidObey(text: string, templateName: string, system: string, values: readonly WrittenValue[] = []): void {
  const problems = findObeyProblems(text);
  if (problems.length === 0) return;
  const first = problems[0]!;
  const fields = fieldsInLine(first.text, values);
  throw new HaError(
    `${fields.length ? `The value of ${fields.join(", ")} makes ` : ""}${templateName} render${fields.length ? "" : "s"} line ${first.line} for ${system} ${first.rule}. Nothing was written.`,
    { failureClass: "invalid-input", details: problems.map((p) => `${templateName} line ${p.line}: ${p.rule}: ${preview(p.text)}`) },
  );
}
