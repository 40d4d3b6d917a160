import { CONNECT_TIMEOUT_CODE } from "./agent";
import { isAxiosError } from "./axios-lib";
import type { AuthKind } from "./connection";
import { ZosmfError, type ZosmfReport } from "./errors";

/*
 * Turns what axios and the network report into one ZosmfError: z/OSMF's error document when
 * there is one, else the socket's code, each with a hint in the words a Zowe user knows.
 */

const TLS_CODES = new Set([
  "SELF_SIGNED_CERT_IN_CHAIN",
  "DEPTH_ZERO_SELF_SIGNED_CERT",
  "UNABLE_TO_VERIFY_LEAF_SIGNATURE",
  "UNABLE_TO_GET_ISSUER_CERT",
  "UNABLE_TO_GET_ISSUER_CERT_LOCALLY",
  "CERT_HAS_EXPIRED",
  "CERT_NOT_YET_VALID",
  "CERT_UNTRUSTED",
  "ERR_TLS_CERT_ALTNAME_INVALID",
  "EPROTO",
]);
const UNREACHABLE_CODES = new Set(["ECONNREFUSED", "ENOTFOUND", "EHOSTUNREACH", "ENETUNREACH", "EAI_AGAIN", "ECONNRESET", "EPIPE"]);
const TIMEOUT_CODES = new Set(["ETIMEDOUT", "ECONNABORTED", "ESOCKETTIMEDOUT"]);

/** Context the converter needs for its hints; never the credentials themselves. */
export interface ErrorContext {
  readonly method: string;
  readonly path: string;
  readonly host: string;
  readonly port: number;
  readonly auth: AuthKind | "none";
  readonly tokenType?: string;
  readonly timeoutMs: number;
  /** --establish-connection-timeout, when one was given. */
  readonly connectTimeoutMs?: number;
}

function parseReport(data: unknown): ZosmfReport | undefined {
  let body = data;
  if (typeof body === "string") {
    try {
      body = JSON.parse(body);
    } catch {
      return undefined;
    }
  }
  if (!body || typeof body !== "object" || Array.isArray(body)) return undefined;
  const raw = body as Record<string, unknown>;
  const num = (v: unknown): number | undefined =>
    typeof v === "number" ? v : typeof v === "string" && /^-?\d+$/.test(v) ? Number(v) : undefined;
  const details: string[] = [];
  if (Array.isArray(raw.details)) details.push(...raw.details.map(String));
  if (Array.isArray(raw.messages)) {
    for (const m of raw.messages) {
      const content = (m as { messageContent?: unknown } | null)?.messageContent;
      if (typeof content === "string") details.push(content);
    }
  }
  const message = typeof raw.message === "string" ? raw.message : typeof raw.errorMsg === "string" ? raw.errorMsg : undefined;
  const report: ZosmfReport = {
    ...(num(raw.rc) !== undefined ? { rc: num(raw.rc) } : {}),
    ...(num(raw.reason) !== undefined ? { reason: num(raw.reason) } : {}),
    ...(num(raw.category) !== undefined ? { category: num(raw.category) } : {}),
    ...(message !== undefined ? { message } : {}),
    ...(details.length ? { details } : {}),
    ...(typeof raw.errorID === "string" ? { errorId: raw.errorID } : {}),
  };
  return Object.keys(report).length ? report : undefined;
}

