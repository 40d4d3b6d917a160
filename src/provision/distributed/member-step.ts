import { systemByName } from "../../topology";
import type { StepSpec } from "../context";
import type { ObeyStepOptions } from "./obey-step";
import { renderStackMember, stackMemberName } from "./stack-member";

/** What every provisioning obey step fills in the same way; the caller adds how it checks the stack. */
export type MemberStepBase = Pick<
  ObeyStepOptions,
  "id" | "workflow" | "title" | "system" | "dependsOn" | "client" | "proc" | "dsn" | "member" | "text" | "backupDsn" | "runToken" | "delayMs" | "rewriteWhenInForce"
>;

/**
 * One workflow step's obey member on one stack (`<prefix><system>`), rendered from its
 * template with `vars`. Provisioning rewrites a member that differs even when the stack
 * already shows everything; only rollback leaves such a member alone.
 */
export function memberStepBase(spec: StepSpec, system: string, prefix: string, vars: object, fields: Readonly<Record<string, string>>): MemberStepBase {
  const { env } = spec;
  const t = env.topology;
  const proc = systemByName(t, system).tcpip.proc;
  const text = renderStackMember({ workflow: spec.workflow, stepId: spec.stepId, role: "member", vars, fields, system });
  return {
    id: spec.id,
    workflow: spec.workflow.name,
    title: `${spec.workflow.step(spec.stepId).title} on ${system}`,
    system,
    dependsOn: spec.dependsOn,
    client: env.client,
    proc,
    dsn: t.datasets.obey,
    member: stackMemberName(t, prefix, system),
    text,
    backupDsn: t.datasets.backup,
    runToken: env.runToken,
    delayMs: env.consoleDelayMs,
    rewriteWhenInForce: true,
  };
}
