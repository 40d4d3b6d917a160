import { readFileSync } from "node:fs";
import { HaError } from "../errors";

/** Cookie names z/OSMF and the API ML accept as a session token. */
export const TOKEN_TYPES = ["LtpaToken2", "jwtToken", "apimlAuthenticationToken"] as const;
export type TokenType = (typeof TOKEN_TYPES)[number];

/** Bounds for repeating a request that is safe to repeat. */
export interface RetryPolicy {
  /** Total tries, the first one included. @default 4 */
  readonly attempts: number;
  /** No retry starts after this much time since the first try. @default 60000 */
  readonly maxTotalMs: number;
  /** Backoff before the first retry (jittered up to twice this). @default 250 */
  readonly minDelayMs: number;
  /** Backoff cap. @default 5000 */
  readonly maxDelayMs: number;
}

/**
 * Where and how to reach z/OSMF. Plain data: the CLI layer builds it from the Zowe session,
 * so nothing below depends on imperative.
 */
export interface ZosmfConnection {
  readonly hostname: string;
  readonly port: number;
  readonly protocol: "https" | "http";
  /** Prefix in front of every z/OSMF path, e.g. `/ibmzosmf/api/v1` behind the API ML. */
  readonly basePath?: string;
  readonly user?: string;
  readonly password?: string;
  readonly tokenType?: string;
  readonly tokenValue?: string;
  /** PEM client certificate path. */
  readonly certFile?: string;
  /** PEM private key path for `certFile`. */
  readonly certKeyFile?: string;
  /** Verify the server certificate. @default true */
  readonly rejectUnauthorized?: boolean;
  /** Extra trusted CA certificates as PEM text (e.g. the emulator's own CA). */
  readonly ca?: string;
  /** Socket inactivity limit per request (--completion-timeout). @default 30000 */
  readonly requestTimeoutMs?: number;
  /** Bound on opening a connection, TCP and TLS (--establish-connection-timeout). @default none: the system's own */
  readonly connectTimeoutMs?: number;
  /** Overrides parts of {@link DEFAULT_RETRY_POLICY}. */
  readonly retry?: Partial<RetryPolicy>;
}

export const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  attempts: 4,
  maxTotalMs: 60_000,
  minDelayMs: 250,
  maxDelayMs: 5_000,
};

export type ResolvedAuth =
  | { readonly kind: "token"; readonly tokenType: TokenType; readonly headers: Readonly<Record<string, string>> }
  | { readonly kind: "cert"; readonly cert: string; readonly key: string; readonly headers: Readonly<Record<string, string>> }
  | { readonly kind: "basic"; readonly headers: Readonly<Record<string, string>> };

export type AuthKind = ResolvedAuth["kind"];

function invalid(message: string): HaError {
  return new HaError(message, { failureClass: "invalid-input" });
}

function isTokenType(value: string): value is TokenType {
  return (TOKEN_TYPES as readonly string[]).includes(value);
}

function readPem(path: string, what: string): string {
  try {
    return readFileSync(path, "utf8");
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? "read error";
    throw invalid(`Cannot read the ${what} file '${path}' (${code}).`);
  }
}

/**
 * Picks one authentication method, in the order Zowe uses: token, then client certificate,
 * then user and password. Fails before anything is sent when none is complete.
 */
export function resolveAuth(conn: ZosmfConnection): ResolvedAuth {
  if (conn.tokenType && conn.tokenValue) {
    if (!isTokenType(conn.tokenType)) {
      throw invalid(`Unsupported tokenType '${conn.tokenType}'; use one of ${TOKEN_TYPES.join(", ")}.`);
    }
    return { kind: "token", tokenType: conn.tokenType, headers: { Cookie: `${conn.tokenType}=${conn.tokenValue}` } };
  }
  if (conn.certFile) {
    if (!conn.certKeyFile) throw invalid("certFile is set but certKeyFile (the PEM private key) is missing.");
    return {
      kind: "cert",
      cert: readPem(conn.certFile, "client certificate"),
      key: readPem(conn.certKeyFile, "client certificate key"),
      headers: {},
    };
  }
  const basic = basicHeaderOf(conn);
  if (basic) return { kind: "basic", headers: { Authorization: basic } };
  const missing = conn.user ? "password" : conn.password ? "user" : "user and password (or a token, or a client certificate)";
  throw invalid(`No usable z/OSMF credentials: ${missing} missing.`);
}

/** The Basic credentials header, when a user and password are given (a token's renewal uses them too). */
export function basicHeaderOf(conn: ZosmfConnection): string | undefined {
  if (!conn.user || !conn.password) return undefined;
  return `Basic ${Buffer.from(`${conn.user}:${conn.password}`, "utf8").toString("base64")}`;
}

/** Checks the fields every request needs, so a typo fails before any network traffic. */
export function validateConnection(conn: ZosmfConnection): void {
  if (!conn.hostname || /[\s/:]/.test(conn.hostname)) throw invalid(`Invalid z/OSMF hostname '${conn.hostname}'.`);
  if (!Number.isInteger(conn.port) || conn.port < 1 || conn.port > 65535) throw invalid(`Invalid z/OSMF port '${conn.port}'.`);
  if (conn.protocol !== "https" && conn.protocol !== "http")
    throw invalid(`Invalid protocol '${String(conn.protocol)}'; use https or http.`);
  if (conn.tokenType && conn.tokenValue === undefined && !conn.user && !conn.certFile) {
    throw invalid(`tokenType '${conn.tokenType}' is set but tokenValue is missing.`);
  }
}

export function baseUrlOf(conn: ZosmfConnection): string {
  const base = (conn.basePath ?? "").replace(/\/+$/, "");
  const prefix = base && !base.startsWith("/") ? `/${base}` : base;
  return `${conn.protocol}://${conn.hostname}:${conn.port}${prefix}`;
}

export function retryPolicyOf(conn: ZosmfConnection): RetryPolicy {
  const policy = { ...DEFAULT_RETRY_POLICY, ...conn.retry };
  if (!(policy.attempts >= 1)) throw invalid(`retry.attempts must be at least 1 (got ${policy.attempts}).`);
  return policy;
}
