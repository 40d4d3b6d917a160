import { createHash } from "node:crypto";
import { setMaxListeners } from "node:events";
import type { AxiosInstance, AxiosResponse, InternalAxiosRequestConfig, RawAxiosRequestHeaders } from "axios";
import {
  baseUrlOf,
  DEFAULT_REQUEST_TIMEOUT_MS,
  basicHeaderOf,
  resolveAuth,
  retryPolicyOf,
  validateConnection,
  type ResolvedAuth,
  type RetryPolicy,
  type ZosmfConnection,
} from "./connection";
import { registerSecrets } from "../engine/redact";
import type { LogSink } from "../engine/types";
import { agentFor } from "./agent";
import { axiosLib } from "./axios-lib";
import { ZosmfError } from "./errors";
import { toZosmfError, type ErrorContext } from "./to-zosmf-error";
import { acquireSession, admitUnlessAborted, HostSession, type Admission, type SessionTransport } from "./session";
import { withRetry } from "./retry";

/** One finished HTTP exchange, for counting and timing requests. */
export interface RequestEvent {
  readonly method: string;
  readonly path: string;
  /** Absent when no response came back (network failure, timeout). */
  readonly status?: number;
  readonly ms: number;
  /** 1 for the first try, higher for retries. */
  readonly attempt: number;
}

export interface ZosmfClientOptions {
  /** Called after each HTTP exchange; exceptions in it are ignored. */
  readonly onRequest?: (event: RequestEvent) => void;
  /** Gets one diagnostic line per HTTP exchange and per poll; never a credential, header or body. */
  readonly log?: LogSink;
  /** Ends every request of the client, and its retries, when aborted (an interrupted command). */
  readonly signal?: AbortSignal;
}

/** Per-request bookkeeping carried on the axios config. */
interface RequestMeta {
  attempt: number;
  startedAt: number;
}
type ConfigWithMeta = InternalAxiosRequestConfig & { zosmfMeta?: RequestMeta };

export const CSRF_HEADER = "X-CSRF-ZOSMF-HEADER";