/** Retry-After is either delay seconds or an HTTP date; anything else is ignored. */
export function parseRetryAfter(value: unknown, now: number = Date.now()): number | undefined {
  if (typeof value !== "string" || !value.trim()) return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const at = Date.parse(text);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

export function normalizeEtag(value: unknown): string | undefined {
  if (typeof value !== "string" || !value) return undefined;
  // z/OSMF is inconsistent about quoting; keep the bare value and send it bare.
  return value.replace(/^W\//, "").replace(/^"(.*)"$/, "$1");
}

function authHint(ctx: ErrorContext): string {
  switch (ctx.auth) {
    case "token":
      return `The ${ctx.tokenType ?? "session"} token was refused; it may have expired. Log in again for a new token.`;
    case "cert":
      return "The client certificate was refused; check that it is mapped to a z/OS user ID that may use z/OSMF.";
    case "basic":
      return "Check the user name and password, and that the user is in IZUUSER or IZUADMIN.";
    default:
      return "No credentials were sent; supply a user and password, a token, or a client certificate.";
  }
}

function fromResponse(ctx: ErrorContext, status: number, headers: Record<string, unknown>, data: unknown): ZosmfError {
  const base = { method: ctx.method, path: ctx.path, status };
  const report = parseReport(data);
  const retryAfterMs = parseRetryAfter(headers["retry-after"]);
  const rawText = typeof data === "string" ? data : "";
  if (status === 401)
    return new ZosmfError({
      ...base,
      kind: "auth",
      ...(report ? { report } : {}),
      summary: "HTTP 401 not authenticated",
      hint: authHint(ctx),
    });
  if (status === 403) {
    const csrf = report?.errorId === "IZUG846W" || /IZUG846W/.test(report?.message ?? rawText);
    if (csrf) {
      return new ZosmfError({
        ...base,
        kind: "csrf",
        ...(report ? { report } : {}),
        summary: "HTTP 403 cross-site request rejected (IZUG846W)",
        hint: "The X-CSRF-ZOSMF-HEADER header did not reach z/OSMF; check that no proxy or gateway strips it.",
      });
    }
    return new ZosmfError({
      ...base,
      kind: "auth",
      ...(report ? { report } : {}),
      hint: "The user is not authorized for this z/OSMF service or resource; check its SAF profiles.",
    });
  }
  if (status === 404) return new ZosmfError({ ...base, kind: "not-found", ...(report ? { report } : {}) });
  if (status === 412) {
    const etag = normalizeEtag(headers["etag"]);
    return new ZosmfError({
      ...base,
      kind: "conflict",
      ...(report ? { report } : {}),
      ...(etag ? { etag } : {}),
      summary: "HTTP 412 the content changed since it was read",
      hint: "Read it again and reapply the change.",
    });
  }
  if (status === 429 || status >= 500) {
    return new ZosmfError({
      ...base,
      kind: "server",
      ...(report ? { report } : {}),
      ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
    });
  }
  if (status >= 400) return new ZosmfError({ ...base, kind: "rejected", ...(report ? { report } : {}) });
  return new ZosmfError({ ...base, kind: "unexpected-response", ...(report ? { report } : {}), summary: `unexpected HTTP ${status}` });
}

function socketCode(err: unknown): string | undefined {
  const e = err as { code?: unknown; cause?: { code?: unknown; errors?: { code?: unknown }[] } } | undefined;
  // Dual-stack connects fail with an AggregateError whose code may sit on the inner errors only.
  const code = e?.cause?.code ?? e?.code ?? e?.cause?.errors?.[0]?.code;
  return typeof code === "string" ? code : undefined;
}

/** Converts whatever a request threw into a {@link ZosmfError}. */
export function toZosmfError(err: unknown, ctx: ErrorContext): ZosmfError {
  if (err instanceof ZosmfError) return err;
  if (isAxiosError(err) && err.response) {
    const headers = Object.fromEntries(Object.entries(err.response.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
    return fromResponse(ctx, err.response.status, headers, err.response.data);
  }
  const code = socketCode(err);
  const base = { method: ctx.method, path: ctx.path, ...(code ? { code } : {}) };
  const where = `${ctx.host}:${ctx.port}`;
  if (code && TLS_CODES.has(code)) {
    return new ZosmfError({
      ...base,
      kind: "tls",
      summary: `TLS handshake with ${where} failed (${code})`,
      hint: "The server certificate is not trusted: give Node the CA that signed it (NODE_EXTRA_CA_CERTS=ca.pem), or use --reject-unauthorized false only for a test system you trust.",
    });
  }
  if (code === CONNECT_TIMEOUT_CODE) {
    const seconds = (ctx.connectTimeoutMs ?? 0) / 1000;
    return new ZosmfError({
      ...base,
      kind: "timeout",
      summary: `no connection to ${where} within ${seconds} s (${code})`,
      hint: "Nothing completed the connection (TCP and TLS) in time; check the host, the port and any firewall, or raise --establish-connection-timeout.",
    });
  }
  if (code && TIMEOUT_CODES.has(code)) {
    return new ZosmfError({
      ...base,
      kind: "timeout",
      summary: `no answer from ${where} within ${ctx.timeoutMs} ms (${code})`,
      hint: "z/OSMF may be slow or overloaded; raise --completion-timeout (seconds) or check the network.",
    });
  }
  if (code && UNREACHABLE_CODES.has(code)) {
    const hint =
      code === "ECONNREFUSED"
        ? `Nothing accepted the connection at ${where}; check the hostname and port, and that z/OSMF is started.`
        : code === "ENOTFOUND" || code === "EAI_AGAIN"
          ? `The host name ${ctx.host} could not be resolved; check the hostname.`
          : code === "ECONNRESET" || code === "EPIPE"
            ? `The connection to ${where} was dropped; a gateway or z/OSMF restart may be the cause.`
            : `No route to ${where}; check the network.`;
    return new ZosmfError({ ...base, kind: "unreachable", summary: `cannot reach ${where} (${code})`, hint });
  }
  const message = err instanceof Error && err.message ? err.message : "unknown failure";
  return new ZosmfError({ ...base, kind: "unexpected-response", summary: message });
}
