/**
 * §1.2 submit: the internal reader's checks (first character, record length), the JCL
 * reader, then a queued job. Faults that decide a job's fate are applied here, by job name.
 */
import type { IncomingMessage } from "node:http";
import type { EmulatorContext } from "../http/context";
import type { Job } from "../state";
import { jesTexts, jobErrors, type ErrorForm } from "../zosmf-forms";
import { correlatorFor, jobIdFor, nextJobNumber } from "../ids";
import { readJcl } from "./jcl";
import { jclErrorSpool } from "./run-steps";
import { jesjclText, spoolFile, JobLog } from "./spool";

export interface SubmitRequest {
  text: string;
  /** Internal reader LRECL (X-IBM-Intrdr-Lrecl); null skips the check (data set input). */
  lrecl: number | null;
  defaultClass: string;
  symbols: Record<string, string>;
  user: string;
  /** System whose z/OSMF received the job. */
  system: string;
  source: "text" | "dataset" | "uss";
}

/** X-IBM-JCL-Symbol-<NAME> headers, names upper-cased (zowe-cli sends them so). */
export function symbolHeaders(req: IncomingMessage): Record<string, string> {
  const symbols: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    const m = /^x-ibm-jcl-symbol-(.+)$/i.exec(name);
    if (m && value !== undefined) symbols[m[1].toUpperCase()] = Array.isArray(value) ? value[0] : value;
  }
  return symbols;
}

/** Text of a cataloged procedure from the JES PROCLIB concatenation. */
function procFinder(ctx: EmulatorContext): (name: string) => string | null {
  return (name) => {
    for (const lib of ctx.state.proclibs) {
      const ds = ctx.state.datasets[lib];
      if (ds?.dsorg === "PO" && ds.members[name]) return ds.members[name].content;
    }
    return null;
  };
}

export function submitJob(ctx: EmulatorContext, request: SubmitRequest): { job: Job } | { error: ErrorForm } {
  const { text } = request;
  if (!text.startsWith("/")) return { error: jobErrors.noSlash() };
  if (request.lrecl !== null) {
    for (const line of text.replace(/\r\n?/g, "\n").split("\n")) {
      if (line.length > request.lrecl) return { error: jobErrors.recordTooLong(line.length, request.lrecl) };
    }
  }
  const read = readJcl(text, { symbols: request.symbols, findProc: procFinder(ctx) });
  if (!read.parsed || !read.jobname) return { error: jobErrors.notAJob() };

  const now = ctx.clock.now();
  const n = nextJobNumber(ctx.state);
  const execSystem = read.sysaff && ctx.state.systems[read.sysaff] ? read.sysaff : request.system;
  const { inputMs, activeMs } = ctx.options.jobTiming;
  const job: Job = {
    jobid: jobIdFor("JOB", n),
    jobname: read.jobname,
    owner: request.user,
    class: read.parsed.jobClass !== "A" ? read.parsed.jobClass : request.defaultClass,
    type: "JOB",
    status: "INPUT",
    retcode: null,
    correlator: correlatorFor(ctx.state, n, execSystem),
    execSystem,
    submittedAt: now,
    startsAt: now + inputMs,
    endsAt: now + inputMs + activeMs,
    jcl: read.substitutedText,
    spool: [],
    effectsApplied: false,
    steps: read.parsed.steps,
  };
  const listing = jesjclText(read.listing);
  const at = ctx.clock.date(now);

  const fate = ctx.faults.take(["jobFail", "jobNeverEnds"], [job.jobname]);
  const jclError = read.errors.length > 0 || (fate?.kind === "jobFail" && fate.jclError === true);

  if (jclError || read.scanOnly) {
    // The converter stops the job: no steps run, it goes straight to the output queue.
    const errors = read.errors.length > 0 ? read.errors : jclError ? [jesTexts.injectedJclError] : [];
    job.spool = jclError ? jclErrorSpool(job, listing, errors, at) : [spoolFile(3, "JESJCL", "JES2", null, listing, "V", 136)];
    job.retcode = jclError ? "JCL ERROR" : null;
    job.startsAt = now;
    job.endsAt = now;
    job.stepResults = [];
    job.effectsApplied = true;
  } else {
    if (fate?.kind === "jobNeverEnds") job.endsAt = null;
    if (fate?.kind === "jobFail") job.forcedCompletion = fate.abend ? { abend: fate.abend } : { cc: fate.cc ?? 8 };
    const log = new JobLog(job, execSystem, at);
    job.spool = [
      spoolFile(2, "JESMSGLG", "JES2", null, log.text(), "UA", 133),
      spoolFile(3, "JESJCL", "JES2", null, listing, "V", 136),
      spoolFile(4, "JESYSMSG", "JES2", null, "", "VA", 137),
    ];
  }
  ctx.state.jobs.push(job);
  ctx.log.submits.push({ at: now, jobname: job.jobname, jobid: job.jobid, source: request.source });
  return { job };
}
