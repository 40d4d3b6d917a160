/**
 * Job progress, computed lazily from the emulated clock: INPUT until startsAt, ACTIVE until
 * endsAt (null = never ends), then the steps run once and the job is OUTPUT. Every request
 * calls refreshJobs first, so the effects of a finished job are visible to any later
 * request, not only to one that asks about the job.
 */
import type { EmulatorContext } from "../http/context";
import type { Job } from "../state";
import { runJobSteps } from "./run-steps";

export function statusAt(job: Job, now: number): Job["status"] {
  if (now < job.startsAt) return "INPUT";
  if (job.endsAt === null || now < job.endsAt) return "ACTIVE";
  return "OUTPUT";
}

export function refreshJobs(ctx: EmulatorContext): void {
  const now = ctx.clock.now();
  for (const job of ctx.state.jobs) {
    // Only batch jobs this module queued; started tasks belong to the operator model.
    if (job.type !== "JOB" || job.status === "OUTPUT") continue;
    const status = statusAt(job, now);
    if (status === "OUTPUT" && !job.effectsApplied) {
      const listing = job.spool.find((f) => f.id === 3)?.text ?? "";
      runJobSteps(
        { state: ctx.state, programs: ctx.programs, started: ctx.clock.date(job.startsAt), ended: ctx.clock.date(job.endsAt ?? now) },
        job,
        listing,
      );
      job.effectsApplied = true;
    }
    job.status = status;
  }
}
