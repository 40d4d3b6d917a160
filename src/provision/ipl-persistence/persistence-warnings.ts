import type { PlannedStep } from "../../engine/types";
import { systemField } from "../../templates/topology-fields";
import { stackObeyMembers } from "../../tcpip/obey-members";
import { zosmfHaSystems, type Topology } from "../../topology";

interface Missing {
  readonly field: string;
  readonly what: string;
}

/** What each system would lose at its next IPL, by the field that is not set: the same systems verify's persistence checks name. */
function missingFields(t: Topology): Map<string, Missing[]> {
  const missing = new Map<string, Missing[]>();
  const add = (system: string, m: Missing) => missing.set(system, [...(missing.get(system) ?? []), m]);
  for (const system of t.systems) {
    if (system.tcpip.profile || stackObeyMembers(t, system.name).length === 0) continue;
    add(system.name, { field: `${systemField(t, system.name)}.tcpip.profile`, what: "the TCP/IP definitions applied with OBEYFILE" });
  }
  for (const { system } of zosmfHaSystems(t)) {
    const field = systemField(t, system.name);
    if (!system.ipl?.bpxprm) add(system.name, { field: `${field}.ipl.bpxprm`, what: "the USER_DIR mount" });
    if (!system.ipl?.ieasys) add(system.name, { field: `${field}.ipl.ieasys`, what: "the z/OSMF server start" });
  }
  return missing;
}

/**
 * One warning per system whose topology leaves out a member it reads at IPL: what provision
 * sets up there is done live only, and the next IPL of the system takes it away.
 */
export function persistenceWarnings(t: Topology): Map<string, string> {
  const warnings = new Map<string, string>();
  const list = (items: string[]) => (items.length === 1 ? items[0]! : `${items.slice(0, -1).join(", ")} and ${items.at(-1)!}`);
  const bySystem = missingFields(t);
  // Topology order, so the warnings read as the file does.
  for (const { name } of t.systems) {
    const missing = bySystem.get(name);
    if (missing === undefined) continue;
    warnings.set(
      name,
      `not persistent: lost at the next IPL of ${name}: ${list(missing.map((m) => m.field))} ${missing.length === 1 ? "is" : "are"} not set, so what provision sets up (${list(missing.map((m) => m.what))}) is not written into the members ${name} reads at IPL`,
    );
  }
  return warnings;
}

/** The plan with each system's warning on that system's first step, so it shows in the plan, its warnings and --rfj. */
export function withPersistenceWarnings(t: Topology, steps: readonly PlannedStep[]): PlannedStep[] {
  const out = [...steps];
  for (const [system, warning] of persistenceWarnings(t)) {
    const at = Math.max(
      0,
      out.findIndex((s) => s.system === system),
    );
    const step = out[at];
    if (step) out[at] = { ...step, warnings: [...(step.warnings ?? []), warning] };
  }
  return out;
}

/** The hot-standby systems each persistence step is planned for: those whose topology names the member. */
export function persistenceSystems(t: Topology, kind: string): string[] {
  const members = zosmfHaSystems(t).map((m) => m.system);
  if (kind === "bpxprm-mount") return members.filter((s) => s.ipl?.bpxprm).map((s) => s.name);
  if (kind === "ieasys-izu") return members.filter((s) => s.ipl?.ieasys).map((s) => s.name);
  return [];
}
