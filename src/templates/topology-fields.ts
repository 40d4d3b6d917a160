import type { Topology } from "../topology";

/** `systems[i]` of the named system, the way refusals name topology fields. */
export function systemField(t: Topology, system: string): string {
  const i = t.systems.findIndex((s) => s.name === system);
  return i < 0 ? `systems[${system}]` : `systems[${i}]`;
}