function pathOf(config: InternalAxiosRequestConfig): string {
  // The error, the event and the log name the z/OSMF path only: no host, no user, no query, no fragment.
  const url = config.url ?? "";
  const bare = url.split(/[?#]/)[0] ?? "";
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(bare)) return bare;
  try {
    return new URL(bare).pathname;
  } catch {
    return "";
  }
}

/** Tells the observers of an exchange (onRequest, the log) that it finished. */
function reporter(options: ZosmfClientOptions): (config: ConfigWithMeta, status: number | undefined, errorCode?: string) => void {
  return (config, status, errorCode) => {
    if ((!options.onRequest && !options.log) || !config.zosmfMeta) return;
    const event: RequestEvent = {
      method: (config.method ?? "get").toUpperCase(),
      path: pathOf(config),
      ...(status !== undefined ? { status } : {}),
      ms: performance.now() - config.zosmfMeta.startedAt,
      attempt: config.zosmfMeta.attempt,
    };
    try {
      options.onRequest?.(event);
      options.log?.debug(requestLine(event, errorCode));
    } catch {
      // A faulty observer must not change the outcome of a request.
    }
  };
}

/** A network error's code (ECONNRESET, ETIMEDOUT): a fixed word, safe to log. */
function codeOf(err: unknown): string | undefined {
  const code = (err as { code?: unknown }).code;
  return typeof code === "string" ? code : undefined;
}

/** The log line of one exchange: method, path, status (or the network error's code), time. */
export function requestLine(event: RequestEvent, errorCode?: string): string {
  const outcome =
    event.status !== undefined
      ? String(event.status)
      : `no response${errorCode && /^[A-Z][A-Z0-9_]*$/.test(errorCode) ? ` (${errorCode})` : ""}`;
  const attempt = event.attempt > 1 ? ` attempt ${event.attempt}` : "";
  return `z/OSMF ${event.method} ${event.path} ${outcome} ${Math.round(event.ms)} ms${attempt}`;
}

export interface ZosmfHttp {
  readonly axios: AxiosInstance;
  /** Which credentials were chosen (never the credentials themselves). */
  readonly authKind: ResolvedAuth["kind"];
  readonly retryPolicy: RetryPolicy;
  readonly signal?: AbortSignal;
  /** Logs off when the client logged on, then releases kept-alive sockets. */
  close(): Promise<void>;
}

export const LOGON_PATH = "/zosmf/services/authenticate";

/**
 * Whether a reported exchange is a logon (POST to the authentication service, behind any base
 * path): what a count of authentication requests per command counts. Its logoff is a DELETE.
 */
export function isLogonRequest(event: Pick<RequestEvent, "method" | "path">): boolean {
  return event.method === "POST" && event.path.replace(/\/+$/, "").endsWith(LOGON_PATH);
}

/**
 * How long a logoff may take. It is sent even after the run was interrupted (so the logon token
 * does not stay valid on z/OS), never with the run's signal, so it needs a short limit of its own.
 */
export const LOGOFF_TIMEOUT_MS = 5_000;

/** Requests the session itself sends (logon, logoff) carry their own credentials. */
type SessionConfig = ConfigWithMeta & { zosmfBypass?: boolean; zosmfAdmission?: Admission; zosmfRenewed?: boolean };

function transportOf(instance: AxiosInstance, basicHeader: string | undefined): SessionTransport {
  return {
    logon: async () => {
      const res = await instance.request({
        method: "POST",
        url: LOGON_PATH,
        headers: basicHeader ? { Authorization: basicHeader } : {},
        validateStatus: () => true,
        zosmfBypass: true,
      } as Parameters<AxiosInstance["request"]>[0]);
      const raw = res.headers["set-cookie"] as unknown;
      const setCookie = Array.isArray(raw) ? raw.map(String) : typeof raw === "string" ? [raw] : [];
      return { status: res.status, setCookie };
    },
    logoff: async (cookie) => {
      await instance.request({
        method: "DELETE",
        url: LOGON_PATH,
        headers: { Cookie: cookie },
        timeout: LOGOFF_TIMEOUT_MS,
        // Its own signal, so the interrupted run's signal is not put on it (see the request interceptor).
        signal: AbortSignal.timeout(LOGOFF_TIMEOUT_MS),
        validateStatus: () => true,
        zosmfBypass: true,
      } as Parameters<AxiosInstance["request"]>[0]);
    },
  };
}

/** Which z/OSMF, as whom: the credentials only as a digest, so the key never holds a secret. */
function sessionKey(conn: ZosmfConnection): string {
  const who = createHash("sha256")
    .update(JSON.stringify([conn.user, conn.password, conn.tokenType, conn.tokenValue, conn.certFile, conn.certKeyFile]))
    .digest("hex");
  return JSON.stringify([baseUrlOf(conn).toLowerCase(), conn.rejectUnauthorized !== false, who]);
}

/**
 * Every request waits for the host's session and carries its credentials; every answer settles
 * it (a 401 ends it, an expired logon token is renewed once) and is reported and converted.
 */
function installInterceptors(
  instance: AxiosInstance,
  session: HostSession,
  report: ReturnType<typeof reporter>,
  errorContext: (config: ConfigWithMeta | undefined) => ErrorContext,
  signal: AbortSignal | undefined,
): void {
  instance.interceptors.request.use(async (config: SessionConfig) => {
    config.zosmfMeta = { attempt: config.zosmfMeta?.attempt ?? 1, startedAt: performance.now() };
    // The logon too: an interrupted command waits for no request. The logoff carries its own signal.
    if (signal && !config.signal) config.signal = signal;
    if (config.zosmfBypass) return config;
    const admission = await admitUnlessAborted(session, config.signal as AbortSignal | undefined);
    config.zosmfAdmission = admission;
    for (const [name, value] of Object.entries(admission.headers)) config.headers.set(name, value);
    return config;
  });
  instance.interceptors.response.use(
    (response) => {
      const config = response.config as SessionConfig;
      report(config, response.status);
      if (config.zosmfAdmission) session.settle(config.zosmfAdmission, response.status);
      return response;
    },
    (err: unknown) => {
      // The session's own refusal, or a logon that failed: already a ZosmfError, nothing more to add.
      if (err instanceof ZosmfError) return Promise.reject(err);
      const config = (err as { config?: SessionConfig }).config;
      const status = (err as { response?: AxiosResponse }).response?.status;
      if (config) report(config, status, codeOf(err));
      const admission = config?.zosmfAdmission;
      if (config && admission && status === 401 && !config.zosmfRenewed && session.canRenew(admission)) {
        // The logon's token expired mid-run: log on again and send this request once more.
        session.settle(admission, undefined);
        return instance.request({ ...config, zosmfAdmission: undefined, zosmfRenewed: true } as Parameters<AxiosInstance["request"]>[0]);
      }
      const error = toZosmfError(err, errorContext(config));
      if (admission) session.settle(admission, status, status === 401 ? error : undefined);
      return Promise.reject(error);
    },
  );
}

/**
 * The axios instance every operation goes through: base URL, keep-alive agent with the TLS
 * settings, one logon session per host (see HostSession), the CSRF header, timeouts, and
 * failures converted to ZosmfError.
 */
export function createZosmfHttp(conn: ZosmfConnection, options: ZosmfClientOptions = {}): ZosmfHttp {
  validateConnection(conn);
  const auth = resolveAuth(conn);
  const retryPolicy = retryPolicyOf(conn);
  const timeout = conn.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
  const agent = agentFor(conn, auth);

  const instance = axiosLib().create({
    baseURL: baseUrlOf(conn),
    timeout,
    ...(conn.protocol === "https" ? { httpsAgent: agent } : { httpAgent: agent }),
    // A redirect could replay a PUT (a job submission) somewhere we did not choose.
    maxRedirects: 0,
    headers: { [CSRF_HEADER]: "true" } as RawAxiosRequestHeaders,
  });
  const basicHeader = basicHeaderOf(conn);
  // Whatever prints a message of this process masks these values wherever they appear.
  registerSecrets(conn.password, conn.tokenValue, basicHeader?.slice("Basic ".length));
  const { session, release } = acquireSession(
    sessionKey(conn),
    () => new HostSession(auth, basicHeader, transportOf(instance, basicHeader), `${conn.hostname}:${conn.port}`),
  );

  const errorContext = (config: ConfigWithMeta | undefined): ErrorContext => ({
    method: (config?.method ?? "get").toUpperCase(),
    path: config ? pathOf(config) : "",
    host: conn.hostname,
    port: conn.port,
    auth: auth.kind,
    ...(auth.kind === "token" ? { tokenType: auth.tokenType } : {}),
    timeoutMs: timeout,
    ...(conn.connectTimeoutMs !== undefined ? { connectTimeoutMs: conn.connectTimeoutMs } : {}),
  });

  const own = ownSignal(options.signal);
  installInterceptors(instance, session, reporter(options), errorContext, own?.signal);

  return {
    axios: instance,
    authKind: auth.kind,
    retryPolicy,
    ...(own ? { signal: own.signal } : {}),
    close: async () => {
      own?.release();
      await release();
      agent.destroy();
    },
  };
}

/**
 * The client's own copy of the caller's signal: every request in flight listens to it (a
 * sysplex is read in one wave), and the caller's signal carries one listener per client only.
 */
function ownSignal(outer: AbortSignal | undefined): { signal: AbortSignal; release(): void } | undefined {
  if (!outer) return undefined;
  const inner = new AbortController();
  setMaxListeners(0, inner.signal);
  const forward = () => inner.abort(outer.reason);
  if (outer.aborted) forward();
  else outer.addEventListener("abort", forward, { once: true });
  return { signal: inner.signal, release: () => outer.removeEventListener("abort", forward) };
}

/** A request as the operations describe it. */
export interface ZosmfRequest {
  readonly method: "GET" | "PUT" | "POST" | "DELETE";
  readonly path: string;
  readonly query?: Readonly<Record<string, string | number | undefined>>;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: unknown;
  /** `text` keeps the body as a string even when it looks like JSON. @default "json" */
  readonly responseType?: "json" | "text";
  /** Whether repeating the request cannot change the outcome. @default false */
  readonly repeatable?: boolean;
  readonly signal?: AbortSignal;
}

export type Send = <T = unknown>(request: ZosmfRequest) => Promise<AxiosResponse<T>>;

/** Sends one request; repeatable ones go through the retry policy, others are tried once. */
export function createSend(zhttp: ZosmfHttp): Send {
  return async <T>(req: ZosmfRequest): Promise<AxiosResponse<T>> => {
    const signal = req.signal && zhttp.signal ? AbortSignal.any([req.signal, zhttp.signal]) : (req.signal ?? zhttp.signal);
    const once = (attempt: number): Promise<AxiosResponse<T>> =>
      zhttp.axios.request<T>({
        method: req.method,
        url: req.path,
        ...(req.query ? { params: Object.fromEntries(Object.entries(req.query).filter(([, v]) => v !== undefined)) } : {}),
        ...(req.headers ? { headers: req.headers } : {}),
        ...(req.body !== undefined ? { data: req.body } : {}),
        ...(req.responseType === "text" ? { responseType: "text", transformResponse: [(d: unknown) => d] } : {}),
        ...(signal ? { signal } : {}),
        zosmfMeta: { attempt, startedAt: 0 },
      } as Parameters<AxiosInstance["request"]>[0]);
    if (!req.repeatable) return once(1);
    return withRetry(once, zhttp.retryPolicy, signal ? { signal } : {});
  };
}
