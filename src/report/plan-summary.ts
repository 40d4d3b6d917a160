import type { Change, StepOutcome, StepPlan } from "../engine/types";

/** How many changes of each kind a plan holds (or a run made), counted from the typed changes. */
export interface ChangeCounts {
  readonly members: { readonly create: number; readonly update: number; readonly delete: number };
  readonly files: { readonly create: number; readonly update: number };
  readonly jobs: number;
  readonly commands: number;
  readonly datasets: { readonly create: number };
}

/** The one place changes are counted: every summary line and `counts` in --rfj come from here. */
export function countChanges(changes: readonly Change[]): ChangeCounts {
  const members = { create: 0, update: 0, delete: 0 };
  const files = { create: 0, update: 0 };
  const datasets = { create: 0 };
  let jobs = 0;
  let commands = 0;
  for (const c of changes) {
    if (c.kind === "member") members[c.action]++;
    else if (c.kind === "uss-file") files[c.action]++;
    else if (c.kind === "job") jobs++;
    else if (c.kind === "command") commands++;
    else datasets[c.action]++;
  }
  return { members, files, jobs, commands, datasets };
}

/** What a plan would change, over all its steps. */
export function planCounts(plan: readonly StepPlan[]): ChangeCounts {
  return countChanges(plan.flatMap((s) => s.changes));
}

/** What a run did: the planned changes of the steps that ended changed. */
export function doneCounts(plan: readonly StepPlan[], outcomes: readonly StepOutcome[]): ChangeCounts {
  const changed = new Set(outcomes.filter((o) => o.state === "changed").map((o) => o.id));
  return planCounts(plan.filter((s) => changed.has(s.id)));
}

export function totalChanges(c: ChangeCounts): number {
  return c.members.create + c.members.update + c.members.delete + c.files.create + c.files.update + c.jobs + c.commands + c.datasets.create;
}

type Tense = "planned" | "done";

const ACTION: Record<Tense, Record<"create" | "update" | "delete", string>> = {
  planned: { create: "to create", update: "to update", delete: "to delete" },
  done: { create: "created", update: "updated", delete: "deleted" },
};

/**
 * "3 members to create, 5 to update, 4 jobs, 6 commands, 2 data sets to create" (planned) or
 * "3 members created, ..." (done): only the kinds present, singular for one. "nothing" when empty.
 */
export function describeCounts(c: ChangeCounts, tense: Tense): string {
  const words = ACTION[tense];
  const parts: string[] = [];
  const byAction = (singular: string, plural: string, counts: Partial<Record<"create" | "update" | "delete", number>>) => {
    let named = false;
    for (const action of ["create", "update", "delete"] as const) {
      const n = counts[action] ?? 0;
      if (n === 0) continue;
      // The noun once per kind: "3 members to create, 5 to update".
      parts.push(named ? `${n} ${words[action]}` : `${n} ${n === 1 ? singular : plural} ${words[action]}`);
      named = true;
    }
  };
  byAction("member", "members", c.members);
  byAction("file", "files", c.files);
  if (c.jobs > 0) parts.push(`${c.jobs} ${c.jobs === 1 ? "job" : "jobs"}`);
  if (c.commands > 0) parts.push(`${c.commands} ${c.commands === 1 ? "command" : "commands"}`);
  byAction("data set", "data sets", c.datasets);
  return parts.length === 0 ? "nothing" : parts.join(", ");
}
