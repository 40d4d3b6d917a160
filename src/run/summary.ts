import type { StepOutcome, StepPlan } from "../engine/types";

export interface RunSummary {
  readonly steps: number;
  /** Steps the plan would change (dry run) or that did change. */
  readonly changed: number;
  readonly unchanged: number;
  readonly failed: number;
  readonly skipped: number;
  /** Wall time of the whole run. */
  readonly durationMs: number;
}

export function summarize(plan: readonly StepPlan[], outcomes: readonly StepOutcome[], durationMs: number): RunSummary {
  if (outcomes.length === 0) {
    const changed = plan.filter((s) => s.changes.length > 0).length;
    return { steps: plan.length, changed, unchanged: plan.length - changed, failed: 0, skipped: 0, durationMs };
  }
  const count = (state: StepOutcome["state"]) => outcomes.filter((o) => o.state === state).length;
  return {
    steps: outcomes.length,
    changed: count("changed"),
    unchanged: count("unchanged"),
    failed: count("failed"),
    skipped: count("skipped"),
    durationMs,
  };
}
