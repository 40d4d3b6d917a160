import { z } from "zod";
import { HaError } from "../errors";
import { SubmitOutcomeUnknownError, ZosmfError } from "./errors";
import type { Send } from "./http";
import { dsnName, headerValue, jobId, jobName, memberName, symbolName } from "./names";
import { parseBody } from "./parse";
import { pollUntil } from "./poll";
import type { LogSink } from "../engine/types";

const JOBS = "/zosmf/restjobs/jobs";

/** First gap between status polls: short jobs are often done within a second. */
export const JOB_POLL_INITIAL_DELAY_MS = 100;
/** Longest gap between status polls. */
export const JOB_POLL_MAX_DELAY_MS = 2_000;
/** Growth of the gap after each poll that finds the job unfinished. */
export const JOB_POLL_BACKOFF_FACTOR = 1.5;
/**
 * A job's end is noticed within this much of its run time (never less than
 * JOB_NOTICE_FLOOR_MS): a job that has run for t ms runs at least t ms, so a gap of a
 * tenth of t is late by at most a tenth of the whole run.
 */
export const JOB_NOTICE_FRACTION = 0.1;
export const JOB_NOTICE_FLOOR_MS = 250;

export const jobDocumentSchema = z.looseObject({
  jobid: z.string(),
  jobname: z.string(),
  owner: z.string().nullish(),
  status: z.string().nullish(),
  type: z.string().nullish(),
  class: z.string().nullish(),
  /** Null until the job completes. */
  retcode: z.string().nullish(),
  subsystem: z.string().nullish(),
  phase: z.number().nullish(),
  "phase-name": z.string().nullish(),
  "job-correlator": z.string().nullish(),
});
export type JobDocument = z.infer<typeof jobDocumentSchema>;

export const spoolFileSchema = z.looseObject({
  id: z.number(),
  ddname: z.string(),
  stepname: z.string().nullish(),
  procstep: z.string().nullish(),
  "record-count": z.number().nullish(),
  "byte-count": z.number().nullish(),
});
export type SpoolFile = z.infer<typeof spoolFileSchema>;

export interface JobRef {
  readonly jobname: string;
  readonly jobid: string;
}

export interface SubmitJclOptions {
  /** One `X-IBM-JCL-Symbol-<NAME>` header each. */
  readonly symbols?: Readonly<Record<string, string>>;
  /** Internal reader class, also the default MSGCLASS. @default "A" */
  readonly jobClass?: string;
  /** @default "F" */
  readonly recfm?: "F" | "V";
  /** @default 80 */
  readonly lrecl?: number;
}

export interface SubmitMemberOptions {
  readonly symbols?: Readonly<Record<string, string>>;
}

export interface ListJobsOptions {
  readonly owner?: string;
  readonly prefix?: string;
  /** @default 1000 */
  readonly maxJobs?: number;
}

export interface FindSubmittedOptions {
  readonly jobname: string;
  readonly owner: string;
  /** A string unique to one submission, placed in its JCL (e.g. in a comment). */
  readonly token: string;
}

export interface WaitForOutputOptions {
  readonly timeoutMs: number;
  /** @default JOB_POLL_INITIAL_DELAY_MS */
  readonly initialDelayMs?: number;
  /** @default JOB_POLL_MAX_DELAY_MS */
  readonly maxDelayMs?: number;
  readonly signal?: AbortSignal;
}

export interface JobOutcome {
  readonly job: JobDocument;
  /** Status requests made while waiting. */
  readonly polls: number;
}

/** The job did not reach OUTPUT in time; it may still be queued or running. */
export class JobWaitTimeoutError extends HaError {
  readonly job: JobRef;
  readonly lastStatus?: string;
  readonly polls: number;

  constructor(job: JobRef, timeoutMs: number, polls: number, lastStatus?: string) {
    super(
      `Job ${job.jobname}(${job.jobid}) did not finish within ${timeoutMs} ms (last status ${lastStatus ?? "unknown"}, ${polls} polls).`,
      // z/OSMF answered every poll; the job itself is stuck or slow.
      { failureClass: "zos-failure", details: ["The job may still run; check it before submitting it again."] },
    );
    this.name = "JobWaitTimeoutError";
    this.job = job;
    this.polls = polls;
    if (lastStatus !== undefined) this.lastStatus = lastStatus;
  }
}

