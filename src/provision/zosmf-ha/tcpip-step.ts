import type { PlannedStep } from "../../engine/types";
import type { StepSpec } from "../context";
import { memberStepBase } from "../ops/obey/member-step";
import { planObeyStep, type DisplayRecord } from "../ops/obey/step";
import { renderStackMember } from "../ops/obey/stack-member";
import { readStack } from "../ops/stack-state";
import { missingFromStack, obeyFields, obeyVariables } from "./obey-member";

import { HOT_STANDBY_MEMBER_PREFIX } from "../../tcpip/obey-members";

/** The obey member a system's stack should have, rendered from the workflow's template. */
export function renderObeyMember(spec: Pick<StepSpec, "env" | "workflow" | "stepId">, system: string): string {
  const t = spec.env.topology;
  return renderStackMember({
    workflow: spec.workflow,
    stepId: spec.stepId,
    role: "member",
    vars: obeyVariables(t, system),
    fields: obeyFields(t, system),
    system,
  });
}

/**
 * The hot-standby member on one stack: DYNAMICXCF everywhere, and on the distributor and
 * its backup the DVIPA and its HOTSTANDBY distribution. Confirmed with VIPADCFG and HOME.
 */
export async function planTcpip(spec: StepSpec, system: string): Promise<PlannedStep> {
  const t = spec.env.topology;
  const vars = obeyVariables(t, system);
  const base = memberStepBase(spec, system, HOT_STANDBY_MEMBER_PREFIX, vars, obeyFields(t, system));
  const m = base.member;
  const outstanding = async (record?: DisplayRecord) => {
    const stack = await readStack({ client: m.client, system, proc: m.proc, delayMs: m.delayMs, record });
    return { lines: missingFromStack(vars, stack.cfg, stack.homeAddresses), notes: stack.notes };
  };
  return planObeyStep({
    ...base,
    check: { outstanding, label: `stack ${m.proc} (${vars.role})` },
    words: {
      purpose: `apply the member to the ${vars.role} stack; then VIPADCFG must show it`,
      doneText: "configuration in force",
      confirmNote: `${m.dsn}(${m.member}) applied on ${system}; VIPADCFG confirms it`,
      notShown: "the configuration is not in force",
    },
  });
}
