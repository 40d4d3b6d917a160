import type { PlannedStep } from "../../engine/types";
import { systemByName } from "../../topology";
import type { RemovalOptions } from "../port-sharing/remove-step";
import { planObeyStep, type DisplayRecord } from "./obey-step";
import { readServiceStack, servicesInForce } from "./service-state";
import { servicesMemberFields, servicesMemberVariables } from "./service-variables";
import { renderStackMember, stackMemberName } from "./stack-member";

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
  const t = o.topology;
  const proc = systemByName(t, o.system).tcpip.proc;
  const vars = servicesMemberVariables(t, o.system);
  const text = renderStackMember({ workflow: o.workflow, stepId: "distribute", role: "remove", vars, fields: servicesMemberFields(t, o.system), system: o.system });
  const remaining = async (record?: DisplayRecord) => {
    const stack = await readServiceStack({ client: o.client, system: o.system, proc, delayMs: o.delayMs, ...(record ? { record } : {}) });
    return { lines: servicesInForce(vars.services, stack.cfg).map((x) => `${x} is still configured`), notes: stack.notes };
  };
  return planObeyStep({
    id: `rollback/services/${o.system}`,
    workflow: "rollback",
    title: `Remove the distributed services on ${o.system}`,
    system: o.system,
    dependsOn: [],
    client: o.client,
    proc,
    dsn: t.datasets.obey,
    member: stackMemberName(t, SERVICES_REMOVE_PREFIX, o.system),
    text,
    backupDsn: t.datasets.backup,
    runToken: o.runToken,
    delayMs: o.delayMs,
    outstanding: remaining,
    purpose: "delete the services' distributions and DVIPAs; then VIPADCFG must no longer show them",
    doneText: `no definition for ${vars.services.map((s) => s.dvipa).join(", ")}`,
    confirmNote: `${vars.services.map((s) => s.name).join(", ")} removed from ${o.system}; VIPADCFG confirms it`,
    rewriteWhenInForce: false,
  });
}
