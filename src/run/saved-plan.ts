import { fingerprintOf, type FingerprintValue } from "../engine/fingerprint";
import { savedStep, type SavedPlan, type SavedStep } from "../engine/plan-file";
import { pluginVersion } from "../package-info";
import type { Change, ObservedRead, StepPlan } from "../engine/types";
import { HaError } from "../errors";
import { countChanges, describeCounts } from "../report/plan-summary";
import type { Topology } from "../topology";

/** What a plan was made from besides z/OS: compared first, since a plan of other inputs says nothing of z/OS. */
export interface PlanInputs {
  readonly sysplex: string;
  readonly topologyHash: string;
  readonly topologyFile: string;
  readonly pluginVersion: string;
  readonly startServers: boolean;
  /** --limit/--only as given, empty for every step. */
  readonly window: string;
}

export function planInputs(topology: Topology, topologyFile: string, startServers: boolean, window = ""): PlanInputs {
  return {
    window,
    sysplex: topology.sysplex,
    topologyHash: fingerprintOf("topology", topology as unknown as FingerprintValue),
    topologyFile,
    pluginVersion: pluginVersion(),
    startServers,
  };
}

/** The plan as saved by --out: the masked steps as the dry run showed them, with what each read. */
export function savedPlanOf(inputs: PlanInputs, runToken: string, plan: readonly StepPlan[], now = new Date()): SavedPlan {
  return { planFormat: 1, createdAt: now.toISOString(), ...inputs, runToken, steps: plan.map(savedStep) };
}

/** How a fresh plan differs from a saved one: inputs that differ (exit 3) and what moved on z/OS (exit 2). */
export interface PlanDifferences {
  readonly inputs: string[];
  readonly moved: string[];
}

export function comparePlans(saved: SavedPlan, inputs: PlanInputs, fresh: readonly StepPlan[]): PlanDifferences {
  const diff: PlanDifferences = { inputs: inputDifferences(saved, inputs), moved: [] };
  const now = new Map(fresh.map((s) => [s.id, savedStep(s)]));
  const before = new Map(saved.steps.map((s) => [s.id, s]));
  const reads = new Set<string>();
  for (const old of saved.steps) {
    const step = now.get(old.id);
    if (!step) {
      diff.moved.push(`step ${old.id} is no longer in the plan`);
      continue;
    }
    if (old.fingerprint !== step.fingerprint) diff.inputs.push(`step ${old.id}: its inputs (topology, workflow) differ from the plan's`);
    for (const line of readDifferences(old.reads, step.reads)) reads.add(line);
    const changes = changeDifference(old, step);
    if (changes) diff.moved.push(changes);
  }
  for (const step of fresh.filter((s) => !before.has(s.id))) {
    diff.moved.push(`step ${step.id} is new since the plan: it would change ${describeCounts(countChanges(step.changes), "planned")}`);
  }
  diff.moved.unshift(...reads);
  return diff;
}

/** Refuses a plan that is not the saved one: exit 3 when the inputs differ, exit 2 when z/OS moved. */
export function assertSamePlan(file: string, d: PlanDifferences): void {
  if (d.inputs.length > 0) {
    throw new HaError(`--plan: ${file} was made from other inputs; nothing was applied. Make a new plan with --dry-run --out.`, {
      failureClass: "invalid-input",
      details: d.inputs,
    });
  }
  if (d.moved.length > 0) {
    throw new HaError(
      `--plan: z/OS changed since ${file} was made; nothing was applied. Review a new plan (--dry-run --out) before applying.`,
      { failureClass: "zos-failure", details: d.moved },
    );
  }
}

