/**
 * What the emulator was asked to do. Counts every z/OSMF request by method and kind, and
 * lists every console command, job submission and write, so a test can prove that a
 * dry run changed nothing.
 */
export interface RequestLog {
  total: number;
  /** "GET jobs.status" → count. */
  counts: Record<string, number>;
  consoleCommands: { at: number; system: string; consoleName: string; cmd: string }[];
  submits: { at: number; jobname: string; jobid: string; source: "text" | "dataset" | "uss" }[];
  writes: { at: number; method: string; kind: string; target: string }[];
  /**
   * How each request proved who sent it, per endpoint the client used ("http://127.0.0.1:5000"):
   * logons (POST /zosmf/services/authenticate), logoffs, requests by Basic credentials or by
   * token cookie, and refusals (HTTP 401, the answers that count towards a RACF revoke).
   */
  auth: Record<string, AuthCounts>;
}

export interface AuthCounts {
  logons: number;
  logoffs: number;
  basic: number;
  cookie: number;
  /** HTTP 401 answers. */
  refused: number;
}

export type AuthEvent = keyof AuthCounts;

export function countAuth(log: RequestLog, endpoint: string, event: AuthEvent): void {
  const counts = (log.auth[endpoint] ??= { logons: 0, logoffs: 0, basic: 0, cookie: 0, refused: 0 });
  counts[event] += 1;
}

export function emptyLog(): RequestLog {
  return { total: 0, counts: {}, consoleCommands: [], submits: [], writes: [], auth: {} };
}

export function clearLog(log: RequestLog): void {
  Object.assign(log, emptyLog());
}

/** Request kinds that change files, data sets, mounts or jobs (console and submit have their own lists). */
export const WRITE_KINDS = new Set([
  "ds.write",
  "ds.create",
  "ds.delete",
  "ds.utility",
  "fs.write",
  "fs.create",
  "fs.delete",
  "fs.utility",
  "mfs.mount",
  "mfs.create",
  "ams",
  "jobs.purge",
  "jobs.modify",
]);

export function countRequest(log: RequestLog, method: string, kind: string): void {
  log.total += 1;
  const key = `${method} ${kind}`;
  log.counts[key] = (log.counts[key] ?? 0) + 1;
}
