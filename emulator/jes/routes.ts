/** §1 `/zosmf/restjobs/jobs`: submit, status, list, spool files and records, purge, modify. */
import type { IncomingMessage } from "node:http";
import { header, parseJsonObject } from "../http/body";
import type { RequestScope } from "../http/context";
import type { Reply } from "../http/reply";
import { globMatch } from "../faults";
import type { Job } from "../state";
import { jobErrors, jobFeedbackStatus, type ErrorForm } from "../zosmf-forms";
import { splitDsn } from "./jcl-operands";
import { jobDocument, spoolFileDocument } from "./job-document";
import { submitJob, symbolHeaders, type SubmitRequest } from "./submit";

const ROOT = "/zosmf/restjobs/jobs";
const QUERY_VALUE = /^[A-Z0-9@#$*%?]{1,8}$/;

type Found = { job: Job } | { missing: () => void };

function findJob(scope: RequestScope, reply: Reply, parts: string[]): Found & { rest: string[] } {
  const jobs = scope.ctx.state.jobs;
  // One segment ending in ":" (or %3A) is a correlator; otherwise name and id.
  if (parts[0] && parts[0].includes(":")) {
    const job = jobs.find((j) => j.correlator === parts[0]);
    return job ? { job, rest: parts.slice(1) } : { missing: () => reply.error(jobErrors.noJobFound(parts[0], "")), rest: [] };
  }
  const name = (parts[0] ?? "").toUpperCase();
  const id = (parts[1] ?? "").toUpperCase();
  const job = jobs.find((j) => j.jobname === name && j.jobid === id);
  if (job) return { job, rest: parts.slice(2) };
  // §1.6 REC: a known job name with a malformed or unknown id is a failed lookup (500), not "no job found".
  if (jobs.some((j) => j.jobname === name)) return { missing: () => reply.error(jobErrors.lookupFailed(name, id)), rest: [] };
  return { missing: () => reply.error(jobErrors.noJobFound(name, id)), rest: [] };
}

function documentOptions(scope: RequestScope, url: URL) {
  return {
    stepData: url.searchParams.get("step-data")?.toUpperCase() === "Y",
    execData: url.searchParams.get("exec-data")?.toUpperCase() === "Y",
    isoAt: (ms: number) => scope.ctx.clock.iso(ms),
  };
}

export async function handleJobs(scope: RequestScope, req: IncomingMessage, reply: Reply, url: URL, body: string): Promise<void> {
  const parts = url.pathname
    .slice(ROOT.length)
    .split("/")
    .filter(Boolean)
    .map((p) => decodeURIComponent(p));
  // `/jobs/-JESB` names a secondary JES; the emulator has one.
  if (parts.length === 1 && parts[0].startsWith("-")) parts.shift();
  const method = req.method ?? "GET";

  if (parts.length === 0) {
    if (method === "PUT") return submit(scope, req, reply, body);
    if (method === "GET") return list(scope, reply, url);
    return reply.error(jobErrors.noRoute(method, url.pathname));
  }

  const found = findJob(scope, reply, parts);
  if ("missing" in found) return found.missing();
  const { job, rest } = found;
  const base = scope.origin.baseUrl;

  if (rest.length === 0) {
    if (method === "GET") return reply.json(200, jobDocument(job, base, documentOptions(scope, url)));
    if (method === "DELETE") return purge(scope, req, reply, job);
    if (method === "PUT") return modify(scope, reply, job, body);
  }
  if (method === "GET" && rest[0] === "files") {
    if (rest.length === 1)
      return reply.json(
        200,
        job.spool.map((f) => spoolFileDocument(job, f, base)),
      );
    if (rest.length === 3 && rest[2] === "records") {
      if (rest[1].toUpperCase() === "JCL") return reply.text(200, withNewline(job.jcl));
      const file = job.spool.find((f) => String(f.id) === rest[1]);
      if (!file) return reply.error(jobErrors.noSpoolFile(job.jobname, job.jobid, rest[1]));
      return reply.text(200, withNewline(file.text));
    }
  }
  reply.error(jobErrors.noRoute(method, url.pathname.slice(ROOT.length)));
}

const withNewline = (text: string) => (text === "" || text.endsWith("\n") ? text : `${text}\n`);

async function submit(scope: RequestScope, req: IncomingMessage, reply: Reply, body: string): Promise<void> {
  const { ctx, origin, user } = scope;
  const contentType = header(req, "content-type") ?? "text/plain";
  const common = {
    defaultClass: (header(req, "x-ibm-intrdr-class") ?? "A").toUpperCase(),
    symbols: symbolHeaders(req),
    user,
    system: origin.system,
  };
  let request: SubmitRequest;
  const json = contentType.includes("application/json") ? parseJsonObject(body) : undefined;
  if (json && typeof json.file === "string") {
    const source = readSubmitFile(scope, json.file);
    if ("error" in source) return reply.error(source.error);
    request = { ...common, text: source.text, lrecl: null, source: source.kind };
  } else {
    const lreclHeader = Number(header(req, "x-ibm-intrdr-lrecl") ?? "80");
    request = { ...common, text: body, lrecl: Number.isFinite(lreclHeader) && lreclHeader > 0 ? lreclHeader : 80, source: "text" };
  }
  const result = submitJob(ctx, request);
  if ("error" in result) return reply.error(result.error);
  // The answer describes the job as just queued (§1.2: INPUT, retcode null).
  reply.json(201, jobDocument(result.job, origin.baseUrl, { isoAt: (ms) => ctx.clock.iso(ms) }));
}

/** `//'DSN(MEM)'` or a USS path, as zowe-cli sends in {"file": ...}. */
function readSubmitFile(scope: RequestScope, file: string): { text: string; kind: "dataset" | "uss" } | { error: ErrorForm } {
  const state = scope.ctx.state;
  if (file.startsWith("//")) {
    const spec = file.slice(2).replace(/^'(.*)'$/, "$1");
    // The REST `file` value is not JCL; it is matched in upper case as before (INF).
    const { dsn, member } = splitDsn(spec.toUpperCase());
    const ds = state.datasets[dsn];
    const shown = member ? `${dsn}(${member})` : dsn;
    if (!ds) return { error: jobErrors.submitDatasetNotFound(shown) };
    if (ds.dsorg === "PO") {
      const m = member ? ds.members[member] : undefined;
      if (!m) return { error: jobErrors.submitMemberNotFound(file) };
      return { text: m.content, kind: "dataset" };
    }
    if (ds.dsorg === "PS") return { text: ds.content, kind: "dataset" };
    // A VSAM cluster cannot be opened as JCL input.
    return { error: jobErrors.submitMemberNotFound(file) };
  }
  const uss = state.uss.files[file];
  if (!uss) return { error: jobErrors.submitFileNotFound(file) };
  return { text: uss.content, kind: "uss" };
}

function list(scope: RequestScope, reply: Reply, url: URL): void {
  const q = url.searchParams;
  const owner = (q.get("owner") ?? scope.user).toUpperCase();
  const prefix = (q.get("prefix") ?? "*").toUpperCase();
  if (!QUERY_VALUE.test(owner)) return reply.error(jobErrors.badQuery("owner"));
  if (!QUERY_VALUE.test(prefix)) return reply.error(jobErrors.badQuery("prefix"));
  const jobid = q.get("jobid")?.toUpperCase();
  const status = q.get("status")?.toUpperCase();
  const max = Number(q.get("max-jobs") ?? "1000") || 1000;
  const options = { execData: q.get("exec-data")?.toUpperCase() === "Y", isoAt: (ms: number) => scope.ctx.clock.iso(ms) };
  const jobs = scope.ctx.state.jobs
    .filter((j) => globMatch(owner, j.owner) && globMatch(prefix, j.jobname))
    .filter((j) => !jobid || globMatch(jobid, j.jobid))
    .filter((j) => !status || status === "*" || j.status === status)
    .slice(0, max);
  reply.json(
    200,
    jobs.map((j) => jobDocument(j, scope.origin.baseUrl, options)),
  );
}

function feedback(scope: RequestScope, job: Job, message?: string) {
  return {
    jobid: job.jobid,
    jobname: job.jobname,
    "original-jobid": job.jobid,
    owner: job.owner,
    member: "JES2",
    sysname: job.execSystem,
    "job-correlator": job.correlator,
    status: "0",
    ...(message ? { message } : {}),
  };
}

function isSync(req: IncomingMessage, body?: Record<string, unknown>): boolean {
  return (header(req, "x-ibm-job-modify-version") ?? String(body?.version ?? "1.0")) === "2.0";
}

function purge(scope: RequestScope, req: IncomingMessage, reply: Reply, job: Job): void {
  const jobs = scope.ctx.state.jobs;
  jobs.splice(jobs.indexOf(job), 1);
  reply.json(isSync(req) ? jobFeedbackStatus.sync : jobFeedbackStatus.async, feedback(scope, job));
}

function modify(scope: RequestScope, reply: Reply, job: Job, text: string): void {
  const body = parseJsonObject(text) ?? {};
  const request = String(body.request ?? "").toLowerCase();
  const status = String(body.version ?? "1.0") === "2.0" ? jobFeedbackStatus.sync : jobFeedbackStatus.async;
  if (request === "cancel") {
    if (job.status !== "OUTPUT") {
      // Canceled before it finished: no step effects, the job goes to the output queue.
      job.status = "OUTPUT";
      job.retcode = "CANCELED";
      job.effectsApplied = true;
      job.endsAt = scope.ctx.clock.now();
    }
    return reply.json(status, feedback(scope, job));
  }
  if (request === "hold" || request === "release") return reply.json(status, feedback(scope, job));
  if (typeof body.class === "string") {
    job.class = body.class.toUpperCase();
    return reply.json(status, feedback(scope, job));
  }
  reply.error(jobErrors.noRoute("PUT", `/${job.jobname}/${job.jobid}`));
}
