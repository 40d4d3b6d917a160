/**
 * The converter's column reading of a cataloged procedure when `S proc` starts it
 * (zosmf-facts §10.3): a record is 80 columns (an FB 80 PROCLIB holds no more), columns
 * 1–71 are the statement, a non-blank column 72 continues it, 73–80 are ignored. A
 * continuation announced by a trailing comma or by column 72 needs a `//` card with a
 * blank column 3 that resumes in columns 4–16, else IEFC621I and the task ends with a
 * JCL error before its program runs. Kept apart from the plug-in's own check so the two
 * check each other.
 */
import { jesTexts } from "../zosmf-forms";

export interface ProcJclReading {
  /** `stmt IEFCnnnI text`, as the job log lists them; empty when the procedure converts. */
  errors: string[];
  /** The JESJCL listing: numbered statements, continuations and comments unnumbered. */
  listing: string[];
  /** Name of the first EXEC statement (the procstep `D A` shows). */
  firstStep: string | null;
}

/** Operands end at the first blank outside apostrophes. */
function operandField(text: string): string {
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === "'") quoted = !quoted;
    else if (text[i] === " " && !quoted) return text.slice(0, i);
  }
  return text;
}

function continuationCard(record: string): boolean {
  if (!record.startsWith("//") || record.startsWith("//*") || record[2] !== " ") return false;
  const first = record.slice(0, 71).slice(2).search(/\S/);
  return first >= 0 && first + 3 >= 4 && first + 3 <= 16;
}

export function readProcJcl(text: string): ProcJclReading {
  const records = text
    .replace(/\r\n?/g, "\n")
    .replace(/\n$/, "")
    .split("\n")
    .map((r) => r.slice(0, 80));
  const errors: string[] = [];
  const listing: string[] = [];
  let number = 0;
  let firstStep: string | null = null;
  let inStream = false;
  for (let i = 0; i < records.length; i++) {
    const record = records[i];
    const data = record.slice(0, 71);
    if (inStream) {
      if (!record.startsWith("//") && !record.startsWith("/*")) continue;
      inStream = false;
    }
    if (record.startsWith("//*") || !record.startsWith("//")) {
      listing.push(`${" ".repeat(11)}${data.trimEnd()}`);
      continue;
    }
    number++;
    listing.push(`${String(number).padStart(10)} ${data.trimEnd()}`);
    const m = /^\/\/(\S*)\s+(\S+)\s*(.*)$/.exec(data);
    if (m?.[2] === "EXEC" && firstStep === null) firstStep = m[1] || null;
    if (m?.[2] === "DD" && /^(\*|DATA)(,|\s|$)/.test(m[3])) inStream = true;
    let ops = m ? operandField(m[3]) : "";
    let col72 = (record[71] ?? " ") !== " ";
    while (ops.endsWith(",") || col72) {
      const next = records[i + 1];
      if (next === undefined || !continuationCard(next)) {
        errors.push(`${String(number).padStart(3)} ${jesTexts.badContinuation}`);
        break;
      }
      i++;
      listing.push(`${" ".repeat(11)}${next.slice(0, 71).trimEnd()}`);
      // After a comment continued in column 72, the card holds comment text, not operands.
      ops = ops.endsWith(",") ? operandField(next.slice(2, 71).trimStart()) : "";
      col72 = (next[71] ?? " ") !== " ";
    }
  }
  return { errors, listing, firstStep };
}