function symbolHeaders(symbols: Readonly<Record<string, string>> | undefined): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(symbols ?? {})) {
    headers[`X-IBM-JCL-Symbol-${symbolName(name)}`] = headerValue(`JCL symbol ${name}`, value);
  }
  return headers;
}

function jobPath(job: JobRef): string {
  return `${JOBS}/${jobName(job.jobname)}/${jobId(job.jobid)}`;
}

/** Job name from the first JOB card, to help whoever has to look for a lost submission. */
function jobnameOf(jcl: string): string | undefined {
  return /^\/\/([A-Z@#$][A-Z0-9@#$]{0,7})\s+JOB\b/im.exec(jcl)?.[1]?.toUpperCase();
}

/** After the request left, only a clear refusal proves that nothing was submitted. */
function outcomeIsUnknown(err: ZosmfError): boolean {
  switch (err.kind) {
    case "timeout":
      return true;
    case "unreachable":
      return (
        err.code !== "ECONNREFUSED" &&
        err.code !== "ENOTFOUND" &&
        err.code !== "EAI_AGAIN" &&
        err.code !== "EHOSTUNREACH" &&
        err.code !== "ENETUNREACH"
      );
    case "server":
      // Only z/OSMF's own error report (rc and category) means JES refused it. A gateway in front
      // (API ML) answers 502/504 with a body of its own after the request may have gone through.
      if (err.status === 502 || err.status === 504) return true;
      return err.report?.rc === undefined || err.report?.category === undefined;
    case "unexpected-response":
      return true;
    default:
      return false;
  }
}

/** Submits once: a second PUT would run the job twice, so a lost answer is reported as such. */
async function submit(send: Send, headers: Record<string, string>, body: unknown, jobname: string | undefined): Promise<JobDocument> {
  try {
    const res = await send({ method: "PUT", path: JOBS, headers, body, repeatable: false });
    return parseBody(jobDocumentSchema, res.data, "PUT", JOBS);
  } catch (err) {
    if (err instanceof ZosmfError && outcomeIsUnknown(err)) throw new SubmitOutcomeUnknownError(err, jobname);
    throw err;
  }
}

async function submitJcl(send: Send, jcl: string, options: SubmitJclOptions): Promise<JobDocument> {
  const lrecl = options.lrecl ?? 80;
  const recfm = options.recfm ?? "F";
  if (recfm === "F") {
    const long = jcl.split(/\r?\n/).findIndex((line) => line.length > lrecl);
    if (long >= 0) throw new HaError(`JCL line ${long + 1} is longer than ${lrecl} characters.`, { failureClass: "invalid-input" });
  }
  const headers = {
    "Content-Type": "text/plain",
    "X-IBM-Intrdr-Mode": "TEXT",
    "X-IBM-Intrdr-Lrecl": String(lrecl),
    "X-IBM-Intrdr-Recfm": recfm,
    "X-IBM-Intrdr-Class": headerValue("jobClass", options.jobClass ?? "A"),
    ...symbolHeaders(options.symbols),
  };
  return submit(send, headers, jcl, jobnameOf(jcl));
}

/**
 * Jobs named `jobname` of `owner` whose JCL contains `token`: after a lost submit answer,
 * tells whether the job reached JES.
 */
async function findSubmitted(
  list: (o: ListJobsOptions) => Promise<JobDocument[]>,
  readJcl: (job: JobRef) => Promise<string>,
  options: FindSubmittedOptions,
): Promise<JobDocument[]> {
  const name = jobName(options.jobname);
  const candidates = (await list({ prefix: name, owner: options.owner })).filter((j) => j.jobname.toUpperCase() === name);
  const found: JobDocument[] = [];
  for (const job of candidates) {
    let jcl: string;
    try {
      jcl = await readJcl(job);
    } catch (err) {
      // Purged between the list and the read: it cannot be ours to worry about any more.
      if (err instanceof ZosmfError && (err.kind === "not-found" || err.status === 400)) continue;
      throw err;
    }
    if (jcl.includes(options.token)) found.push(job);
  }
  return found;
}

/** Polls the job's status until OUTPUT, backing off between polls, within `timeoutMs`. */
async function waitForOutput(
  status: (jobname: string, jobid: string) => Promise<JobDocument>,
  job: JobRef,
  options: WaitForOutputOptions,
  log?: LogSink,
): Promise<JobOutcome> {
  let last: string | undefined;
  const { value, polls } = await pollUntil({
    check: async () => {
      const doc = await status(job.jobname, job.jobid);
      last = doc.status ?? undefined;
      return doc.status === "OUTPUT" ? doc : undefined;
    },
    timeoutMs: options.timeoutMs,
    initialDelayMs: options.initialDelayMs ?? JOB_POLL_INITIAL_DELAY_MS,
    maxDelayMs: options.maxDelayMs ?? JOB_POLL_MAX_DELAY_MS,
    factor: JOB_POLL_BACKOFF_FACTOR,
    // Right after the submit the job has not even been selected: the first look waits.
    waitFirst: true,
    noticeWithin: (elapsedMs) => Math.max(JOB_NOTICE_FLOOR_MS, elapsedMs * JOB_NOTICE_FRACTION),
    ...(options.signal ? { signal: options.signal } : {}),
    onTimeout: (n) => new JobWaitTimeoutError(job, options.timeoutMs, n, last),
    ...(log ? { log, what: `job ${job.jobname}(${job.jobid}) status` } : {}),
  });
  return { job: value, polls };
}

/** The jobs REST API; `log` gets one line per look at a job being waited for. */
export function createJobsApi(send: Send, log?: LogSink) {
  async function list(options: ListJobsOptions = {}): Promise<JobDocument[]> {
    const res = await send({
      method: "GET",
      path: JOBS,
      query: { owner: options.owner, prefix: options.prefix ?? "*", "max-jobs": options.maxJobs ?? 1000 },
      repeatable: true,
    });
    return parseBody(z.array(jobDocumentSchema), res.data, "GET", JOBS);
  }

  async function status(jobname: string, jobid: string): Promise<JobDocument> {
    const path = jobPath({ jobname, jobid });
    const res = await send({ method: "GET", path, repeatable: true });
    return parseBody(jobDocumentSchema, res.data, "GET", path);
  }

  async function readRecords(job: JobRef, id: string): Promise<string> {
    const res = await send<string>({ method: "GET", path: `${jobPath(job)}/files/${id}/records`, responseType: "text", repeatable: true });
    return String(res.data ?? "");
  }

  return {
    /** Submits JCL text. 201 with the job document; a lost answer throws SubmitOutcomeUnknownError. */
    submitJcl: (jcl: string, options: SubmitJclOptions = {}): Promise<JobDocument> => submitJcl(send, jcl, options),

    /** Submits a member of a JCL library; the same no-repeat rule applies. */
    submitMember: async (dsn: string, member: string, options: SubmitMemberOptions = {}): Promise<JobDocument> =>
      submit(
        send,
        { "Content-Type": "application/json", ...symbolHeaders(options.symbols) },
        { file: `//'${dsnName(dsn)}(${memberName(member)})'` },
        undefined,
      ),

    status,
    list,

    async spoolFiles(job: JobRef): Promise<SpoolFile[]> {
      const path = `${jobPath(job)}/files`;
      const res = await send({ method: "GET", path, repeatable: true });
      return parseBody(z.array(spoolFileSchema), res.data, "GET", path);
    },

    readSpool: (job: JobRef, id: number): Promise<string> => readRecords(job, String(id)),

    /** The JCL as submitted (before JES expanded it). */
    readJcl: (job: JobRef): Promise<string> => readRecords(job, "JCL"),

    /** Jobs of `owner` named `jobname` whose JCL holds `token`: whether a submit with a lost answer reached JES. */
    findSubmitted: (options: FindSubmittedOptions): Promise<JobDocument[]> =>
      findSubmitted(list, (job) => readRecords(job, "JCL"), options),

    /** Polls the job's status until OUTPUT, backing off between polls, within `timeoutMs`. */
    waitForOutput: (job: JobRef, options: WaitForOutputOptions): Promise<JobOutcome> => waitForOutput(status, job, options, log),
  };
}

export type JobsApi = ReturnType<typeof createJobsApi>;