function inputDifferences(saved: SavedPlan, inputs: PlanInputs): string[] {
  const out: string[] = [];
  if (saved.pluginVersion !== inputs.pluginVersion)
    out.push(`the plan was made by zowe-ha ${saved.pluginVersion}; this is zowe-ha ${inputs.pluginVersion}`);
  if (saved.sysplex !== inputs.sysplex) out.push(`the plan is for sysplex ${saved.sysplex}; the topology is of sysplex ${inputs.sysplex}`);
  else if (saved.topologyHash !== inputs.topologyHash)
    out.push(
      `the topology differs from the one the plan was made from (${saved.topologyFile}, hash ${short(saved.topologyHash)} → ${short(inputs.topologyHash)})`,
    );
  if (saved.startServers !== inputs.startServers)
    out.push(
      `the plan was made ${saved.startServers ? "with" : "without"} --start-servers; this command is ${inputs.startServers ? "with" : "without"} it`,
    );
  if (saved.window !== inputs.window)
    out.push(
      `the plan was made with ${saved.window || "every step (no --limit or --only)"}; this command has ${inputs.window || "no --limit or --only"}`,
    );
  return out;
}

/** "SYS1.PARMLIB(IZUPRM0A) changed since the plan: ETag 1A2B → 3C4D", one line per member or file that moved. */
export function readDifferences(before: readonly ObservedRead[], now: readonly ObservedRead[]): string[] {
  const current = new Map(now.map((r) => [r.target, r]));
  const out: string[] = [];
  for (const old of before) {
    const r = current.get(old.target);
    // Not read this time: the step no longer depends on it, and its changes say what that means.
    if (!r || (r.etag === old.etag && r.sha256 === old.sha256)) continue;
    if (old.sha256 === null) out.push(`${old.target} was created since the plan (ETag ${r.etag ?? "none"})`);
    else if (r.sha256 === null) out.push(`${old.target} was deleted since the plan (it had ETag ${old.etag ?? "none"})`);
    else if (old.etag !== r.etag) out.push(`${old.target} changed since the plan: ETag ${old.etag ?? "none"} → ${r.etag ?? "none"}`);
    else out.push(`${old.target} changed since the plan: its content differs under the same ETag ${r.etag ?? "none"}`);
  }
  return out;
}

/** "step zosmf-ha/tcpip/SYSA would now change ...": what the step's changes are now against the plan's. */
function changeDifference(old: SavedStep, now: SavedStep): string | undefined {
  const key = (c: Change) => fingerprintOf("change", c as unknown as FingerprintValue);
  const was = old.changes.map(key);
  const is = now.changes.map(key);
  if (was.length === is.length && was.every((k, i) => k === is[i])) return undefined;
  const goneAll = old.changes.filter((c) => !is.includes(key(c))).map(label);
  const addedAll = now.changes.filter((c) => !was.includes(key(c))).map(label);
  // The same change with other content (a diff, a JCL) is one line, not an addition and a removal.
  const differs = addedAll.filter((l) => goneAll.includes(l));
  const added = addedAll.filter((l) => !differs.includes(l));
  const gone = goneAll.filter((l) => !differs.includes(l));
  const counts = (changes: readonly Change[]) => describeCounts(countChanges(changes), "planned");
  const detail = [
    ...differs.map((l) => `${l} differs`),
    ...(added.length > 0 ? [`now ${added.join("; ")}`] : []),
    ...(gone.length > 0 ? [`no longer ${gone.join("; ")}`] : []),
  ];
  const what =
    counts(now.changes) === counts(old.changes)
      ? "would now make other changes"
      : `would now change ${counts(now.changes)} (the plan: ${counts(old.changes)})`;
  return `step ${now.id} ${what}${detail.length > 0 ? `: ${detail.join("; ")}` : ""}`;
}

/** One change in a few words. */
export function label(c: Change): string {
  switch (c.kind) {
    case "member":
      return `${c.action} member ${c.dsn}(${c.member})`;
    case "uss-file":
      return `${c.action} file ${c.path}`;
    case "job":
      return `submit job ${c.jobname}`;
    case "command":
      return `issue on ${c.system}: ${c.command}`;
    case "dataset":
      return `create data set ${c.dsn}`;
  }
}

function short(hash: string): string {
  return hash.slice(0, 12);
}
