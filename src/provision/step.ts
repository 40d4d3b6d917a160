import { fingerprintOf, type FingerprintValue } from "../engine/fingerprint";
import type { ApplyContext, Change, PlannedStep, StepResult } from "../engine/types";
import type { HaError } from "../errors";
import type { StepSpec } from "./context";

export interface StepParts {
  readonly title: string;
  readonly system?: string;
  readonly observed: string;
  readonly changes: readonly Change[];
  readonly warnings?: readonly string[];
  /** Why the step cannot be done as planned: applying it fails with this, changes or not. */
  readonly blocker?: HaError;
  /**
   * What the step's work depends on, for its fingerprint. @default the workflow step, the
   * system and the whole topology: any change to the topology then counts as new inputs.
   */
  readonly inputs?: FingerprintValue;
  /** Runs only when there are changes; a step with none reports unchanged without touching z/OS. */
  readonly apply: (ctx: ApplyContext) => Promise<StepResult>;
}

export function makeStep(spec: StepSpec, parts: StepParts): PlannedStep {
  return {
    id: spec.id,
    workflow: spec.workflow.name,
    title: parts.system ? `${parts.title} on ${parts.system}` : parts.title,
    ...(parts.system ? { system: parts.system } : {}),
    dependsOn: spec.dependsOn,
    observed: parts.observed,
    changes: parts.changes,
    ...(parts.warnings?.length || parts.blocker
      ? { warnings: [...(parts.warnings ?? []), ...(parts.blocker ? [parts.blocker.message] : [])] }
      : {}),
    ...(parts.blocker ? { blocker: parts.blocker } : {}),
    fingerprint: stepFingerprint(spec, parts.inputs ?? defaultInputs(spec, parts.system)),
    apply: async (ctx) => {
      if (parts.blocker) throw parts.blocker;
      return parts.changes.length === 0 ? { state: "unchanged", notes: ["already in place"] } : parts.apply(ctx);
    },
  };
}

/** The fingerprint a step of this spec has for these inputs; a step may compute it before it is made. */
export function stepFingerprint(spec: StepSpec, inputs: FingerprintValue): string {
  return fingerprintOf(spec.id, inputs);
}

/** The inputs a step depends on unless it names narrower ones: its workflow step, its system and the topology. */
export function defaultInputs(spec: StepSpec, system: string | undefined): FingerprintValue {
  return { step: spec.workflow.steps.find((s) => s.id === spec.stepId), system, topology: spec.env.topology };
}
