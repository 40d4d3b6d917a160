import { HaError } from "../../errors";
import { preview } from "../../templates/escape";
import { operandField } from "../../templates/jcl-statement";
import {
  assertJesReadable,
  CONTINUE_COLUMN,
  dataColumns,
  FIRST_CONTINUATION_COLUMN,
  isContinuationCard,
  LAST_CONTINUATION_COLUMN,
  LAST_DATA_COLUMN,
  tailColumns,
} from "../../templates/jcl-columns";

/** One symbolic parameter default to set, and the topology field its value comes from. */
export interface ProcDefault {
  readonly name: string;
  /** As it is coded after `NAME=`, quotes included. */
  readonly value: string;
  /** Named when the value cannot be placed, e.g. `systems[SYSA].zosmf.userDir`. */
  readonly field: string;
}

interface Record {
  text: string;
  /** Index in the original member; null for a card this edit added. */
  readonly from: number | null;
}

const PROC_LINE = /^\/\/\S*\s+PROC(\s|$)/;

/**
 * Sets symbolic parameter defaults on a procedure's PROC statement (`IZUPRM=0A`,
 * `USERDIR='/global/zosmf/zosmfa'`). Only the operand field of the records it changes
 * moves; columns 72–80 of every record stay as they were, no record grows past 80, and
 * a parameter that does not fit goes on a continuation card of its own. The result is
 * checked as JES reads JCL before it is returned.
 */
export function setProcDefaults(text: string, settings: readonly ProcDefault[], procName: string): string {
  const lines = text.replace(/\r\n/g, "\n").split("\n");
  const records: Record[] = lines.map((t, i) => ({ text: t, from: i }));
  for (const s of settings) setOne(records, s, procName);
  const result = records.map((r) => r.text).join("\n");
  keptOutsideEdit(lines, records, procName);
  assertJesReadable(result, procName);
  return result;
}

/** Where the operand field of a statement record starts (0-based), or null for a comment continuation. */
function operandStart(record: string, first: boolean): number {
  const data = dataColumns(record);
  if (first) {
    const m = /^\/\/\S*\s+PROC/.exec(data)!;
    const rest = data.slice(m[0].length);
    const gap = rest.search(/\S/);
    return gap < 0 ? m[0].length + 1 : m[0].length + gap;
  }
  return 2 + data.slice(2).search(/\S/);
}

interface StatementRecord {
  readonly index: number;
  /** 0-based start and end of the operand field; equal when the record has none. */
  readonly start: number;
  readonly end: number;
}

function procStatement(records: Record[], procName: string, field: string): StatementRecord[] {
  const first = records.findIndex((r) => PROC_LINE.test(dataColumns(r.text)));
  if (first < 0)
    throw new HaError(`${procName} has no PROC statement, so ${field} cannot be set in it.`, { failureClass: "invalid-input" });
  const out: StatementRecord[] = [];
  let i = first;
  let operandsContinue = true;
  while (true) {
    const text = records[i]!.text;
    const start: number = operandsContinue ? operandStart(text, i === first) : LAST_DATA_COLUMN;
    const ops: string = operandsContinue ? operandField(dataColumns(text).slice(start)) : "";
    out.push({ index: i, start: Math.min(start, LAST_DATA_COLUMN), end: Math.min(start + ops.length, LAST_DATA_COLUMN) });
    const byComma: boolean = operandsContinue && ops.endsWith(",");
    const byColumn = (text[CONTINUE_COLUMN - 1] ?? " ") !== " ";
    if ((!byComma && !byColumn) || i + 1 >= records.length || !isContinuationCard(records[i + 1]!.text)) break;
    // A column-72 continuation without a trailing comma continues the comment, not the operands.
    operandsContinue = byComma;
    i++;
  }
  return out;
}

/**
 * Replaces `remove` characters at `at` in columns 1–71 with `insert`. The blanks between the
 * operands and a comment may shrink (to one at least) to make room; null when it still does not fit.
 */
function splice(record: string, at: number, remove: number, insert: string): string | null {
  const data = dataColumns(record);
  const tail = tailColumns(record);
  const before = data.slice(0, at).padEnd(at);
  let after = data.slice(at + remove);
  // A comment after the operands stays in its column when the blanks before it allow.
  const gap = after.length - after.trimStart().length;
  const growth = insert.length - remove;
  if (after.trim() !== "") after = growth >= 0 ? (gap - growth >= 1 ? after.slice(growth) : after) : " ".repeat(-growth) + after;
  let candidate = before + insert + after;
  if (candidate.trimEnd().length > LAST_DATA_COLUMN) {
    const comment = after.trim();
    candidate = before + insert + (comment ? ` ${comment}` : "");
    if (candidate.length > LAST_DATA_COLUMN) return null;
  }
  const out = candidate.trimEnd();
  if (tail) return out.padEnd(LAST_DATA_COLUMN) + tail;
  // A record that carried trailing blanks keeps its length.
  return data.length > data.trimEnd().length ? out.padEnd(data.length) : out;
}

