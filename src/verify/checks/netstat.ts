import { parseNetstat, type NetstatReportName, type NetstatReports } from "../../parsers";
import { consoleOperand } from "../../templates/escape";
import type { TopologySystem } from "../../topology";
import type { Check, Read, ReadSpec, Snapshot } from "../types";
import { failed, fromFailedRead, systemRead } from "../verdict";

/* Reading and classifying the NETSTAT displays the TCP/IP checks are built on. */

export function displayCommand(system: TopologySystem, report: NetstatReportName): string {
  return queryCommand(system, { report });
}

export function netstatRead(system: TopologySystem, report: NetstatReportName): ReadSpec {
  return queryRead(system, { report });
}

/**
 * A display with modifiers or filters (`VIPADCFG,DETAIL`, `PORTLIST,PORT=9443`). The words
 * after NETSTAT make the read's key, so a plain query shares its read with netstatRead.
 */
export interface NetstatQuery<R extends NetstatReportName> {
  readonly report: R;
  /** The report word issued when it is not the parser's name: ALLCONN is read as CONN. */
  readonly word?: string;
  readonly options?: readonly string[];
}

function queryWords(query: NetstatQuery<NetstatReportName>): string {
  return [query.word ?? query.report, ...(query.options ?? [])].join(",");
}

export function queryCommand(system: TopologySystem, query: NetstatQuery<NetstatReportName>): string {
  // Checked as a name: a comma or blank in it would add an operand to the command. Refused inside the read, so nothing is sent.
  return `D TCPIP,${consoleOperand(system.tcpip.proc, "name")},NETSTAT,${queryWords(query)}`;
}

export function queryRead(system: TopologySystem, query: NetstatQuery<NetstatReportName>): ReadSpec {
  return { key: `tcpip.${queryWords(query)}`, run: (ctx) => ctx.display(queryCommand(system, query)) };
}

export type Display<R extends NetstatReportName> =
  | { readonly state: "ok"; readonly data: NetstatReports[R]; readonly notInSysplex?: string; readonly truncated?: Truncation }
  | { readonly state: "not-in-sysplex"; readonly message: string }
  | { readonly state: "read-failed"; readonly read: Extract<Read<unknown>, { ok: false }> }
  | { readonly state: "bad"; readonly reason: string }
  | { readonly state: "missing" };

/**
 * A display as the checks see it. Anything not understood becomes "bad" with the first
 * lines quoted, so an odd answer can never pass for an empty, healthy report.
 */
export function display<R extends NetstatReportName>(snapshot: Snapshot, system: TopologySystem, report: R): Display<R> {
  return queryDisplay(snapshot, system, { report });
}

/** `n OF m RECORDS DISPLAYED` with n < m: MAX cut the display short, so absence proves nothing. */
export interface Truncation {
  readonly shown: number;
  readonly total: number;
}

/** Said next to "not found" when MAX cut the display short. */
export function truncationNote(d: Display<NetstatReportName>): string {
  return d.state === "ok" && d.truncated ? ` (the display showed ${d.truncated.shown} of ${d.truncated.total} records; MAXRECS may hide the rest)` : "";
}

export function queryDisplay<R extends NetstatReportName>(snapshot: Snapshot, system: TopologySystem, query: NetstatQuery<R>): Display<R> {
  const { report } = query;
  const read = systemRead<string>(snapshot, system.name, `tcpip.${queryWords(query)}`);
  if (read === undefined) return { state: "missing" };
  if (!read.ok) return { state: "read-failed", read };
  const cmd = queryCommand(system, query);
  const parsed = parseNetstat(report, read.value);
  switch (parsed.kind) {
    case "ok": {
      const { recordsDisplayed: shown, recordsTotal: total } = parsed.frame;
      const cut = shown !== undefined && total !== undefined && shown < total;
      return { state: "ok", data: parsed.data, ...(cut ? { truncated: { shown, total } } : {}) };
    }
    case "not-in-sysplex": {
      const message = parsed.messages.map((m) => `${m.id} ${m.text}`).join("; ");
      return parsed.data !== undefined ? { state: "ok", data: parsed.data, notInSysplex: message } : { state: "not-in-sysplex", message };
    }
    case "error":
      return { state: "bad", reason: `${system.name}: ${cmd} was answered ${parsed.messageId} ${parsed.text}`.trim() };
    case "unrecognised":
      return { state: "bad", reason: `${system.name}: ${cmd} gave a response that is not a ${report} report: ${quoteLines(parsed.firstLines)}` };
  }
}

export function quoteLines(lines: readonly string[]): string {
  return lines.length === 0 ? "(empty)" : lines.slice(0, 3).map((l) => `"${l}"`).join(" / ");
}

/** The check for a display that did not give a usable report. */
export function displayProblem(head: Pick<Check, "id" | "system" | "title" | "expected">, d: Exclude<Display<NetstatReportName>, { state: "ok" }>, system: TopologySystem): Check {
  switch (d.state) {
    case "read-failed":
      return fromFailedRead(head, d.read, `${system.name}: ${d.read.message}`);
    case "not-in-sysplex":
      return failed(head, "not in the sysplex group", `${system.name}: TCP/IP ${system.tcpip.proc} is not in the sysplex group (${d.message})`);
    case "bad":
      return failed(head, "response not understood", d.reason);
    case "missing":
      return failed(head, "not read", `${system.name}: the display was not read`);
  }
}
