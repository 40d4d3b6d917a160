import type { ApplyContext } from "../../engine/types";
import { HaError } from "../../errors";
import { parseNetstat, type VipadcfgReport } from "../../parsers";
import type { ZosmfClient } from "../../zosmf";
import { commandOperand, issueCommand, netstatComplete } from "./console";

export interface StackState {
  /** Empty when the stack answered that it is not in the sysplex group (nothing is in force; `notes` says so). */
  readonly cfg: VipadcfgReport | null;
  readonly homeAddresses: readonly string[];
  /** What could not be read, in words. */
  readonly notes: readonly string[];
}

const EMPTY_CFG: VipadcfgReport = { backups: [], defines: [], ranges: [], distributes: [], routes: [], unknownLines: [] };

/** Reads VIPADCFG and HOME of one stack with display commands only. */
export async function readStack(o: {
  readonly client: ZosmfClient;
  readonly system: string;
  readonly proc: string;
  readonly delayMs: number;
  readonly record?: { readonly ctx: ApplyContext; readonly stepId: string };
  /** VIPADCFG,DETAIL: the only form that shows OPTLOC and WEIGHTEDACTIVE weights. @default false */
  readonly detail?: boolean;
}): Promise<StackState> {
  const notes: string[] = [];
  const display = (report: string) =>
    issueCommand({ client: o.client, system: o.system, command: `D TCPIP,${commandOperand(o.proc, "name", `the TCP/IP procedure of ${o.system}`)},N,${report}`, delayMs: o.delayMs, isComplete: netstatComplete, ...(o.record ? { record: o.record } : {}) });

  const cfgResult = parseNetstat("VIPADCFG", (await display(o.detail ? "VIPADCFG,DETAIL" : "VIPADCFG")).text);
  let cfg: VipadcfgReport | null;
  switch (cfgResult.kind) {
    case "ok":
      cfg = cfgResult.data;
      break;
    case "not-in-sysplex":
      cfg = cfgResult.data ?? EMPTY_CFG;
      notes.push(`the stack is not in the sysplex group (${cfgResult.messages.map((m) => m.id).join(", ")})`);
      break;
    case "error":
      throw new HaError(`D TCPIP,${o.proc},N,VIPADCFG${o.detail ? ",DETAIL" : ""} on ${o.system} failed: ${cfgResult.messageId} ${cfgResult.text}`, { failureClass: "zos-failure" });
    default:
      throw new HaError(`The VIPADCFG display of ${o.system} was not understood.`, { failureClass: "tool-failure", details: cfgResult.firstLines });
  }
  const homeResult = parseNetstat("HOME", (await display("HOME")).text);
  const homeAddresses = homeResult.kind === "ok" ? homeResult.data.entries.map((e) => e.address ?? "").filter(Boolean) : [];
  if (homeResult.kind !== "ok") notes.push("the HOME list could not be read");
  return { cfg, homeAddresses, notes };
}
