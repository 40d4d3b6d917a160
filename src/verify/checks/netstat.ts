import type { NetstatReportName, NetstatReports } from "../../parsers";
import { readDisplay, type Truncation } from "../../tcpip/display";
import { netstatCommand, netstatComplete, netstatWords, type NetstatQuery } from "../../tcpip/netstat";
import type { TopologySystem } from "../../topology";
import type { Check, Read, ReadSpec, Snapshot } from "../types";
import { failed, fromFailedRead, systemRead, type CheckHead } from "../verdict";

/* Reading and classifying the NETSTAT displays the TCP/IP checks are built on. */

export type { NetstatQuery } from "../../tcpip/netstat";
export type { Truncation } from "../../tcpip/display";

export function netstatRead(system: TopologySystem, report: NetstatReportName): ReadSpec {
  return queryRead(system, { report });
}

export function queryCommand(system: TopologySystem, query: NetstatQuery): string {
  return netstatCommand(system.tcpip.proc, query);
}

/** The words after NETSTAT make the read's key, so a plain query shares its read with netstatRead. */
export function queryRead(system: TopologySystem, query: NetstatQuery): ReadSpec {
  const command = queryCommand(system, query);
  return { key: `tcpip.${netstatWords(query)}`, run: (ctx) => ctx.display(command), display: { command, isWhole: netstatComplete } };
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

/** Said next to "not found" when MAX cut the display short. */
export function truncationNote(d: Display<NetstatReportName>): string {
  return d.state === "ok" && d.truncated
    ? ` (the display showed ${d.truncated.shown} of ${d.truncated.total} records; MAXRECS may hide the rest)`
    : "";
}

export function queryDisplay<R extends NetstatReportName>(snapshot: Snapshot, system: TopologySystem, query: NetstatQuery<R>): Display<R> {
  const { report } = query;
  const read = systemRead<string>(snapshot, system.name, `tcpip.${netstatWords(query)}`);
  if (read === undefined) return { state: "missing" };
  if (!read.ok) return { state: "read-failed", read };
  const cmd = queryCommand(system, query);
  const shown = readDisplay(report, read.value);
  switch (shown.state) {
    case "ok": {
      const { data, notInSysplex, truncated } = shown;
      return { state: "ok", data, ...(notInSysplex ? { notInSysplex: notInSysplex.message } : {}), ...(truncated ? { truncated } : {}) };
    }
    case "not-in-sysplex":
      return { state: "not-in-sysplex", message: shown.notInSysplex.message };
    case "refused":
      return { state: "bad", reason: `${system.name}: ${cmd} was answered ${shown.messageId} ${shown.text}`.trim() };
    case "unrecognised":
      return {
        state: "bad",
        reason: `${system.name}: ${cmd} gave a response that is not a ${report} report: ${quoteLines(shown.firstLines)}`,
      };
  }
}

function quoteLines(lines: readonly string[]): string {
  return lines.length === 0
    ? "(empty)"
    : lines
        .slice(0, 3)
        .map((l) => `"${l}"`)
        .join(" / ");
}

/** The check for a display that did not give a usable report. */
export function displayProblem(head: CheckHead, d: Exclude<Display<NetstatReportName>, { state: "ok" }>, system: TopologySystem): Check {
  switch (d.state) {
    case "read-failed":
      return fromFailedRead(head, d.read, `${system.name}: ${d.read.message}`);
    case "not-in-sysplex":
      return failed(
        head,
        "not in the sysplex group",
        `${system.name}: TCP/IP ${system.tcpip.proc} is not in the sysplex group (${d.message})`,
      );
    case "bad":
      return failed(head, "response not understood", d.reason);
    case "missing":
      return failed(head, "not read", `${system.name}: the display was not read`);
  }
}
