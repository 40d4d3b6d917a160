/** Counting the plug-in's HTTP requests by kind, and the status polls of each job. */
import type { RequestEvent } from "../../src/zosmf";

/** Method plus the path family, with names and ids left out. */
export function requestKind(method: string, path: string): string {
  const p = path.replace(/^\/+/, "/");
  const jobs = /^\/zosmf\/restjobs\/jobs(?:\/[^/]+\/[^/]+(\/files(?:\/[^/]+\/records)?)?)?\/?$/.exec(p);
  if (jobs) {
    if (p === "/zosmf/restjobs/jobs" || p === "/zosmf/restjobs/jobs/") return `${method} jobs${method === "PUT" ? " (submit)" : " (list)"}`;
    if (!jobs[1]) return `${method} job status`;
    return `${method} ${jobs[1].endsWith("/records") ? "spool records" : "spool files"}`;
  }
  if (/^\/zosmf\/restconsoles\/consoles\/[^/]+\/solmsgs\//.test(p)) return `${method} console follow-up`;
  if (/^\/zosmf\/restconsoles\/consoles\/[^/]+$/.test(p)) return `${method} console command`;
  if (/^\/zosmf\/restfiles\/ds\/?$/.test(p)) return `${method} data set list`;
  if (/^\/zosmf\/restfiles\/ds\/[^/]+\/member\/?$/.test(p)) return `${method} member list`;
  if (/^\/zosmf\/restfiles\/ds\//.test(p)) return `${method} data set`;
  if (p.startsWith("/zosmf/restfiles/mfs")) return `${method} mounts`;
  if (p.startsWith("/zosmf/restfiles/fs")) return `${method} uss`;
  if (p.startsWith("/zosmf/restfiles/ams")) return `${method} ams`;
  if (p.startsWith("/zosmf/info")) return `${method} info`;
  return `${method} other`;
}

export interface TimedEvent extends RequestEvent {
  /** performance.now() when the answer arrived. */
  readonly at: number;
}

export class RequestTally {
  readonly events: TimedEvent[] = [];
  readonly onRequest = (e: RequestEvent): void => {
    this.events.push({ ...e, at: performance.now() });
  };

  get total(): number {
    return this.events.length;
  }

  byKind(): Record<string, number> {
    const out: Record<string, number> = {};
    for (const e of this.events) {
      const k = requestKind(e.method, e.path);
      out[k] = (out[k] ?? 0) + 1;
    }
    return Object.fromEntries(Object.entries(out).sort(([a], [b]) => a.localeCompare(b)));
  }

  /** Status GETs per job, with the time the last one (the one that saw OUTPUT) came back. */
  statusPolls(): Map<string, { polls: number; lastAt: number }> {
    const out = new Map<string, { polls: number; lastAt: number }>();
    for (const e of this.events) {
      const m = /^\/zosmf\/restjobs\/jobs\/([^/]+)\/([^/]+)$/.exec(e.path);
      if (!m || e.method !== "GET") continue;
      const key = `${decodeURIComponent(m[1]!)}/${decodeURIComponent(m[2]!)}`;
      const prev = out.get(key);
      out.set(key, { polls: (prev?.polls ?? 0) + 1, lastAt: e.at });
    }
    return out;
  }
}
