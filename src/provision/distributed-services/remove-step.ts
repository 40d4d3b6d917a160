import type { PlannedStep } from "../../engine/types";
import { removalStepBase, type RemovalOptions } from "../ops/obey/removal-step";
import { planObeyStep, type DisplayRecord } from "../ops/obey/step";
import { readServiceStack, servicesInForce } from "./service-state";
import { servicesMemberFields, servicesMemberVariables } from "./service-variables";

/** Member prefix of the removal member (RD + system). */
export const SERVICES_REMOVE_PREFIX = "RD";

/** Whether the system distributes or backs up a service, i.e. has anything a removal must take off. */
export function hasServiceDefinitions(o: Pick<RemovalOptions, "topology" | "system">): boolean {
  return servicesMemberVariables(o.topology, o.system).services.length > 0;
}

/**
 * Takes the services' distributions and DVIPAs off one stack: VIPADISTRIBUTE DELETE for
 * each port and target, then VIPADELETE; VIPADCFG must no longer show them. Dynamic XCF
 * stays, since other distributions may rely on it.
 */
export async function planServicesRemoval(o: RemovalOptions): Promise<PlannedStep> {
  const vars = servicesMemberVariables(o.topology, o.system);
  const base = removalStepBase(o, {
    kind: "services",
    title: `Remove the distributed services on ${o.system}`,
    stepId: "distribute",
    prefix: SERVICES_REMOVE_PREFIX,
    vars,
    fields: servicesMemberFields(o.topology, o.system),
  });
  const remaining = async (record?: DisplayRecord) => {
    const stack = await readServiceStack({ client: o.client, system: o.system, proc: base.member.proc, delayMs: o.delayMs, record });
    return { lines: servicesInForce(vars.services, stack.cfg).map((x) => `${x} is still configured`), notes: stack.notes };
  };
  return planObeyStep({
    ...base,
    check: { outstanding: remaining },
    words: {
      purpose: "delete the services' distributions and DVIPAs; then VIPADCFG must no longer show them",
      doneText: `no definition for ${vars.services.map((s) => s.dvipa).join(", ")}`,
      confirmNote: `${vars.services.map((s) => s.name).join(", ")} removed from ${o.system}; VIPADCFG confirms it`,
    },
  });
}
