import { TOKEN_TYPES, type ResolvedAuth } from "./connection";
import { ZosmfError } from "./errors";

/** What the session needs from the HTTP layer: a logon and a logoff that bypass the session itself. */
export interface SessionTransport {
  /** POST /zosmf/services/authenticate with Basic credentials: the status and the Set-Cookie lines. */
  logon(): Promise<{ status: number; setCookie: readonly string[] }>;
  /** DELETE /zosmf/services/authenticate with the session cookie. */
  logoff(cookie: string): Promise<void>;
}

/** The credentials one request carries, and whether it is the one that proves them. */
export interface Admission {
  readonly headers: Readonly<Record<string, string>>;
  /** This request goes alone: the others wait for its answer before sending credentials. */
  readonly probe: boolean;
  /** The request carries the cookie of our own logon (a 401 then means it expired). */
  readonly byLogonCookie: boolean;
}

/** The first token cookie of a logon answer, as `name=value`. */
export function tokenCookie(setCookie: readonly string[]): string | undefined {
  for (const type of ["LtpaToken2", "jwtToken", "apimlAuthenticationToken"] satisfies (typeof TOKEN_TYPES)[number][]) {
    for (const line of setCookie) {
      const pair = line.split(";")[0]?.trim() ?? "";
      if (pair.startsWith(`${type}=`) && pair.length > type.length + 1) return pair;
    }
  }
  return undefined;
}

/**
 * One z/OSMF host's session for one command. RACF counts every refused password towards a
 * revoke, so credentials are proven by one request at a time: with a user and password that
 * is a logon (POST /zosmf/services/authenticate) whose token cookie every later request
 * sends; with a token or a certificate, or a z/OSMF without the logon service, it is the
 * first request, and the others wait for its answer. The first refusal ends the session:
 * every request after it fails at once without sending anything.
 */
export class HostSession {
  private cookie?: string;
  private failure?: ZosmfError;
  private proven = false;
  private pending?: Promise<void>;
  /** The logon in flight, so the requests waiting on it see its failure. */
  private logonInFlight?: Promise<void>;
  private releaseProbe?: () => void;
  private logonService: "unknown" | "yes" | "no";
  private renewals = 0;

  constructor(
    private readonly auth: ResolvedAuth,
    private readonly basicHeader: string | undefined,
    private readonly transport: SessionTransport,
    private readonly where: string,
  ) {
    this.logonService = basicHeader ? "unknown" : "no";
  }

  /** Waits until this request may send credentials, and says which. */
  async admit(): Promise<Admission> {
    for (;;) {
      if (this.failure) throw this.failure;
      if (this.proven) return this.admission(false);
      if (this.pending) {
        const logon = this.logonInFlight;
        await this.pending.catch(() => undefined);
        // A logon that failed on the network failed for every request waiting on it: each may try
        // again under its own retry policy, but does not open another connection in the same breath.
        if (logon) await logon;
        continue;
      }
      if (this.logonService === "unknown" || (this.logonService === "yes" && !this.cookie)) {
        // This request logs on; the others wait for it and share its outcome.
        const logon = this.logon();
        const mine: Promise<void> = logon.then(
          () => undefined,
          () => undefined,
        );
        this.pending = mine;
        this.logonInFlight = logon;
        void mine.then(() => {
          if (this.pending === mine) this.pending = undefined;
          if (this.logonInFlight === logon) this.logonInFlight = undefined;
        });
        await logon;
        continue;
      }
      this.pending = new Promise<void>((resolve) => (this.releaseProbe = resolve));
      return this.admission(true);
    }
  }

  /** The answer to a request: a 401 ends the session, anything else proves the credentials. */
  settle(admission: Admission, status: number | undefined, refusal?: ZosmfError): void {
    if (status === 401 && refusal) this.fail(refusal, admission);
    else if (admission.probe && status !== undefined) this.proven = true;
    if (admission.probe) {
      this.pending = undefined;
      this.releaseProbe?.();
    }
  }

