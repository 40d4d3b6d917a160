import { HaError } from "../errors";
import { clip } from "./problems";
import type { Topology, TopologySystem, ZosmfServer } from "./schema";

/* Small views of a validated topology that the engine needs in several places. */

/** The system of that name (any case); an unknown name is an input error, e.g. a mistyped --system. */
export function systemByName(t: Topology, name: string): TopologySystem {
  const wanted = name.toUpperCase();
  const system = t.systems.find((s) => s.name === wanted);
  if (system === undefined) {
    throw new HaError(
      // Names are clipped: --system is typed by anyone, and a topology past validation may hold anything.
      `${clip(name)} is not a system of sysplex ${clip(t.sysplex)}; the topology defines ${t.systems.map((s) => clip(s.name)).join(", ")}`,
      { failureClass: "invalid-input" },
    );
  }
  return system;
}

export interface ZosmfHaMember {
  system: TopologySystem & { zosmf: ZosmfServer };
  role: "PREFERRED" | "BACKUP";
  /** Backups only; the highest rank takes over first. */
  rank?: number;
}

/** The z/OSMF servers of the hot-standby set: the preferred one, then the backups by rank, highest first. */
export function zosmfHaSystems(t: Topology): ZosmfHaMember[] {
  const ha = t.zosmfHa;
  if (ha === undefined) return [];
  const server = (name: string): ZosmfHaMember["system"] => {
    const system = systemByName(t, name);
    if (system.zosmf === undefined) {
      throw new HaError(`${system.name} takes part in zosmfHa but has no zosmf block`, { failureClass: "invalid-input" });
    }
    return { ...system, zosmf: system.zosmf };
  };
  // Array.prototype.sort is stable, so equal ranks keep the order of the file.
  const backups = [...ha.backups].sort((a, b) => b.rank - a.rank);
  return [
    { system: server(ha.preferred), role: "PREFERRED" },
    ...backups.map((b) => ({ system: server(b.system), role: "BACKUP" as const, rank: b.rank })),
  ];
}

/** The Caching Service's `infinispan.initialHosts`: `host[port]` per instance, joined by commas. */
export function infinispanInitialHosts(t: Topology): string {
  const cs = t.cachingService;
  if (cs === undefined) return "";
  const infinispan = cs.storage.infinispan;
  if (infinispan?.initialHosts !== undefined) return infinispan.initialHosts;
  const port = infinispan?.jgroupsPort ?? 7600;
  return cs.instances.map((name) => `${systemByName(t, name).hostname}[${port}]`).join(",");
}

/** `SITE.JCL(IZUSEC)` → its data set and member, as the files REST API wants them. */
export function splitMember(ref: string): { dataSet: string; member: string } {
  const match = /^([^()]+)\(([^()]+)\)$/.exec(ref);
  if (match === null) {
    throw new HaError(`${ref} is not written DSN(MEMBER)`, { failureClass: "invalid-input" });
  }
  return { dataSet: match[1], member: match[2] };
}
