import { HaError } from "../errors";
import { redactSecrets } from "./redact";
import { SentLog } from "./sent";
import type { ApplyContext, PlannedStep, ProgressSink, RunRecorder, StepOutcome } from "./types";

/**
 * Steps applied at once. Most steps of a system wait on a job or a display, so the bound is
 * about how much z/OSMF and JES see at one time, not about local work; it matches the client's
 * socket limit.
 */
export const DEFAULT_CONCURRENCY = 16;

/** Steps per system applied at once by default in a bigger sysplex: a system's independent steps (file system, PARMLIB, procedure, TCP/IP) all go. */
const DEFAULT_PER_SYSTEM = 4;

/**
 * The default bound: DEFAULT_CONCURRENCY, or 4 per system when that is more, so a bigger
 * sysplex is not applied in waves while most steps only wait on a job. What z/OSMF sees at
 * once stays bounded by the client's sockets per host (MAX_SOCKETS).
 */
export function defaultConcurrency(steps: readonly { readonly system?: string }[]): number {
  const systems = new Set(steps.flatMap((s) => (s.system === undefined ? [] : [s.system]))).size;
  return Math.max(DEFAULT_CONCURRENCY, DEFAULT_PER_SYSTEM * systems);
}

export interface ExecuteOptions {
  readonly recorder: RunRecorder;
  readonly sink?: ProgressSink;
  /** Steps applied at once (steps on different systems run in parallel). @default defaultConcurrency(steps) */
  readonly concurrency?: number;
  readonly signal?: AbortSignal;
  /** Notes what the steps send to z/OS; give one to learn afterwards whether anything was sent. */
  readonly sent?: SentLog;
}

/**
 * Applies steps in dependency order. A failed step marks every step that depends
 * on it (directly or not) as skipped; independent steps still run, so a re-run or
 * `--resume` has the least left to do.
 */
export async function executePlan(steps: readonly PlannedStep[], options: ExecuteOptions): Promise<StepOutcome[]> {
  assertAcyclic(steps);
  const concurrency = Math.max(1, options.concurrency ?? defaultConcurrency(steps));
  const sent = options.sent ?? new SentLog();
  const record = sent.track(options.recorder);
  const outcomes = new Map<string, StepOutcome>();
  const byId = new Map(steps.map((s) => [s.id, s]));
  const running = new Set<Promise<void>>();
  const inFlight = new Set<string>();
  let started = 0;

  const ready = (step: PlannedStep) =>
    !outcomes.has(step.id) && step.dependsOn.every((d) => !byId.has(d) || ["changed", "unchanged"].includes(outcomes.get(d)?.state ?? ""));

  const runOne = async (step: PlannedStep) => {
    const index = ++started;
    options.sink?.onEvent({ type: "step-start", id: step.id, title: step.title, index, total: steps.length });
    const ctx: ApplyContext = {
      record,
      signal: options.signal,
      sent,
      progress: (message) => options.sink?.onEvent({ type: "step-progress", id: step.id, message: redactSecrets(message) }),
    };
    const outcome = await applyStep(step, ctx);
    outcomes.set(step.id, outcome);
    options.sink?.onEvent({ type: "step-end", outcome });
  };

  for (;;) {
    // Propagate skips before choosing what to start next.
    skipBlockedSteps(steps, byId, outcomes, options.sink);
    const startable = steps.filter((s) => ready(s) && !inFlight.has(s.id));
    for (const step of startable) {
      if (running.size >= concurrency || options.signal?.aborted) break;
      inFlight.add(step.id);
      const p: Promise<void> = runOne(step).finally(() => running.delete(p));
      running.add(p);
    }
    if (running.size === 0) break;
    await Promise.race(running);
  }
  // Only an abort leaves steps without an outcome.
  return steps.map(
    (s) =>
      outcomes.get(s.id) ?? {
        id: s.id,
        title: s.title,
        system: s.system,
        state: "skipped",
        durationMs: 0,
        notes: ["skipped: run aborted"],
      },
  );
}

/** Applies one step; a throw becomes a failed outcome with its message and details redacted. */
async function applyStep(step: PlannedStep, ctx: ApplyContext): Promise<StepOutcome> {
  const t0 = Date.now();
  try {
    const result = await step.apply(ctx);
    return {
      id: step.id,
      title: step.title,
      system: step.system,
      state: result.state,
      durationMs: Date.now() - t0,
      notes: (result.notes ?? []).map(redactSecrets),
    };
  } catch (err) {
    return {
      id: step.id,
      title: step.title,
      system: step.system,
      state: "failed",
      durationMs: Date.now() - t0,
      notes: [],
      error: {
        // Outcomes are printed, returned and recorded; a failing job's spool lines or a
        // rejected command may repeat a password.
        message: redactSecrets(err instanceof Error ? err.message : String(err)),
        details: err instanceof HaError ? err.details.map(redactSecrets) : [],
        failureClass: err instanceof HaError ? err.failureClass : "tool-failure",
      },
    };
  }
}

/**
 * Marks skipped every step not yet run that depends on a failed or skipped step, repeating until nothing changes
 * so a skip reaches steps that depend on it only through other steps.
 */
function skipBlockedSteps(
  steps: readonly PlannedStep[],
  byId: ReadonlyMap<string, PlannedStep>,
  outcomes: Map<string, StepOutcome>,
  sink: ProgressSink | undefined,
): void {
  const blockedBy = (step: PlannedStep) =>
    step.dependsOn.find((d) => byId.has(d) && ["failed", "skipped"].includes(outcomes.get(d)?.state ?? ""));
  let changed = true;
  while (changed) {
    changed = false;
    for (const step of steps) {
      if (outcomes.has(step.id)) continue;
      const cause = blockedBy(step);
      if (cause) {
        const outcome: StepOutcome = {
          id: step.id,
          title: step.title,
          system: step.system,
          state: "skipped",
          durationMs: 0,
          notes: [`skipped: ${cause} did not complete`],
        };
        outcomes.set(step.id, outcome);
        sink?.onEvent({ type: "step-end", outcome });
        changed = true;
      }
    }
  }
}

function assertAcyclic(steps: readonly PlannedStep[]): void {
  const byId = new Map(steps.map((s) => [s.id, s]));
  const state = new Map<string, "visiting" | "done">();
  const visit = (id: string, path: string[]) => {
    if (state.get(id) === "done") return;
    if (state.get(id) === "visiting") {
      throw new HaError(`The plan has a dependency cycle: ${[...path, id].join(" -> ")}`, { failureClass: "tool-failure" });
    }
    state.set(id, "visiting");
    for (const dep of byId.get(id)?.dependsOn ?? []) if (byId.has(dep)) visit(dep, [...path, id]);
    state.set(id, "done");
  };
  for (const s of steps) visit(s.id, []);
}
