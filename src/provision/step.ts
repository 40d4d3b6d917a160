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
    ...(parts.warnings?.length || parts.blocker ? { warnings: [...(parts.warnings ?? []), ...(parts.blocker ? [parts.blocker.message] : [])] } : {}),
    ...(parts.blocker ? { blocker: parts.blocker } : {}),
    apply: async (ctx) => {
      if (parts.blocker) throw parts.blocker;
      return parts.changes.length === 0 ? { state: "unchanged", notes: ["already in place"] } : parts.apply(ctx);
    },
  };
}