function refuse(procName: string, s: ProcDefault, why: string): never {
  // At most 60 characters of the value, as every message quotes a value.
  throw new HaError(`${procName}: ${s.name}=${preview(s.value)} (from ${s.field}) ${why}.`, {
    failureClass: "invalid-input",
    details: [
      `JCL keeps a statement in columns 1-${LAST_DATA_COLUMN}; a continuation card holds at most ${LAST_DATA_COLUMN - FIRST_CONTINUATION_COLUMN + 1} characters. Choose a shorter ${s.field}.`,
    ],
  });
}

function setOne(records: Record[], s: ProcDefault, procName: string): void {
  const stmt = procStatement(records, procName, s.field);
  const coded = new RegExp(`(^|,)(${s.name}=)('(?:[^']|'')*'|\\([^)]*\\)|[^,]*)`);
  for (const r of stmt) {
    const text = records[r.index]!.text;
    const m = coded.exec(text.slice(r.start, r.end));
    if (!m) continue;
    if (m[3] === s.value) return;
    const at = r.start + m.index + m[1]!.length + m[2]!.length;
    const edited =
      splice(text, at, m[3]!.length, s.value) ??
      (r.index !== stmt[0]!.index ? fromColumn4(text, r.start, at, m[3]!.length, s.value) : null);
    if (edited === null) refuse(procName, s, `does not fit where ${s.name}= is coded (columns 1-${LAST_DATA_COLUMN})`);
    records[r.index]!.text = edited;
    return;
  }
  // Not coded: the last parameter of the statement, on its own continuation card when it does not fit.
  const withOperands = stmt.filter((r) => r.end > r.start);
  const last = withOperands[withOperands.length - 1] ?? stmt[0]!;
  const text = records[last.index]!.text;
  const parameter = `${s.name}=${s.value}`;
  const inPlace = last.end > last.start ? splice(text, last.end, 0, `,${parameter}`) : splice(text, last.start, 0, parameter);
  if (inPlace !== null) {
    records[last.index]!.text = inPlace;
    return;
  }
  const followedByComment = stmt.indexOf(last) < stmt.length - 1;
  if (last.end === last.start || followedByComment) refuse(procName, s, `does not fit on the PROC statement`);
  const withComma = splice(text, last.end, 0, ",");
  if (withComma === null) refuse(procName, s, `does not fit on the PROC statement`);
  const card = continuationCard(stmt, parameter);
  if (card === null) refuse(procName, s, `does not fit on a continuation card`);
  records[last.index]!.text = withComma;
  records.splice(last.index + 1, 0, { text: card, from: null });
}

/**
 * The same edit on a continuation card whose operands are moved to column 4, the first a
 * continuation may use (IBM's IZUSVR1 codes them in column 16), so the value has the card's
 * whole room; columns 72–80 stay. Null when even that does not fit.
 */
function fromColumn4(record: string, start: number, at: number, remove: number, insert: string): string | null {
  const shift = start - (FIRST_CONTINUATION_COLUMN - 1);
  if (shift <= 0) return null;
  const data = `//${" ".repeat(FIRST_CONTINUATION_COLUMN - 3)}${dataColumns(record).slice(start)}`;
  const tail = tailColumns(record);
  const moved = tail ? data.padEnd(LAST_DATA_COLUMN) + tail : data;
  return splice(moved, at - shift, remove, insert);
}

/** A new card starting where the statement's own continuations start (else column 16), or column 4 when only that fits. */
function continuationCard(stmt: StatementRecord[], parameter: string): string | null {
  const existing = stmt.slice(1).find((r) => r.end > r.start);
  const preferred = existing ? existing.start + 1 : LAST_CONTINUATION_COLUMN;
  for (const column of [preferred, FIRST_CONTINUATION_COLUMN]) {
    const card = `//${" ".repeat(column - 3)}${parameter}`;
    if (card.length <= LAST_DATA_COLUMN) return card;
  }
  return null;
}

/** Every record this edit did not change is byte for byte the original, and every changed one keeps columns 72–80. */
function keptOutsideEdit(original: readonly string[], records: readonly Record[], procName: string): void {
  const seen = records.filter((r) => r.from !== null).map((r) => r.from);
  const bad =
    records.find((r) => r.from !== null && tailColumns(r.text) !== tailColumns(original[r.from]!)) ??
    (seen.length !== original.length ? records[0] : undefined);
  if (bad)
    throw new HaError(`Editing ${procName} would move columns 72-80 of a record; nothing was written.`, {
      failureClass: "invalid-input",
      details: [bad.text],
    });
}
