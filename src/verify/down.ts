/**
 * Which systems are down, from the evidence a read leaves: XCF's list of the sysplex
 * (IXC336I), z/OS refusing to route a command to the system (IEE618I), and the system's
 * own z/OSMF endpoint not answering at all while something else in the sysplex answers.
 * XCF's word outranks a silent endpoint: an active system whose z/OSMF is silent is not down.
 */
import type { DownSystem, Read, SystemReads } from "./types";
import { isXcfActive, type XcfSystems } from "./xcf-systems";

export const XCF_SYSTEMS = "xcf.systems";

const failedReads = (reads: ReadonlyMap<string, Read<unknown>>) =>
  [...reads.values()].filter((r): r is Extract<Read<unknown>, { ok: false }> => !r.ok);

function fromXcf(xcf: XcfSystems | undefined, name: string): DownSystem | undefined | "active" {
  if (xcf?.state !== "ok") return undefined;
  const entry = xcf.systems.find((s) => s.name === name.toUpperCase());
  if (entry === undefined) return { system: name, why: "not in the sysplex (D XCF,S,ALL does not list it)" };
  if (!isXcfActive(entry)) return { system: name, why: `XCF status ${entry.status} (D XCF,S,ALL)`, since: entry.statusTime };
  return "active";
}

export function findDownSystems(systems: readonly SystemReads[], sysplex: ReadonlyMap<string, Read<unknown>>): Map<string, DownSystem> {
  const xcfRead = sysplex.get(XCF_SYSTEMS) as Read<XcfSystems> | undefined;
  const xcf = xcfRead?.ok ? xcfRead.value : undefined;
  const answered = (reads: ReadonlyMap<string, Read<unknown>>) => [...reads.values()].some((r) => r.ok);
  const down = new Map<string, DownSystem>();
  for (const { system, reads } of systems) {
    const name = system.name;
    const byXcf = fromXcf(xcf, name);
    const routed = failedReads(reads).find((r) => r.kind === "down");
    if (byXcf !== undefined && byXcf !== "active") down.set(name, byXcf);
    else if (routed !== undefined) down.set(name, { system: name, why: routed.message });
    else if (byXcf === undefined && isOwnEndpointSilent(system.connection, reads)) {
      const othersAnswer = answered(sysplex) || systems.some((s) => s.system.name !== name && answered(s.reads));
      if (othersAnswer) down.set(name, { system: name, why: "its z/OSMF endpoint does not answer and XCF could not be asked" });
    }
  }
  return down;
}

/** The system has an endpoint of its own, and every read through it went unanswered. */
function isOwnEndpointSilent(connection: SystemReads["system"]["connection"], reads: ReadonlyMap<string, Read<unknown>>): boolean {
  if (connection.host === undefined && connection.profile === undefined) return false;
  const all = [...reads.values()];
  return all.length > 0 && all.every((r) => !r.ok && r.unanswered === true);
}
