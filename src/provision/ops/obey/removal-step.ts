import { obeyMemberPart, type ObeySite, type ObeyStepBase } from "./member-step";

/** What rollback knows when it plans the removal of one workflow's definitions from one stack. */
export type RemovalOptions = ObeySite;

/** Which removal: the rollback step's id part, its title, and the template that renders the removal member. */
export interface RemovalOf {
  /** `rollback/<kind>/<system>`. */
  readonly kind: string;
  readonly title: string;
  /** The provisioning step whose `remove` template renders the member. */
  readonly stepId: string;
  /** Member prefix of the removal member (`<prefix><system>`). */
  readonly prefix: string;
  readonly vars: object;
  readonly fields: Readonly<Record<string, string>>;
}

/**
 * One removal member on one stack, rendered through the same template and column guard
 * as the member that provisioned it. A member that differs while the stack already shows
 * nothing is left alone: there is nothing to take off.
 */
export function removalStepBase(o: RemovalOptions, r: RemovalOf): ObeyStepBase {
  const member = obeyMemberPart({ ...o, stepId: r.stepId, role: "remove", prefix: r.prefix, vars: r.vars, fields: r.fields });
  return {
    step: { id: `rollback/${r.kind}/${o.system}`, workflow: "rollback", title: r.title, system: o.system, dependsOn: [] },
    member: { ...member, rewriteWhenInForce: false },
  };
}
