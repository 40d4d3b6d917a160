import type { DistributedService, Topology } from "../../topology";

/** Below this many targets, taking one down for maintenance leaves a single point of failure (seed 001). */
export const RECOMMENDED_TARGETS = 3;

/** What the plan wants a person to read about one distributor's services; each line names its service. */
export function serviceWarnings(t: Topology, distributor: string): string[] {
  const all = t.distributedServices ?? [];
  const mine = all.filter((s) => s.distributor === distributor);
  const warnings: string[] = [];
  for (const svc of mine) {
    if (svc.targets.length < RECOMMENDED_TARGETS) {
      warnings.push(
        `${svc.name} has ${svc.targets.length} target${svc.targets.length === 1 ? "" : "s"} (${svc.targets.map((x) => x.system).join(", ")}); with ${RECOMMENDED_TARGETS} or more, one can be taken down for maintenance while the others keep the service available`,
      );
    }
  }
  warnings.push(
    ...sharedEndpoints(all)
      .filter((w) => mine.some((s) => w.services.includes(s)))
      .map((w) => w.text),
  );
  return warnings;
}

/**
 * Two services on the same DVIPA and port: the later VIPADISTRIBUTE replaces the earlier,
 * and z/OS Connect and IMS Connect must each have an address and port of their own. The
 * topology rules refuse a DVIPA used twice in a file; this catches a topology built in
 * code or a rule relaxed later, before the member reaches a stack.
 */
export function sharedEndpoints(services: readonly DistributedService[]): { services: DistributedService[]; text: string }[] {
  const out: { services: DistributedService[]; text: string }[] = [];
  for (let i = 0; i < services.length; i++) {
    for (let j = i + 1; j < services.length; j++) {
      const a = services[i]!;
      const b = services[j]!;
      if (a.dvipa !== b.dvipa) continue;
      const common = a.ports.filter((p) => b.ports.includes(p));
      if (common.length === 0) continue;
      out.push({
        services: [a, b],
        text: `${a.name} and ${b.name} both use ${a.dvipa} port ${common.join(", ")}; each service needs its own DVIPA and port (z/OS Connect and IMS Connect must differ), or one distribution replaces the other`,
      });
    }
  }
  return out;
}
