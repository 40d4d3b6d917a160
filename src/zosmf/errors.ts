import { HaError, type FailureClass } from "../errors";

export type ZosmfErrorKind =
  | "auth"
  | "csrf"
  | "tls"
  | "unreachable"
  | "timeout"
  | "conflict"
  | "not-found"
  | "rejected"
  | "server"
  | "unexpected-response"
  | "submit-unknown";

/** z/OSMF's error report document, without the server-side `stack`. */
export interface ZosmfReport {
  readonly rc?: number;
  readonly reason?: number;
  readonly category?: number;
  readonly message?: string;
  readonly details?: readonly string[];
  /** Message id when z/OSMF answers with `{errorID, errorMsg}` (e.g. IZUG846W). */
  readonly errorId?: string;
}

/** The error's own fields, plus the summary its message is built from. */
export interface ZosmfErrorInit extends Pick<
  ZosmfError,
  "kind" | "method" | "path" | "status" | "code" | "report" | "hint" | "etag" | "retryAfterMs"
> {
  readonly summary?: string;
}

/**
 * Failure class by kind. z/OSMF answered clearly about the z/OS side (a missing member, a
 * conflicting change, a refused command or a service error report) → zos-failure: the tool
 * worked and the system said no. Anything that kept us from a meaningful answer (network,
 * TLS, credentials, CSRF, gateway errors, a body we cannot read) → tool-failure.
 */
function failureClassOf(kind: ZosmfErrorKind, report: ZosmfReport | undefined): FailureClass {
  switch (kind) {
    case "conflict":
    case "not-found":
    case "rejected":
      return "zos-failure";
    case "server":
      // A 5xx that carries a z/OS service report (e.g. dynamic allocation failed) is a z/OS answer.
      return report?.category !== undefined || report?.rc !== undefined ? "zos-failure" : "tool-failure";
    default:
      return "tool-failure";
  }
}

function reportLines(report: ZosmfReport | undefined): string[] {
  if (!report) return [];
  const lines = [...(report.details ?? [])];
  const codes = [
    report.rc !== undefined ? `rc=${report.rc}` : "",
    report.reason !== undefined ? `reason=${report.reason}` : "",
    report.category !== undefined ? `category=${report.category}` : "",
  ].filter(Boolean);
  if (codes.length) lines.push(codes.join(" "));
  return lines;
}

function describe(init: ZosmfErrorInit): string {
  const status = init.status !== undefined ? `HTTP ${init.status}` : "";
  const text = init.summary ?? [status, init.report?.message].filter(Boolean).join(" ");
  return (text || init.code || "request failed").replace(/[.\s]+$/, "");
}

/**
 * Every failure of a z/OSMF request. Holds what a user needs (status, method, path, z/OSMF's
 * report, a hint) and nothing that could leak credentials: no headers, no axios config, no cause.
 */
export class ZosmfError extends HaError {
  readonly kind: ZosmfErrorKind;
  readonly method: string;
  readonly path: string;
  readonly status?: number;
  /** Socket or TLS error code, e.g. ECONNRESET. */
  readonly code?: string;
  readonly report?: ZosmfReport;
  readonly hint?: string;
  /** Current ETag of the resource, on a conflict. */
  readonly etag?: string;
  /** How long z/OSMF asked us to wait before trying again. */
  readonly retryAfterMs?: number;
  /** Tries made, set when the request was retried. */
  attempts = 1;

  constructor(init: ZosmfErrorInit) {
    super(`z/OSMF ${init.method} ${init.path} failed: ${describe(init)}.${init.hint ? ` ${init.hint}` : ""}`, {
      failureClass: failureClassOf(init.kind, init.report),
      details: [...reportLines(init.report), ...(init.hint ? [`Hint: ${init.hint}`] : [])],
    });
    this.name = "ZosmfError";
    this.kind = init.kind;
    this.method = init.method;
    this.path = init.path;
    if (init.status !== undefined) this.status = init.status;
    if (init.code !== undefined) this.code = init.code;
    if (init.report !== undefined) this.report = init.report;
    if (init.hint !== undefined) this.hint = init.hint;
    if (init.etag !== undefined) this.etag = init.etag;
    if (init.retryAfterMs !== undefined) this.retryAfterMs = init.retryAfterMs;
  }
}

/**
 * A job submission whose answer was lost (timeout, reset, gateway error, unreadable reply):
 * the job may or may not be on the JES queue. Never resubmit blindly; look for it first
 * (`jobs.findSubmitted`).
 */
export class SubmitOutcomeUnknownError extends ZosmfError {
  /** The failure that hid the outcome. */
  readonly lostAs: ZosmfErrorKind;
  /** Job name from the JOB card, when the JCL text was submitted. */
  readonly jobname?: string;

  constructor(lost: ZosmfError, jobname?: string) {
    super({
      kind: "submit-unknown",
      method: lost.method,
      path: lost.path,
      ...(lost.status !== undefined ? { status: lost.status } : {}),
      ...(lost.code !== undefined ? { code: lost.code } : {}),
      ...(lost.report !== undefined ? { report: lost.report } : {}),
      summary: `the job may or may not have been submitted (${lost.status ? `HTTP ${lost.status}` : (lost.code ?? lost.kind)})`,
      hint: `Look for the job${jobname ? ` ${jobname}` : ""} on the JES queue before submitting again.`,
    });
    this.name = "SubmitOutcomeUnknownError";
    this.lostAs = lost.kind;
    if (jobname !== undefined) this.jobname = jobname;
  }
}
