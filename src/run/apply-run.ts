import { executePlan } from "../engine/execute";
import { redactSecrets } from "../engine/redact";
import { RunRecord, type RunRecordOptions } from "../engine/run-record";
import type { Change, PlannedStep, ProgressSink, StepOutcome, StepPlan } from "../engine/types";
import type { FailureClass } from "../errors";
import { summarize, type RunSummary } from "./summary";

/** What provision and rollback return: the plan, and what applying it did. */
export interface RunResult {
  readonly sysplex: string;
  readonly dryRun: boolean;
  readonly status: "planned" | "succeeded" | "failed";
  readonly runId?: string;
  readonly recordFile?: string;
  readonly plan: readonly StepPlan[];
  readonly outcomes: readonly StepOutcome[];
  readonly summary: RunSummary;
}

/** What the run record needs, and how to run the plan. */
export interface ApplyRunOptions extends RunRecordOptions {
  readonly dryRun?: boolean;
  readonly concurrency?: number;
  readonly sink?: ProgressSink;
  /** When the whole run started, for its wall time. */
  readonly startedAt: number;
}

/**
 * Reports the plan, then (unless dry-run) applies it with a run record written as it
 * goes. A dry run stops after the report: the same plan, nothing applied.
 */
export async function reportAndApply(steps: readonly PlannedStep[], o: ApplyRunOptions): Promise<RunResult> {
  const plan = steps.map(toStepPlan);
  o.sink?.onEvent({ type: "plan", steps: plan });
  for (const warning of plan.flatMap((s) => s.warnings ?? [])) o.sink?.onEvent({ type: "message", level: "warn", text: warning });
  if (o.dryRun) {
    return { sysplex: o.sysplex, dryRun: true, status: "planned", plan, outcomes: [], summary: summarize(plan, [], Date.now() - o.startedAt) };
  }
  const record = await RunRecord.create(o);
  await record.setPlan(plan);
  const outcomes = await executePlan(steps, { recorder: record, sink: o.sink, concurrency: o.concurrency });
  const failed = outcomes.some((x) => x.state === "failed" || x.state === "skipped");
  await record.finish(failed ? "failed" : "succeeded", plan, outcomes);
  return {
    sysplex: o.sysplex,
    dryRun: false,
    status: failed ? "failed" : "succeeded",
    runId: record.data.runId,
    recordFile: record.file,
    plan,
    outcomes,
    summary: summarize(plan, outcomes, Date.now() - o.startedAt),
  };
}

/**
 * How a failed run ended, for its exit code: a tool or API failure outranks a z/OS failure,
 * since the pipeline must know the tool could not finish its work.
 */
export function failureClassOf(result: RunResult): FailureClass | undefined {
  if (result.status !== "failed") return undefined;
  const classes = result.outcomes.map((o) => o.error?.failureClass);
  if (classes.includes("tool-failure")) return "tool-failure";
  if (classes.includes("invalid-input")) return "invalid-input";
  return "zos-failure";
}

/**
 * The serialisable part of a step (its apply closure stays behind). Every way a plan is
 * shown, returned (--rfj) or recorded starts here, so this is where its texts are
 * masked: a site's own JCL or a command may carry a password. The step itself is left
 * as it is, since its apply submits the real text.
 */
export function toStepPlan(step: PlannedStep): StepPlan {
  const { apply: _apply, ...plan } = step;
  return {
    ...plan,
    observed: redactSecrets(plan.observed),
    changes: plan.changes.map(redactChange),
    ...(plan.warnings !== undefined ? { warnings: plan.warnings.map(redactSecrets) } : {}),
  };
}

/** A copy of the change with every string field masked, whichever kind it is. */
function redactChange(change: Change): Change {
  const copy: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(change)) copy[key] = typeof value === "string" && key !== "kind" ? redactSecrets(value) : value;
  return copy as Change;
}
