import { systemField } from "../../../templates/topology-fields";
import { systemByName, type Topology } from "../../../topology";
import type { ZosmfClient } from "../../../zosmf";
import type { StepSpec } from "../../context";
import type { LoadedWorkflow } from "../../workflow-loader";
import { defaultInputs, stepFingerprint } from "../../step";
import type { ObeyMemberPart, ObeyStepHead } from "./step";
import { renderStackMember, stackMemberName } from "./stack-member";

/** What every obey step fills in the same way; the caller adds how it checks the stack and what it says. */
export interface ObeyStepBase {
  readonly step: ObeyStepHead;
  readonly member: ObeyMemberPart;
}

/** The workflow and stack an obey member belongs to, and how this run reaches z/OS. */
export interface ObeySite {
  readonly topology: Topology;
  readonly client: ZosmfClient;
  readonly workflow: LoadedWorkflow;
  readonly system: string;
  readonly runToken: string;
  readonly delayMs: number;
}

interface MemberOf extends ObeySite {
  /** The workflow step whose template renders the member. */
  readonly stepId: string;
  /** The template role: `member` to provision, `remove` to roll back. */
  readonly role: string;
  readonly prefix: string;
  readonly vars: object;
  readonly fields: Readonly<Record<string, string>>;
}

/** The member `<prefix><system>` rendered from the step's template, and the stack it goes to. */
export function obeyMemberPart(o: MemberOf): Omit<ObeyMemberPart, "rewriteWhenInForce"> {
  const t = o.topology;
  const text = renderStackMember({
    workflow: o.workflow,
    stepId: o.stepId,
    role: o.role,
    vars: o.vars,
    fields: o.fields,
    system: o.system,
  });
  return {
    client: o.client,
    proc: systemByName(t, o.system).tcpip.proc,
    dsn: t.datasets.obey,
    member: stackMemberName(t, o.prefix, o.system),
    text,
    backupDsn: t.datasets.backup,
    runToken: o.runToken,
    delayMs: o.delayMs,
    fields: { proc: `${systemField(t, o.system)}.tcpip.proc`, target: "datasets.obey" },
  };
}

/**
 * One workflow step's obey member on one stack (`<prefix><system>`), rendered from its
 * template with `vars`. Provisioning rewrites a member that differs even when the stack
 * already shows everything; only rollback leaves such a member alone.
 */
export function memberStepBase(
  spec: StepSpec,
  system: string,
  prefix: string,
  vars: object,
  fields: Readonly<Record<string, string>>,
): ObeyStepBase {
  const { env } = spec;
  const member = obeyMemberPart({
    topology: env.topology,
    client: env.client,
    workflow: spec.workflow,
    system,
    runToken: env.runToken,
    delayMs: env.consoleDelayMs,
    stepId: spec.stepId,
    role: "member",
    prefix,
    vars,
    fields,
  });
  return {
    step: {
      id: spec.id,
      workflow: spec.workflow.name,
      title: `${spec.workflow.step(spec.stepId).title} on ${system}`,
      system,
      dependsOn: spec.dependsOn,
      fingerprint: stepFingerprint(spec, defaultInputs(spec, system)),
    },
    member: { ...member, rewriteWhenInForce: true },
  };
}
