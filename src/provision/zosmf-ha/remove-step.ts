import type { PlannedStep } from "../../engine/types";
import { systemByName } from "../../topology";
import { planObeyStep, type DisplayRecord } from "../distributed/obey-step";
import { renderStackMember, stackMemberName } from "../distributed/stack-member";
import type { RemovalOptions } from "../port-sharing/remove-step";
import { obeyFields, obeyVariables } from "./obey-member";
import { readStack } from "../ops/stack-state";

/** Member prefix of the removal member (HR + system). */
export const HOT_STANDBY_REMOVE_PREFIX = "HR";

/** True when the system's stack got VIPADEFINE, VIPABACKUP or VIPADISTRIBUTE from the workflow. */
export function hasHotStandbyDefinitions(o: Pick<RemovalOptions, "topology" | "system">): boolean {
  return Boolean(o.topology.zosmfHa && obeyVariables(o.topology, o.system).vipa);
}

/**
 * Takes the hot-standby distribution and the DVIPA off one stack (VIPADISTRIBUTE DELETE,
 * VIPADELETE); VIPADCFG must then show nothing for the DVIPA. DYNAMICXCF stays: the
 * stack may serve other distributions.
 */
export async function planHotStandbyRemoval(o: RemovalOptions): Promise<PlannedStep> {
  const t = o.topology;
  const vars = obeyVariables(t, o.system);
  const dvipa = vars.vipa!.dvipa;
  const proc = systemByName(t, o.system).tcpip.proc;
  const text = renderStackMember({ workflow: o.workflow, stepId: "tcpip", role: "remove", vars, fields: obeyFields(t, o.system), system: o.system });
  const outstanding = async (record?: DisplayRecord) => {
    const stack = await readStack({ client: o.client, system: o.system, proc, delayMs: o.delayMs, ...(record ? { record } : {}) });
    const cfg = stack.cfg;
    const left: string[] = [];
    if (cfg?.defines.some((d) => d.address === dvipa)) left.push(`VIPADEFINE ${dvipa} is still in force`);
    if (cfg?.backups.some((d) => d.address === dvipa)) left.push(`VIPABACKUP ${dvipa} is still in force`);
    if (cfg?.distributes.some((d) => d.destAddress === dvipa)) left.push(`VIPADISTRIBUTE ${dvipa} is still in force`);
    return { lines: left, notes: stack.notes };
  };
  return planObeyStep({
    id: `rollback/tcpip/${o.system}`,
    workflow: "rollback",
    title: `Remove the hot-standby distribution and DVIPA on ${o.system}`,
    system: o.system,
    dependsOn: [],
    client: o.client,
    proc,
    dsn: t.datasets.obey,
    member: stackMemberName(t, HOT_STANDBY_REMOVE_PREFIX, o.system),
    text,
    backupDsn: t.datasets.backup,
    runToken: o.runToken,
    delayMs: o.delayMs,
    outstanding,
    purpose: "remove the hot-standby distribution and the DVIPA from this stack; then VIPADCFG must show nothing for it",
    doneText: `no definition for ${dvipa}`,
    confirmNote: `${dvipa} removed from ${o.system}; VIPADCFG confirms it`,
    rewriteWhenInForce: false,
  });
}
