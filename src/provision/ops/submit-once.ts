import { createHash } from "node:crypto";
import type { ApplyContext } from "../../engine/types";
import { HaError } from "../../errors";
import { operandField } from "../../templates/jcl-statement";
import { ZosmfError, type JobDocument, type ZosmfClient } from "../../zosmf";
import type { StepSpec } from "../context";
import type { PreparedJob } from "./job-source";

export interface SpoolText {
  readonly ddname: string;
  readonly stepname: string;
  readonly text: string;
}

export interface JobResult {
  readonly job: JobDocument;
  readonly retcode: string;
  /** Numeric condition code; null for JCL ERROR, ABEND and the like. */
  readonly rc: number | null;
  readonly spool: readonly SpoolText[];
}

export interface SubmitOnceOptions {
  readonly client: ZosmfClient;
  readonly ctx: ApplyContext;
  readonly stepId: string;
  readonly owner: string;
  readonly jobname: string;
  /** JCL with the token line already in it (see {@link withToken}). */
  readonly jcl: string;
  readonly token: string;
  readonly symbols?: Readonly<Record<string, string>>;
  readonly maxRc: number;
  readonly timeoutMs: number;
  /** What the job is for, in failure messages. */
  readonly purpose: string;
  /**
   * Spool lines that mean failure. Defaults to {@link defaultSpoolFailures}; a step that
   * classifies its own output (RACF) passes its own, and may accept an RC above maxRc.
   */
  readonly judge?: (result: JobResult) => { readonly failures: readonly string[]; readonly acceptRc?: boolean };
}

/** What a step's job submission takes from the step and its prepared job: everything but its purpose, RC and judge. */
export function stepJob(
  spec: Pick<StepSpec, "env" | "id">,
  ctx: ApplyContext,
  job: Pick<PreparedJob, "jobname" | "jcl" | "token" | "symbols">,
): Omit<SubmitOnceOptions, "maxRc" | "purpose" | "judge"> {
  const { env } = spec;
  return {
    client: env.client,
    ctx,
    stepId: spec.id,
    owner: env.owner,
    timeoutMs: env.jobTimeoutMs,
    jobname: job.jobname,
    jcl: job.jcl,
    token: job.token,
    ...(job.symbols ? { symbols: job.symbols } : {}),
  };
}

/** The token line every job carries, so a job whose submit answer was lost can be found. */
export function jobToken(runToken: string, stepId: string): string {
  const plain = `${runToken}-${stepId.replace(/[^A-Za-z0-9]+/g, ".")}`;
  // `//* ZHA-TOKEN ` takes 14 columns; the token must end by column 71.
  if (plain.length <= 57) return plain;
  return `${runToken.slice(0, 40)}-${createHash("sha256").update(plain).digest("hex").slice(0, 16)}`;
}

/** Puts `//* ZHA-TOKEN <token>` after the JOB statement (and its continuations). */
export function withToken(jcl: string, token: string): string {
  const lines = jcl.replace(/\r\n/g, "\n").split("\n");
  let i = lines.findIndex((l) => /^\/\/\S+\s+JOB(\s|$)/.test(l));
  if (i < 0) return `//* ZHA-TOKEN ${token}\n${jcl}`;
  let first = true;
  while (i + 1 < lines.length && continues(lines[i]!, first)) {
    first = false;
    i++;
  }
  lines.splice(i + 1, 0, `//* ZHA-TOKEN ${token}`);
  return lines.join("\n");
}

function continues(line: string, first: boolean): boolean {
  const body = line.slice(2, 71);
  const rest = first ? body.replace(/^\S*\s+\S+\s*/, "") : body.trimStart();
  return operandField(rest).endsWith(",");
}

/** Sends the submit, or finds the job by its token when the answer was lost; never submits twice. */
async function submitOrFind(o: SubmitOnceOptions): Promise<JobDocument> {
  // On disk before the request leaves: a run cut short during the submit still knows to look for the job.
  await o.ctx.record.job({
    stepId: o.stepId,
    jobname: o.jobname,
    jobid: null,
    token: o.token,
    owner: o.owner,
    retcode: null,
    maxRc: o.maxRc,
  });
  let job: JobDocument;
  try {
    job = await o.client.jobs.submitJcl(o.jcl, o.symbols ? { symbols: o.symbols } : {});
  } catch (err) {
    if (!(err instanceof ZosmfError && err.kind === "submit-unknown")) throw err;
    o.ctx.progress(`the answer to the ${o.jobname} submission was lost; looking for the job by its token`);
    const found = await o.client.jobs.findSubmitted({ jobname: o.jobname, owner: o.owner, token: o.token });
    if (found.length === 0) {
      throw new HaError(
        `The submission of ${o.jobname} (${o.purpose}) has an unknown outcome: z/OSMF's answer was lost and no job with token ${o.token} is on the JES queue yet. It was not submitted again.`,
        { failureClass: "tool-failure", details: ["Look for the job on the JES queue before running this step again.", ...err.details] },
      );
    }
    job = found[0]!;
    o.ctx.progress(`found ${job.jobname}(${job.jobid}) on the JES queue; not submitting again`);
  }
  return job;
}

/**
 * Submits a job at most once. If the answer to the submit is lost, the job is looked for by its
 * token before anything else; it is never submitted again blindly. Waits within the timeout,
 * always reads the spool, and fails with the job id, RC, failing step and the spool lines
 * that explain it.
 */
