/** §1.3 job document and §1.4 spool file list, as z/OSMF returns them. */
import type { Job, SpoolFile } from "../state";
import { jobPhases } from "../zosmf-forms";

export function jobUrl(baseUrl: string, job: Job): string {
  return `${baseUrl}/zosmf/restjobs/jobs/${encodeURIComponent(job.correlator)}`;
}

export interface DocumentOptions {
  stepData?: boolean;
  execData?: boolean;
  isoAt: (ms: number) => string;
}

export function jobDocument(job: Job, baseUrl: string, options: DocumentOptions): Record<string, unknown> {
  const url = jobUrl(baseUrl, job);
  const phase = jobPhases[job.status];
  const doc: Record<string, unknown> = {
    owner: job.owner,
    phase: phase.phase,
    subsystem: "JES2",
    "phase-name": phase.name,
    "job-correlator": job.correlator,
    type: job.type,
    url,
    jobid: job.jobid,
    class: job.class,
    "files-url": `${url}/files`,
    jobname: job.jobname,
    status: job.status,
    retcode: job.status === "OUTPUT" ? job.retcode : null,
  };
  if (options.execData) {
    doc["exec-system"] = job.execSystem;
    doc["exec-member"] = job.execSystem;
    doc["exec-submitted"] = options.isoAt(job.submittedAt);
    doc["exec-started"] = job.status === "INPUT" ? null : options.isoAt(job.startsAt);
    doc["exec-ended"] = job.status === "OUTPUT" && job.endsAt !== null ? options.isoAt(job.endsAt) : null;
  }
  if (options.stepData) {
    const results = job.stepResults ?? [];
    doc["step-data"] = (job.steps ?? []).map((step, i) => {
      const result = results[i];
      return {
        "step-name": step.name || `STEP${i + 1}`,
        "proc-step-name": step.procStepName ?? "",
        "program-name": step.pgm ?? "",
        "step-number": i + 1,
        smfid: job.execSystem,
        active: job.status === "ACTIVE" && i === 0,
        completion: result ? result.completion : null,
      };
    });
  }
  return doc;
}

export function spoolFileDocument(job: Job, file: SpoolFile, baseUrl: string): Record<string, unknown> {
  return {
    jobid: job.jobid,
    jobname: job.jobname,
    recfm: file.recfm,
    "byte-count": Buffer.byteLength(file.text),
    "record-count": file.text === "" ? 0 : file.text.split("\n").length,
    "job-correlator": job.correlator,
    class: file.ddname.startsWith("JES") ? job.class : job.class,
    id: file.id,
    ddname: file.ddname,
    "records-url": `${jobUrl(baseUrl, job)}/files/${file.id}/records`,
    lrecl: file.lrecl,
    subsystem: "JES2",
    stepname: file.stepname,
    procstep: file.procstep,
  };
}
