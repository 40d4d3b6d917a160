import type { PlannedStep } from "../../engine/types";
import { systemByName } from "../../topology";
import type { StepSpec } from "../context";
import { planObeyStep, type DisplayRecord } from "./obey-step";
import { readServiceStack, servicesOutstanding } from "./service-state";
import { servicesMemberVariables } from "./service-variables";
import { serviceWarnings } from "./service-warnings";
import { renderStackMember, stackMemberName } from "./stack-member";

/** Member prefix of the distributed-services member on each stack (HD + system). */
export const SERVICES_MEMBER_PREFIX = "HD";

/**
 * One stack's part in every distributed service: dynamic XCF on all of them, and on the
 * distributor VIPADEFINE + VIPADISTRIBUTE, on its backup VIPABACKUP + the same
 * VIPADISTRIBUTE (so the distribution survives a takeover). Confirmed with VIPADCFG DETAIL.
 */
export async function planDistribute(spec: StepSpec, system: string): Promise<PlannedStep> {
  const { env } = spec;
  const t = env.topology;
  const proc = systemByName(t, system).tcpip.proc;
  const vars = servicesMemberVariables(t, system);
  const text = renderStackMember({ workflow: spec.workflow, stepId: spec.stepId, role: "member", vars, system });
  const read = (record?: DisplayRecord) => readServiceStack({ client: env.client, system, proc, delayMs: env.consoleDelayMs, ...(record ? { record } : {}) });
  const roles = vars.services.map((s) => `${s.role} of ${s.name}`);

  return planObeyStep({
    id: spec.id,
    workflow: spec.workflow.name,
    title: `${spec.workflow.step(spec.stepId).title} on ${system}`,
    system,
    dependsOn: spec.dependsOn,
    client: env.client,
    proc,
    dsn: t.datasets.obey,
    member: stackMemberName(t, SERVICES_MEMBER_PREFIX, system),
    text,
    backupDsn: t.datasets.backup,
    runToken: env.runToken,
    delayMs: env.consoleDelayMs,
    outstanding: async (record) => servicesOutstanding(vars, await read(record)),
    purpose: `apply the member (${roles.length ? roles.join(", ") : "target only"}); then VIPADCFG must show it`,
    doneText: roles.length ? `${roles.join(", ")}: configuration in force` : "dynamic XCF in force (target only)",
    confirmNote: `${roles.length ? roles.join(", ") : "target"} on ${system}; VIPADCFG confirms it`,
    rewriteWhenInForce: true,
    warnings: serviceWarnings(t, system),
  });
}
