import type { ApplyContext } from "../../engine/types";
import type { NetstatReportName, PortlistEntry } from "../../parsers";
import { readDisplay, type StackDisplay } from "../../tcpip/display";
import { netstatCommand, netstatComplete, type NetstatQuery } from "../../tcpip/netstat";
import { portlistOf, stackStateOf, type StackState } from "../../tcpip/stack-state";
import type { ZosmfClient } from "../../zosmf";
import { commandOperand, issueCommand } from "./console";

export type { StackState } from "../../tcpip/stack-state";

/** Set while applying: the displays and their answers go into the run record. */
export type DisplayRecord = { readonly ctx: ApplyContext; readonly stepId: string };

export interface StackRead {
  readonly client: ZosmfClient;
  readonly system: string;
  readonly proc: string;
  readonly delayMs: number;
  /** Set while applying; undefined while planning. */
  readonly record?: DisplayRecord | undefined;
}

/** Issues one NETSTAT display (a display only) and reads its answer. */
async function display<R extends NetstatReportName>(
  o: StackRead,
  query: NetstatQuery<R>,
): Promise<{ command: string; shown: StackDisplay<R> }> {
  const command = netstatCommand(commandOperand(o.proc, "name", `the TCP/IP procedure of ${o.system}`), query);
  const response = await issueCommand({
    client: o.client,
    system: o.system,
    command,
    delayMs: o.delayMs,
    isComplete: netstatComplete,
    ...(o.record ? { record: o.record } : {}),
  });
  return { command, shown: readDisplay(query.report, response.text) };
}

/** Reads VIPADCFG and HOME of one stack with display commands only. */
export async function readStack(
  o: StackRead & {
    /** VIPADCFG,DETAIL: the only form that shows OPTLOC and WEIGHTEDACTIVE weights. @default false */
    readonly detail?: boolean;
  },
): Promise<StackState> {
  const cfg = await display(o, { report: "VIPADCFG", ...(o.detail ? { options: ["DETAIL"] } : {}) });
  const home = await display(o, { report: "HOME" });
  return stackStateOf(cfg.shown, home.shown, { system: o.system, command: cfg.command });
}

/** The stack's port reservation table, from `D TCPIP,<proc>,NETSTAT,PORTLIST` (a display only). */
export async function readPortlist(o: StackRead): Promise<PortlistEntry[]> {
  const list = await display(o, { report: "PORTLIST" });
  return portlistOf(list.shown, { system: o.system, command: list.command });
}
