import { executePlan } from "../engine/execute";
import { redactSecrets } from "../engine/redact";
import { RunRecord, type RunRecordOptions } from "../engine/run-record";
import { SentLog, type SentEntry } from "../engine/sent";
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
  /** What this run sent to z/OS that changed (or may have changed) something, in order. */
  readonly sent: readonly SentEntry[];
  /** After a failure: the commands that continue or undo the run. */
  readonly next?: readonly string[];
}

/** What the run record needs, and how to run the plan. */
export interface ApplyRunOptions extends RunRecordOptions {
  readonly dryRun?: boolean;
  readonly concurrency?: number;
  readonly sink?: ProgressSink;
  /** When the whole run started, for its wall time. */
  readonly startedAt: number;
  /** The commands to give after a failure, given the run's id and whether anything was sent. */
  readonly nextCommands?: (runId: string, anythingSent: boolean) => string[];
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
    return { sysplex: o.sysplex, dryRun: true, status: "planned", plan, outcomes: [], summary: summarize(plan, [], Date.now() - o.startedAt), sent: [] };
  }
  const record = await RunRecord.create(o);
  await record.setPlan(plan);
  const sent = new SentLog();
  const outcomes = await executePlan(steps, { recorder: record, sink: o.sink, concurrency: o.concurrency, sent });
  const failed = outcomes.some((x) => x.state === "failed" || x.state === "skipped");
  await record.finish(failed ? "failed" : "succeeded", plan, outcomes);
  const next = failed && o.nextCommands ? o.nextCommands(record.data.runId, sent.any) : undefined;
  return {
    sysplex: o.sysplex,
    dryRun: false,
    status: failed ? "failed" : "succeeded",
    runId: record.data.runId,
    recordFile: record.file,
    plan,
    outcomes,
    summary: summarize(plan, outcomes, Date.now() - o.startedAt),
    sent: sent.entries.map((e) => ({ ...e, what: redactSecrets(e.what) })),
    ...(next ? { next } : {}),
  };
}

/**
 * How a failed run ended, for its exit code: a tool or API failure outranks a z/OS failure,
 * since the pipeline must know the tool could not finish its work. "Invalid input" promises
 * that nothing was sent, so a refusal counts as one only when every failure was a refusal
 * and the run sent nothing at all; after a change it is a failure of the z/OS work.
 */
export function failureClassOf(result: Pick<RunResult, "status" | "outcomes" | "sent">): FailureClass | undefined {
  if (result.status !== "failed") return undefined;
  const classes = result.outcomes.map((o) => o.error?.failureClass);
  if (classes.includes("tool-failure")) return "tool-failure";
  if (classes.includes("zos-failure")) return "zos-failure";
  if (classes.includes("invalid-input") && result.sent.length === 0) return "invalid-input";
  return "zos-failure";
}

/**
 * The serialisable part of a step (its apply closure stays behind). Every way a plan is
 * shown, returned (--rfj) or recorded starts here, so this is where its texts are
 * masked: a site's own JCL or a command may carry a password. The step itself is left
 * as it is, since its apply submits the real text.
 */
export function toStepPlan(step: PlannedStep): StepPlan {
  const { apply: _apply, blocker: _blocker, ...plan } = step;
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
