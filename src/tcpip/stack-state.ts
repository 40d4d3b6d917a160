import { HaError } from "../errors";
import type { NetstatReportName, PortlistEntry, VipadcfgReport } from "../parsers";
import type { StackDisplay } from "./display";

/** What a step needs of one stack's VIPADCFG and HOME to say what is in force. */
export interface StackState {
  /** Empty when the stack answered that it is not in the sysplex group (nothing is in force; `notes` says so). */
  readonly cfg: VipadcfgReport | null;
  readonly homeAddresses: readonly string[];
  /** What could not be read, in words. */
  readonly notes: readonly string[];
}

const EMPTY_CFG: VipadcfgReport = { backups: [], defines: [], ranges: [], distributes: [], routes: [], unknownLines: [] };

/** Where a display came from, for the errors that stop a step. */
export interface DisplaySource {
  readonly system: string;
  readonly command: string;
}

/** A refused or unreadable display stops the step: absence read from it would prove nothing. */
function unusable(
  report: NetstatReportName,
  d: Extract<StackDisplay<NetstatReportName>, { state: "refused" | "unrecognised" }>,
  from: DisplaySource,
): HaError {
  if (d.state === "refused")
    return new HaError(`${from.command} on ${from.system} failed: ${d.messageId} ${d.text}`, { failureClass: "zos-failure" });
  return new HaError(`The ${report} display of ${from.system} was not understood.`, {
    failureClass: "tool-failure",
    details: d.firstLines,
  });
}

/** VIPADCFG and HOME as one stack's state; a stack outside the sysplex group has nothing in force. */
export function stackStateOf(cfgDisplay: StackDisplay<"VIPADCFG">, home: StackDisplay<"HOME">, from: DisplaySource): StackState {
  const notes: string[] = [];
  if (cfgDisplay.state === "refused" || cfgDisplay.state === "unrecognised") throw unusable("VIPADCFG", cfgDisplay, from);
  if (cfgDisplay.notInSysplex) notes.push(`the stack is not in the sysplex group (${cfgDisplay.notInSysplex.ids.join(", ")})`);
  const cfg = cfgDisplay.state === "ok" ? cfgDisplay.data : EMPTY_CFG;
  const homeAddresses = home.state === "ok" && !home.notInSysplex ? home.data.entries.map((e) => e.address ?? "").filter(Boolean) : [];
  if (home.state !== "ok" || home.notInSysplex) notes.push("the HOME list could not be read");
  return { cfg, homeAddresses, notes };
}

/** The reservations PORTLIST shows. PORTLIST does not depend on the sysplex group, so what was read counts. */
export function portlistOf(d: StackDisplay<"PORTLIST">, from: DisplaySource): PortlistEntry[] {
  if (d.state === "refused" || d.state === "unrecognised") throw unusable("PORTLIST", d, from);
  return d.state === "ok" ? d.data.entries : [];
}
