/**
 * A started task is a JES2 job of type STC (§1.3): `S proc` puts one on the shared spool,
 * ACTIVE while the task runs, OUTPUT once it ends, with a JESMSGLG the jobs REST API
 * reads like any job's. The operator messages of the task go to its JESMSGLG as they are
 * issued to the console.
 */
import { correlatorFor, jobIdFor, nextJobNumber } from "../ids";
import { hhmmss, JobLog, spoolFile } from "../jes/spool";
import { globMatch } from "../faults";
import type { EmulatorState, Job } from "../state";
import { EMULATED_EPOCH } from "../tcpip/forms";

/** The date an operator-side emulated time stands for. */
export const date = (now: number) => new Date(now < 1e11 ? EMULATED_EPOCH + now : now);

/** The owner shown for a task that no STARTED profile gives a user. */
export const NO_STC_USER = "++++++++";

/**
 * The user a STARTED profile assigns (`proc.jobname`, generics allowed). Without one,
 * RACF runs the task undefined, which the job document shows as `++++++++` (INF).
 */
export function stcOwner(state: EmulatorState, proc: string, job: string): string {
  const started = state.racf.profiles.STARTED ?? {};
  const subject = `${proc}.${job}`;
  const exact = started[subject];
  const match = exact ?? Object.entries(started).find(([name]) => /[*%]/.test(name) && globMatch(name, subject))?.[1];
  return (match?.stdata?.USER ?? NO_STC_USER).toUpperCase();
}

/** Puts the task's job on the spool, ACTIVE, and returns it. */
export function openStc(state: EmulatorState, system: string, proc: string, jobname: string, now: number, listing: string[]): Job {
  const n = nextJobNumber(state);
  const job: Job = {
    jobid: jobIdFor("STC", n),
    jobname,
    owner: stcOwner(state, proc, jobname),
    class: "STC",
    type: "STC",
    status: "ACTIVE",
    retcode: null,
    correlator: correlatorFor(state, n, system, "STC"),
    execSystem: system,
    submittedAt: now,
    startsAt: now,
    endsAt: null,
    jcl: listing.join("\n"),
    spool: [],
    effectsApplied: true,
  };
  const log = new JobLog(job, system, date(now));
  job.spool = [
    spoolFile(2, "JESMSGLG", "JES2", null, log.text(), "UA", 133),
    spoolFile(3, "JESJCL", "JES2", null, listing.join("\n"), "V", 136),
    spoolFile(4, "JESYSMSG", "JES2", null, "", "VA", 137),
  ];
  state.jobs.push(job);
  return job;
}

/** Adds messages to the task's JESMSGLG, each with the time and job id as JES2 writes them. */
export function logStc(job: Job, now: number, lines: readonly string[]): void {
  const msglg = job.spool.find((f) => f.ddname === "JESMSGLG");
  if (!msglg) return;
  const at = hhmmss(date(now));
  msglg.text += lines.map((l) => `\n ${at} ${job.jobid}  ${l.trimStart()}`).join("");
}

/** The task has ended: the job goes to OUTPUT with its completion. */
export function closeStc(job: Job, now: number, retcode: string): void {
  job.status = "OUTPUT";
  job.endsAt = now;
  job.retcode = retcode;
}

export function stcJob(state: EmulatorState, jobid: string): Job | undefined {
  return state.jobs.find((j) => j.type === "STC" && j.jobid === jobid);
}
