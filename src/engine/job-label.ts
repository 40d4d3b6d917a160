import type { JobEntry } from "./types";

/** A recorded job in words: `NAME(JOB00012)`, or the name and token of a submission whose outcome is not known. */
export function jobLabel(j: JobEntry): string {
  return j.jobid === null ? `${j.jobname} (token ${j.token}, submission outcome unknown)` : `${j.jobname}(${j.jobid})`;
}
