import { HaError } from "../errors";

/**
 * A partial window: `--limit` names the systems whose steps run, `--only` the workflows. Absent
 * means all. Names are kept upper case (systems) and as the workflow folders are named.
 */
export interface StepScope {
  readonly systems?: readonly string[];
  readonly workflows?: readonly string[];
}

/** A step the scope kept out of the plan, and why, in words. */
export interface LeftOutStep {
  readonly id: string;
  /** The option that left it out. */
  readonly by: "--limit" | "--only";
  /** The system whose step it is; absent for a sysplex-wide step. */
  readonly system?: string;
  readonly reason: string;
}

/** One step of a workflow before it is planned: enough to decide whether the scope keeps it. */
export interface StepSkeleton {
  readonly id: string;
  /** Absent for a sysplex-wide step. */
  readonly system?: string;
  readonly dependsOn: readonly string[];
}

/** Splits `SYSA,SYSB` (the CLI may give one string or an array) into names; absent stays absent. */
export function listOption(value: string | readonly string[] | undefined): string[] | undefined {
  if (value === undefined) return undefined;
  const items = (typeof value === "string" ? [value] : value).flatMap((v) => v.split(",")).map((v) => v.trim());
  return items.filter((v) => v !== "");
}

/**
 * Checks the scope against what the topology has, before anything is sent: an unknown name is
 * refused (exit 3) with the names allowed. Returns the scope with system names upper-cased.
 */
export function checkStepScope(
  given: { readonly systems?: readonly string[]; readonly workflows?: readonly string[] },
  known: { readonly systems: readonly string[]; readonly workflows: readonly string[] },
): StepScope {
  const refuse = (option: string, what: string, bad: readonly string[], allowed: readonly string[]): never => {
    throw new HaError(
      `${option}: ${bad.map((b) => JSON.stringify(b)).join(", ")} ${bad.length > 1 ? "are not" : "is not"} ${what} of this topology. Nothing was sent.`,
      {
        failureClass: "invalid-input",
        details: [`allowed: ${allowed.join(", ") || "(none)"}`],
      },
    );
  };
  const systems = given.systems?.map((s) => s.toUpperCase());
  if (systems !== undefined) {
    if (systems.length === 0) refuse("--limit", "a system", ["(empty)"], known.systems);
    const bad = systems.filter((s) => !known.systems.includes(s));
    if (bad.length > 0) refuse("--limit", "a system", bad, known.systems);
  }
  const workflows = given.workflows?.map((w) => w.toLowerCase());
  if (workflows !== undefined) {
    if (workflows.length === 0) refuse("--only", "a workflow", ["(empty)"], known.workflows);
    const bad = workflows.filter((w) => !known.workflows.includes(w));
    if (bad.length > 0) refuse("--only", "a workflow", bad, known.workflows);
  }
  return {
    ...(systems !== undefined ? { systems: [...new Set(systems)].sort() } : {}),
    ...(workflows !== undefined ? { workflows: [...new Set(workflows)].sort() } : {}),
  };
}

export const isLimited = (scope: StepScope | undefined): boolean => scope?.systems !== undefined || scope?.workflows !== undefined;

/** `--limit SYSA --only zosmf-ha`, as the user would type it; "" for no scope. */
export function describeScope(scope: StepScope | undefined): string {
  return [
    ...(scope?.systems ? [`--limit ${scope.systems.join(",")}`] : []),
    ...(scope?.workflows ? [`--only ${scope.workflows.join(",")}`] : []),
  ].join(" ");
}

export const sameScope = (a: StepScope | undefined, b: StepScope | undefined): boolean => describeScope(a) === describeScope(b);

/**
 * The steps of one workflow the scope keeps, and those it leaves out. A workflow `--only` does
 * not name is left out whole. Under `--limit`, a system's step is kept when its system is
 * listed; a sysplex-wide step when the workflow keeps a step of a listed system (the shared
 * definitions those steps need, such as security and the angel procedure) or a kept step
 * depends on it. A kept step that depends on a step left out is left out too: it would run
 * without what it needs.
 */
export function filterWorkflow(
  workflow: string,
  steps: readonly StepSkeleton[],
  scope: StepScope | undefined,
): { kept: Set<string>; leftOut: LeftOutStep[] } {
  if (scope?.workflows && !scope.workflows.includes(workflow)) {
    const reason = `workflow ${workflow} is not named by --only`;
    return { kept: new Set(), leftOut: steps.map((s) => ({ id: s.id, by: "--only", ...(s.system ? { system: s.system } : {}), reason })) };
  }
  const listed = scope?.systems;
  if (!listed) return { kept: new Set(steps.map((s) => s.id)), leftOut: [] };
  const byId = new Map(steps.map((s) => [s.id, s]));
  const kept = new Set(steps.filter((s) => s.system !== undefined && listed.includes(s.system)).map((s) => s.id));
  if (kept.size > 0) for (const s of steps) if (s.system === undefined) kept.add(s.id);
  // What kept steps depend on, followed to the end (only sysplex-wide steps can be added here).
  const queue = [...kept];
  while (queue.length > 0) {
    for (const dep of byId.get(queue.pop()!)?.dependsOn ?? []) {
      const d = byId.get(dep);
      if (d && d.system === undefined && !kept.has(dep)) {
        kept.add(dep);
        queue.push(dep);
      }
    }
  }
  const leftOut = new Map<string, string>();
  for (const s of steps) {
    if (kept.has(s.id)) continue;
    leftOut.set(s.id, s.system ? `a step of ${s.system}` : `sysplex-wide, and no step of ${listed.join(", ")} needs it`);
  }
  // Drop, until nothing changes, a kept step whose dependency was left out.
  for (let changed = true; changed;) {
    changed = false;
    for (const id of kept) {
      const missing = byId.get(id)!.dependsOn.find((d) => leftOut.has(d));
      if (missing === undefined) continue;
      kept.delete(id);
      leftOut.set(id, `needs ${missing}, which is left out`);
      changed = true;
    }
  }
  const out = steps
    .filter((s) => leftOut.has(s.id))
    .map((s) => ({ id: s.id, by: "--limit" as const, ...(s.system ? { system: s.system } : {}), reason: leftOut.get(s.id)! }));
  return { kept, leftOut: out };
}

/**
 * The plan's account of what was left out: `left out by --limit: 7 steps on SYSB`, one line per
 * system or workflow, and a line with its reason for each other step.
 */
export function leftOutLines(leftOut: readonly LeftOutStep[]): string[] {
  const groups = new Map<string, string[]>();
  const lines: string[] = [];
  for (const s of leftOut) {
    const workflow = s.id.split("/")[0]!;
    const key = s.by === "--only" ? `of ${workflow}` : s.system && s.reason === `a step of ${s.system}` ? `on ${s.system}` : undefined;
    if (key === undefined) lines.push(`left out by ${s.by}: ${s.id} (${s.reason})`);
    else groups.set(`${s.by}\t${key}`, [...(groups.get(`${s.by}\t${key}`) ?? []), s.id]);
  }
  const grouped = [...groups].map(([key, ids]) => {
    const [by, where] = key.split("\t");
    return `left out by ${by}: ${ids.length} step${ids.length === 1 ? "" : "s"} ${where}`;
  });
  return [...grouped, ...lines];
}
