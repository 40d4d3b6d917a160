import { memberWrite } from "../ops/member-write";
import type { PlannedStep } from "../../engine/types";
import { HaError } from "../../errors";
import { IplMemberRefusal } from "../../ipl/records";
import type { StepSpec } from "../context";
import { readMember, type Observed } from "../ops/read-current";
import { makeStep } from "../step";

export interface MemberEditPlan {
  readonly system: string;
  /** The PARMLIB member, e.g. BPXPRMSA. */
  readonly member: string;
  /** The topology field that names the member, e.g. systems[0].ipl.bpxprm. */
  readonly field: string;
  /** What the member already does when the edit changes nothing. */
  readonly inPlace: string;
  /** What the written member does, for the step's note. */
  readonly written: string;
  /** The member as it should be; throws IplMemberRefusal when it cannot be changed safely. */
  readonly edit: (text: string) => { readonly text: string; readonly changed: boolean };
  readonly warnings?: readonly string[];
}

/** The step that stops the run: the member is missing or cannot be changed safely. */
function blocked(spec: StepSpec, p: MemberEditPlan, message: string, details: readonly string[]): PlannedStep {
  return makeStep(spec, {
    title: spec.workflow.step(spec.stepId).title,
    system: p.system,
    observed: message,
    changes: [],
    ...(p.warnings ? { warnings: p.warnings } : {}),
    blocker: new HaError(message, { failureClass: "invalid-input", details }),
    apply: async () => ({ state: "unchanged" }),
  });
}

/**
 * One IPL-time PARMLIB member edited the way every member is: read with its ETag, shown as a
 * diff, written with a backup and If-Match (rollback restores it from the run record).
 * A member that does not exist is not created: the system IPLs with the member the field names.
 */
export async function planMemberEdit(spec: StepSpec, p: MemberEditPlan, current?: Observed): Promise<PlannedStep> {
  const { env } = spec;
  const dsn = env.topology.datasets.parmlib;
  const target = `${dsn}(${p.member})`;
  const now = current ?? (await readMember(env.client, dsn, p.member));
  if (now.text === null)
    return blocked(spec, p, `${target} does not exist; ${p.field} names it`, [
      `Set ${p.field} to the suffix of the member ${p.system} IPLs with, or leave it out (the plan then warns that this set-up is lost at the next IPL).`,
    ]);
  let edit: { readonly text: string; readonly changed: boolean };
  try {
    edit = p.edit(now.text);
  } catch (err) {
    if (!(err instanceof IplMemberRefusal)) throw err;
    return blocked(spec, p, `${target}: ${err.message}`, [...err.lines, `Change ${target} by hand, or correct ${p.field}.`]);
  }
  return makeStep(spec, {
    title: spec.workflow.step(spec.stepId).title,
    system: p.system,
    observed: edit.changed ? `${target} exists` : `${target} ${p.inPlace}`,
    ...(p.warnings ? { warnings: p.warnings } : {}),
    ...memberWrite(spec, { dsn, member: p.member, observed: now, text: edit.text, note: `${target} written: ${p.written}` }, edit.changed),
  });
}
