import { systemByName, type Topology } from "../topology";
import { valueAt } from "./setting";

/**
 * The `haInstances` id of each system that runs an instance: an entry whose `sysname` already
 * names the system keeps its id (the site's own, which `zwe start --ha-instance` is given), else
 * the system name in lower case, or that with a number when a site entry of another system has it.
 */
export function haInstanceIds(systems: readonly string[], doc: unknown): Map<string, string> {
  const entries = valueAt(doc, ["haInstances"]);
  const existing = entries !== null && typeof entries === "object" && !Array.isArray(entries) ? (entries as Record<string, unknown>) : {};
  const sysnameOf = (id: string) => String(valueAt(existing, [id, "sysname"]) ?? "").toUpperCase();
  const taken = new Set(Object.keys(existing));
  const ids = new Map<string, string>();
  for (const system of systems) {
    const own = Object.keys(existing).find((id) => sysnameOf(id) === system.toUpperCase());
    if (own !== undefined) {
      ids.set(system, own);
      continue;
    }
    let id = system.toLowerCase();
    for (let n = 2; taken.has(id); n++) id = `${system.toLowerCase()}-${n}`;
    taken.add(id);
    ids.set(system, id);
  }
  return ids;
}

/** The systems of the topology that run a Caching Service instance, in the order of `cachingService.instances`. */
export function cachingInstanceSystems(t: Topology): Topology["systems"] {
  const cs = t.cachingService;
  if (cs === undefined) return [];
  return cs.instances.map((name) => systemByName(t, name));
}
