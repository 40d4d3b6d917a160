import type { Connection, Topology } from "../topology";
import { runReads, runRouted, uniqueSpecs } from "./read-system";
import { planRouted } from "./routed-reads";
import { sharedReads } from "./shared-reads";
import type { CheckModule, Read, ReadContext, ReadSpec, SystemReads, VerifyClient } from "./types";

export interface ReadAllOptions {
  readonly topology: Topology;
  readonly clientFor: (connection: Connection) => Promise<VerifyClient>;
  readonly endpointInfo: ReadContext["endpointInfo"];
  readonly timeoutMs: number;
  readonly modules: readonly CheckModule[];
  readonly sysplexWide?: boolean;
  readonly onProgress?: (message: string) => void;
  /** Filled with the keys of the reads whose failure is the finding. */
  readonly probes: Set<string>;
}

/**
 * Every read of the sysplex, all at once: each system's own, the sysplex-wide ones, and (with
 * `sysplexWide`) the displays every system is asked alike, as one routed command each.
 */
export async function readAll(o: ReadAllOptions): Promise<{ systems: SystemReads[]; sysplex: Map<string, Read<unknown>> }> {
  const t = o.topology;
  const { endpointInfo, timeoutMs } = o;
  const note = (specs: readonly ReadSpec[]) => specs.filter((s) => s.probe).forEach((s) => o.probes.add(s.key));
  const clientFor = sharedReads(o.clientFor, o.sysplexWide === true);
  const wanted = new Map(t.systems.map((s) => [s.name, uniqueSpecs(o.modules.flatMap((m) => m.systemReads?.(t, s) ?? []))]));
  for (const specs of wanted.values()) note(specs);
  // The sysplex-wide and routed displays go first: they wait longest for their answers, and the
  // connections are shared (a bounded pool), so a sysplex's many member reads must not hold them up.
  const sysplexSpecs = uniqueSpecs(o.modules.flatMap((m) => m.sysplexReads?.(t) ?? []));
  note(sysplexSpecs);
  const sysplexJob = runReads({ topology: t, specs: sysplexSpecs, clientFor, endpointInfo, timeoutMs });
  const routed = o.sysplexWide === true ? planRouted(t, wanted) : [];
  const routedJob = runRouted({ topology: t, groups: routed, clientFor, endpointInfo, timeoutMs });
  const systemJobs = t.systems.map(async (system): Promise<SystemReads> => {
    const asked = (spec: ReadSpec) => routed.some((g) => g.key === spec.key && g.systems.includes(system.name.toUpperCase()));
    const specs = wanted.get(system.name)!.filter((spec) => !asked(spec));
    o.onProgress?.(`Reading ${system.name}`);
    const reads = specs.length > 0 ? await runReads({ topology: t, system, specs, clientFor, endpointInfo, timeoutMs }) : new Map();
    return { system, reads };
  });

  const [own, sysplex, routedReads] = await Promise.all([Promise.all(systemJobs), sysplexJob, routedJob]);
  const systems = own.map(({ system, reads }) => ({
    system,
    reads: new Map([...reads, ...(routedReads.get(system.name.toUpperCase()) ?? [])]),
  }));
  return { systems, sysplex };
}
