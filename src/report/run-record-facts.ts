import type { RunRecordData } from "../engine/run-record";
import type { Change } from "../engine/types";

/** The parts of a run record every way of showing it tells, in one place. */

export function whoAndWhere(r: RunRecordData): string {
  const from = [r.localUser, r.host].filter(Boolean).join("@");
  return `${r.user ? `z/OS user ${r.user}` : "z/OS user not recorded"}${from ? `, from ${from}` : ""}`;
}

export function timing(r: RunRecordData): string {
  if (!r.endedAt) return `started ${r.startedAt}, no end recorded`;
  const ms = Date.parse(r.endedAt) - Date.parse(r.startedAt);
  return `${r.startedAt} to ${r.endedAt} (${(ms / 1000).toFixed(1)} s)`;
}

/** The planned changes of each step that ended changed, failed or cut short: what was (or may have been) done. */
export function appliedChanges(r: RunRecordData): { id: string; state: string; changes: readonly Change[] }[] {
  const states = new Map(r.outcomes.map((o) => [o.id, o.state]));
  return r.plan
    .filter((p) => p.changes.length > 0)
    .map((p) => ({ id: p.id, state: states.get(p.id) ?? "not reached", changes: p.changes }))
    .filter(
      (s) =>
        s.state === "changed" || s.state === "failed" || (r.status !== "succeeded" && s.state === "not reached" && r.outcomes.length === 0),
    );
}

export function changeTitle(c: Change): string {
  switch (c.kind) {
    case "member":
      return `${c.action} member ${c.dsn}(${c.member})`;
    case "uss-file":
      return `${c.action} file ${c.path}`;
    case "job":
      return `job ${c.jobname} (max RC ${c.maxRc}): ${c.purpose.split("\n")[0]}`;
    case "command":
      return `command on ${c.system}: ${c.command}`;
    case "dataset":
      return `create data set ${c.dsn}`;
  }
}

/** The text of a change worth showing under its title: a diff or JCL. */
export function changeBody(c: Change): string | undefined {
  if (c.kind === "member" || c.kind === "uss-file") return c.diff.trimEnd();
  if (c.kind === "job") return c.jcl.trimEnd();
  return undefined;
}
