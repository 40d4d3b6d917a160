/**
 * The console frame every NETSTAT report shares (§5.3): an EZD0101I header naming the
 * stack and a message sequence number, the report body in upper case, then the record
 * count and END OF THE REPORT. Continuation lines carry their own two leading blanks
 * (§3.3); the header line starts with the message id.
 */
import type { EmulatorState } from "../../state";
import { EMULATED_EPOCH, NETSTAT_RELEASE } from "../forms";

export interface Report {
  /** Lines before the first record (section headings). */
  heading: string[];
  /** One entry per record, each one or more lines. */
  records: string[][];
  /** Print `N OF N RECORDS DISPLAYED`. */
  countRecords: boolean;
  /** MAX= on the command. */
  max?: number;
}

/** Next console message sequence number (shared with the rest of the emulator's WTOs). */
export function nextSeq(state: EmulatorState): number {
  state.counters.wto = (state.counters.wto + 1) % 10000;
  return state.counters.wto;
}

export function continuation(line: string): string {
  return "  " + line;
}

export function netstatFrame(state: EmulatorState, proc: string, report: Report): string[] {
  const shown = report.max !== undefined ? report.records.slice(0, report.max) : report.records;
  const body = [...report.heading, ...shown.flat()];
  const lines = [`EZD0101I NETSTAT ${NETSTAT_RELEASE} ${proc} ${nextSeq(state)}`];
  for (const l of body) lines.push(continuation(l.toUpperCase()));
  if (report.countRecords) lines.push(continuation(`${shown.length} OF ${report.records.length} RECORDS DISPLAYED`));
  lines.push(continuation("END OF THE REPORT"));
  return lines;
}

function pad2(n: number): string {
  return String(n).padStart(2, "0");
}

function clock(now: number): Date {
  return new Date(now < 1e11 ? EMULATED_EPOCH + now : now);
}

/** MM/DD/YYYY HH:MM:SS of the emulated clock. */
export function dateTime(now: number): string {
  const d = clock(now);
  return `${pad2(d.getUTCMonth() + 1)}/${pad2(d.getUTCDate())}/${d.getUTCFullYear()} ${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}:${pad2(d.getUTCSeconds())}`;
}

/** HH.MM.SS as in IEF403I / IEF404I. */
export function timeOfDay(now: number): string {
  const d = clock(now);
  return `${pad2(d.getUTCHours())}.${pad2(d.getUTCMinutes())}.${pad2(d.getUTCSeconds())}`;
}

/** `VIPL` + the address in hex, the link name a DVIPA gets. */
export function vipaLinkName(address: string): string {
  return (
    "VIPL" +
    address
      .split(".")
      .map((o) => Number(o).toString(16).toUpperCase().padStart(2, "0"))
      .join("")
  );
}

export function dest(address: string, port: number): string {
  return `${address}..${port}`;
}
