import type { Change, PlannedStep } from "../../engine/types";
import { HaError } from "../../errors";
import { systemField } from "../../templates/topology-fields";
import { systemByName } from "../../topology";
import type { StepSpec } from "../context";
import { sameRecords, unifiedDiff } from "../ops/diff";
import { applyObeyMember, obeyCommands } from "../ops/obey";
import { readMember } from "../ops/read-current";
import { safeWriteMember } from "../ops/safe-write";
import { makeStep } from "../step";
import { renderStackMember } from "../distributed/stack-member";
import { missingFromStack, obeyFields, obeyMemberName, obeyVariables } from "./obey-member";
import { readStack } from "../ops/stack-state";

/** The obey member a system's stack should have, rendered from the workflow's template. */
export function renderObeyMember(spec: Pick<StepSpec, "env" | "workflow" | "stepId">, system: string): string {
  const t = spec.env.topology;
  return renderStackMember({ workflow: spec.workflow, stepId: spec.stepId, role: "member", vars: obeyVariables(t, system), fields: obeyFields(t, system), system });
}

export async function planTcpip(spec: StepSpec, system: string): Promise<PlannedStep> {
  const { env } = spec;
  const t = env.topology;
  const dsn = t.datasets.obey;
  const member = obeyMemberName(t, system);
  const proc = systemByName(t, system).tcpip.proc;
  const vars = obeyVariables(t, system);
  const desired = renderObeyMember(spec, system);
  const current = await readMember(env.client, dsn, member);
  const stack = await readStack({ client: env.client, system, proc, delayMs: env.consoleDelayMs });
  const missing = missingFromStack(vars, stack.cfg, stack.homeAddresses);
  const memberEqual = current.text !== null && sameRecords(current.text, desired);
  const target = `${dsn}(${member})`;

  const changes: Change[] = [];
  if (!memberEqual) {
    changes.push({ kind: "member", dsn, member, action: current.text === null ? "create" : "update", diff: unifiedDiff(target, current.text, desired) });
  }
  const { syntaxCheck, obey } = obeyCommands(proc, target, { proc: `${systemField(t, system)}.tcpip.proc`, target: "datasets.obey" });
  if (!memberEqual || missing.length > 0) {
    changes.push({ kind: "command", system, command: syntaxCheck, purpose: "check the member's syntax without applying it" });
    changes.push({ kind: "command", system, command: obey, purpose: `apply the member to the ${vars.role} stack; then VIPADCFG must show it` });
  }
  const observed = [
    `${target} ${current.text === null ? "does not exist" : memberEqual ? "is as planned" : "differs"}`,
    missing.length ? `stack ${proc} (${vars.role}): ${missing.join("; ")}` : `stack ${proc} (${vars.role}): configuration in force`,
    ...stack.notes,
  ].join("; ");

  return makeStep(spec, {
    title: spec.workflow.step(spec.stepId).title,
    system,
    observed,
    changes,
    apply: async (ctx) => {
      const record = { ctx, stepId: spec.id };
      if (!memberEqual) {
        await safeWriteMember({ client: env.client, ctx, stepId: spec.id, runToken: env.runToken, dsn, member, observed: current, text: desired, backupDsn: t.datasets.backup });
      }
      await applyObeyMember({ client: env.client, system, proc, target, delayMs: env.consoleDelayMs, record });
      const after = await readStack({ client: env.client, system, proc, delayMs: env.consoleDelayMs, record });
      const still = missingFromStack(vars, after.cfg, after.homeAddresses);
      if (still.length) {
        throw new HaError(`OBEYFILE of ${target} on ${system} completed, but the configuration is not in force.`, { failureClass: "zos-failure", details: still });
      }
      return { state: "changed", notes: [`${target} applied on ${system}; VIPADCFG confirms it`] };
    },
  });
}
