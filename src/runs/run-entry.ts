import type { RunKind, RunRecordData, RunStatus } from "../engine/run-record";

/** One line of the list of runs: what a person picks a run by, without reading its record. */
export interface RunEntry {
  readonly runId: string;
  readonly kind: RunKind;
  readonly sysplex: string;
  readonly command?: string;
  readonly user?: string;
  readonly localUser?: string;
  readonly host?: string;
  readonly startedAt: string;
  readonly endedAt?: string;
  readonly status: RunStatus;
  /** Steps that ended changed. */
  readonly changed: number;
  /** Whether the run changed (or, cut short, may have changed) anything on z/OS. */
  readonly changedSomething: boolean;
  /** The run this one resumed (provision) or undid (rollback). */
  readonly basedOn?: string;
}

export function entryOf(data: RunRecordData): RunEntry {
  const changed = data.outcomes.filter((o) => o.state === "changed").length;
  return {
    runId: data.runId,
    kind: data.kind,
    sysplex: data.sysplex,
    ...(data.command ? { command: data.command } : {}),
    ...(data.user ? { user: data.user } : {}),
    ...(data.localUser ? { localUser: data.localUser } : {}),
    ...(data.host ? { host: data.host } : {}),
    startedAt: data.startedAt,
    ...(data.endedAt ? { endedAt: data.endedAt } : {}),
    status: data.status,
    changed,
    changedSomething: changedSomething(data, changed),
    ...(data.basedOn ? { basedOn: data.basedOn } : {}),
  };
}

/**
 * A finished run changed something when a step ended changed or it wrote or created
 * anything. A run still "running" may have; an interrupted or failed one did when it sent
 * any job or command; when unsure, it counts.
 */
function changedSomething(data: RunRecordData, changed: number): boolean {
  if (data.status === "planned") return false;
  // The index holds a run's entry from its start and learns its end only at the end: a run still
  // "running" there (in progress, or killed) may have changed anything by now.
  if (data.status === "running") return true;
  if (changed > 0 || data.writes.length > 0 || (data.datasets ?? []).length > 0 || data.backups.length > 0) return true;
  if (data.status === "succeeded") return false;
  return data.jobs.length > 0 || data.commands.length > 0;
}

/** The shape an index line must have before it is trusted. */
export function isRunEntry(value: unknown): value is RunEntry {
  if (typeof value !== "object" || value === null) return false;
  const e = value as Record<string, unknown>;
  return (
    typeof e.runId === "string" &&
    (e.kind === "provision" || e.kind === "rollback") &&
    typeof e.sysplex === "string" &&
    typeof e.startedAt === "string" &&
    typeof e.status === "string" &&
    typeof e.changed === "number" &&
    typeof e.changedSomething === "boolean"
  );
}
