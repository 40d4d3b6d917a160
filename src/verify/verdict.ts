import type { Check, Read, Snapshot, Verdict, VerifySummary } from "./types";

const RANK: Record<Verdict, number> = { "not-applicable": 0, healthy: 0, degraded: 1, failed: 2 };

export function worst(verdicts: readonly Verdict[]): Verdict {
  return verdicts.reduce<Verdict>((a, b) => (RANK[b] > RANK[a] ? b : a), "healthy");
}

export function summarize(checks: readonly Check[]): VerifySummary {
  const count = (v: Verdict) => checks.filter((c) => c.verdict === v).length;
  return {
    healthy: count("healthy"),
    degraded: count("degraded"),
    failed: count("failed"),
    notApplicable: count("not-applicable"),
    total: checks.length,
  };
}

export type CheckHead = Pick<Check, "id" | "system" | "title" | "expected">;

export function healthy(head: CheckHead, found: string): Check {
  return { ...head, found, verdict: "healthy" };
}

export function degraded(head: CheckHead, found: string, reason: string): Check {
  return { ...head, found, verdict: "degraded", reason };
}

export function failed(head: CheckHead, found: string, reason: string): Check {
  return { ...head, found, verdict: "failed", reason };
}

/**
 * The check a failed read leaves behind. A system z/OS reports as not active only
 * degrades its own checks: whether the service survives is judged from the systems
 * that answer (the hot-standby checks), so a failover is not reported as a failure.
 */
export function fromFailedRead(head: CheckHead, read: Extract<Read<unknown>, { ok: false }>, what: string): Check {
  const who = head.system ?? "the sysplex";
  switch (read.kind) {
    case "unreadable":
      return { ...failed(head, "not read", `${who}: could not be read: ${read.message}`), notRun: true };
    case "down":
      return degraded(head, "system not active", `${who} is not active: ${read.message}`);
    case "answer":
      return failed(head, "not read", `${what}: ${read.message}`);
  }
}

/** The value of a read, typed by the caller who knows what its ReadSpec returns. */
export function systemRead<T>(snapshot: Snapshot, system: string, key: string): Read<T> | undefined {
  return snapshot.systems.get(system)?.reads.get(key) as Read<T> | undefined;
}

export function sysplexRead<T>(snapshot: Snapshot, key: string): Read<T> | undefined {
  return snapshot.sysplex.get(key) as Read<T> | undefined;
}

/** Quotes values the way the reasons do: 'IZUDFLA'. */
export function q(value: string | number | undefined): string {
  return value === undefined ? "(not set)" : `'${value}'`;
}

/** Why the system is known to be down (XCF, IEE618I, its endpoint silent), or undefined while it is up. */
export function systemDown(snapshot: Snapshot, system: string): string | undefined {
  return snapshot.down.get(system)?.why;
}