export async function submitOnce(o: SubmitOnceOptions): Promise<JobResult> {
  const job = await submitOrFind(o);
  o.ctx.progress(`submitted ${job.jobname}(${job.jobid})`);
  // On disk before the wait: a run cut short still knows the job it left on the queue.
  await o.ctx.record.job({
    stepId: o.stepId,
    jobname: job.jobname,
    jobid: job.jobid,
    token: o.token,
    owner: o.owner,
    retcode: null,
    maxRc: o.maxRc,
  });

  const finished = (await o.client.jobs.waitForOutput(job, { timeoutMs: o.timeoutMs, ...(o.ctx.signal ? { signal: o.ctx.signal } : {}) }))
    .job;
  const retcode = finished.retcode ?? "UNKNOWN";
  await o.ctx.record.job({
    stepId: o.stepId,
    jobname: job.jobname,
    jobid: job.jobid,
    token: o.token,
    owner: o.owner,
    retcode,
    maxRc: o.maxRc,
  });

  const spool = await readAllSpool(o.client, finished);
  const rc = conditionCode(retcode);
  const result: JobResult = { job: finished, retcode, rc, spool };
  const verdict = o.judge ? o.judge(result) : { failures: defaultSpoolFailures(spool) };
  const rcBad = rc === null || (rc > o.maxRc && verdict.acceptRc !== true);
  if (rcBad || verdict.failures.length > 0) {
    const why =
      rc === null
        ? `ended with ${retcode}`
        : rc > o.maxRc
          ? `ended with ${retcode}, above the allowed ${o.maxRc}`
          : `ended with ${retcode} but its output reports failures`;
    const step = failingStep(spool);
    throw new HaError(`Job ${finished.jobname}(${finished.jobid}) for ${o.purpose} ${why}${step ? `; failing step ${step}` : ""}.`, {
      failureClass: "zos-failure",
      details: [...(verdict.failures.length ? verdict.failures : explainingLines(spool)).slice(0, 25)],
    });
  }
  return result;
}

async function readAllSpool(client: ZosmfClient, job: JobDocument): Promise<SpoolText[]> {
  const files = await client.jobs.spoolFiles(job);
  // Independent reads: side by side, kept in spool order.
  return Promise.all(
    files.map(async (f) => ({ ddname: f.ddname, stepname: f.stepname ?? "", text: await client.jobs.readSpool(job, f.id) })),
  );
}

export function conditionCode(retcode: string): number | null {
  const m = /^CC\s*(\d+)$/i.exec(retcode.trim());
  return m ? Number(m[1]) : null;
}

/**
 * Message ids that announce a failure on any spool line (MVS System Messages; the emulator
 * prints the same ids). Ids only, never wording: a line is a failure by the id it carries.
 */
const FAILURE_ID = [
  /\bIEF45[23]I\b/, // job not run: JCL error
  /\bIEFC\d{3}I\b/, // converter JCL errors (informational ones excepted below)
  /\bIEF6\d\dI\b/, // JCL statement errors
  /\bIEF212I\b/, // data set not found
  /\bIEF450I\b/, // job abended
  /\bIEF472I\b/, // step completion code: abend
  /\bIEA995I\b/, // symptom dump of an abend
  /\bCSV0(03|28)I\b/, // module not found, abend 806
  /\bIEC\d{3}I\b/,
  /\bIDC3\d{3}I\b/,
  /\bIKJ56\d{3}I\b/,
  /\bICH408I\b/, // not authorised
  /\bIOEZ\d{5}E\b/,
  /\bBPX[A-Z]?\d{3,4}E\b/,
  /\bFSUM\d{3,4}\b/,
];
/** IEFC ids that report, not fail: IEFC001I procedure expanded, IEFC002I INCLUDE expanded, IEFC653I substitution. */
const IEFC_INFORMATIONAL = /\bIEFC(001|002|653)I\b/;

const isFailureLine = (line: string) => FAILURE_ID.some((re) => re.test(line)) && !IEFC_INFORMATIONAL.test(line);

/** Lines of any spool file that announce a failure by message id, prefixed with where they were found. */
export function defaultSpoolFailures(spool: readonly SpoolText[]): string[] {
  const out: string[] = [];
  for (const f of spool) {
    for (const line of f.text.split(/\r?\n/)) {
      if (isFailureLine(line)) out.push(`${f.ddname}${f.stepname ? ` (${f.stepname})` : ""}: ${line.trim()}`);
    }
  }
  return out;
}

/** When no line matched a known failure, the JES messages are the best explanation. */
function explainingLines(spool: readonly SpoolText[]): string[] {
  const sys = spool.filter((f) => f.ddname === "JESYSMSG" || f.ddname === "JESMSGLG");
  return sys
    .flatMap((f) =>
      f.text
        .split(/\r?\n/)
        .filter((l) => l.trim())
        .map((l) => `${f.ddname}: ${l.trim()}`),
    )
    .slice(-15);
}

/** The step JES reports with the highest code, an abend, or "not executed". */
export function failingStep(spool: readonly SpoolText[]): string | undefined {
  let worst: { step: string; score: number } | undefined;
  for (const f of spool) {
    for (const line of f.text.split(/\r?\n/)) {
      const cc = /\bIEF142I\s+\S+\s+(\S+)\s+.*COND CODE\s+(\d+)/.exec(line);
      const abend = /\bIEF472I\s+\S+\s+(\S+)\s+.*COMPLETION CODE/.exec(line);
      const notRun = /\bIEF272I\s+\S+\s+(\S+)\s+.*NOT EXECUTED/.exec(line);
      const hit = cc
        ? { step: cc[1]!, score: Number(cc[2]) }
        : abend
          ? { step: abend[1]!, score: 100_000 }
          : notRun
            ? { step: notRun[1]!, score: 50_000 }
            : undefined;
      if (hit && hit.score > 0 && (!worst || hit.score > worst.score)) worst = hit;
    }
  }
  return worst?.step;
}