  /** A 401 on our own logon's cookie: the token expired. Logs on again, once per command. */
  canRenew(admission: Admission): boolean {
    if (!admission.byLogonCookie || this.failure) return false;
    // Sent with a cookie already replaced: another request saw the expiry first, so send again with the new one.
    if (admission.headers.Cookie !== this.cookie) return true;
    if (this.renewals > 0) return false;
    this.renewals += 1;
    this.cookie = undefined;
    this.proven = false;
    return true;
  }

  /** Logs off when this session logged on; a failed logoff changes nothing for the user. */
  async end(): Promise<void> {
    const cookie = this.cookie;
    this.cookie = undefined;
    if (cookie) await this.transport.logoff(cookie).catch(() => undefined);
  }

  private admission(probe: boolean): Admission {
    if (this.cookie) return { headers: { Cookie: this.cookie }, probe, byLogonCookie: true };
    if (this.auth.kind === "basic" && this.basicHeader)
      return { headers: { Authorization: this.basicHeader }, probe, byLogonCookie: false };
    return { headers: this.auth.headers, probe, byLogonCookie: false };
  }

  private async logon(): Promise<void> {
    const answer = await this.transport.logon();
    if (answer.status === 401) {
      this.fail(
        new ZosmfError({
          kind: "auth",
          method: "POST",
          path: "/zosmf/services/authenticate",
          status: 401,
          summary: "HTTP 401 not authenticated",
          hint: "Check the user name and password, and that the user is in IZUUSER or IZUADMIN.",
        }),
      );
      return;
    }
    const cookie = answer.status >= 200 && answer.status < 300 ? tokenCookie(answer.setCookie) : undefined;
    if (cookie) {
      this.logonService = "yes";
      this.cookie = cookie;
      this.proven = true;
      return;
    }
    // No logon service (z/OSMF without APAR PH12143 answers 404): Basic credentials on each request.
    this.logonService = "no";
  }

  private fail(refusal: ZosmfError, admission?: Admission): void {
    // A refusal of a cookie already replaced says nothing about the credentials.
    if (this.failure || (admission?.byLogonCookie && admission.headers.Cookie !== this.cookie)) return;
    this.failure = new ZosmfError({
      kind: "auth",
      method: refusal.method,
      path: refusal.path,
      ...(refusal.status !== undefined ? { status: refusal.status } : {}),
      summary: `${this.where} refused the credentials (HTTP 401)`,
      hint: `${refusal.hint ?? ""} Nothing more was sent to ${this.where} in this command: one refused logon there at most.`.trim(),
    });
  }
}

/**
 * Waits for the session's admission, or ends with the signal's reason when it aborts first: the
 * logon being waited for may belong to another client of the same host, one without this signal.
 * An admission that comes after the abort is handed back at once, so no other request waits on it.
 */
export function admitUnlessAborted(session: HostSession, signal: AbortSignal | undefined): Promise<Admission> {
  if (!signal) return session.admit();
  if (signal.aborted) return Promise.reject(signal.reason);
  const admitted = session.admit();
  return new Promise<Admission>((resolve, reject) => {
    const onAbort = () => {
      void admitted.then(
        (late) => session.settle(late, undefined),
        () => undefined,
      );
      reject(signal.reason);
    };
    signal.addEventListener("abort", onAbort, { once: true });
    admitted.then(
      (admission) => {
        signal.removeEventListener("abort", onAbort);
        resolve(admission);
      },
      (err: unknown) => {
        signal.removeEventListener("abort", onAbort);
        reject(err);
      },
    );
  });
}

/**
 * Sessions by host and credentials: two clients of one command that reach the same z/OSMF
 * as the same user (the command's own connection and a profile naming the same host) share
 * one logon. The last client to close ends it.
 */
const shared = new Map<string, { session: HostSession; users: number }>();

export function acquireSession(key: string, make: () => HostSession): { session: HostSession; release(): Promise<void> } {
  let entry = shared.get(key);
  if (!entry) {
    entry = { session: make(), users: 0 };
    shared.set(key, entry);
  }
  entry.users += 1;
  const held = entry;
  let released = false;
  return {
    session: held.session,
    release: async () => {
      if (released) return;
      released = true;
      held.users -= 1;
      if (held.users > 0) return;
      if (shared.get(key) === held) shared.delete(key);
      await held.session.end();
    },
  };
}
