import { sameInputsAs, type LastRun } from "../engine/run-history";
import type { PlannedStep } from "../engine/types";
import type { Topology } from "../topology";
import { zosmfHaSystems } from "../topology";
import type { ZosmfClient } from "../zosmf";
import { planVsam } from "./caching-service/vsam-step";
import { planZoweYaml } from "./caching-service/zowe-yaml-step";
import type { ProvisionEnv, StepSpec } from "./context";
import { planDistribute } from "./distributed-services/distribute-step";
import { serviceSystems } from "./distributed-services/service-variables";
import { planDatasets } from "./ops/dataset-plan";
import { isFinding, planProblems, refusePlan } from "./ops/plan-problems";
import { planPortSharing } from "./port-sharing/port-step";
import { portSharingSystems } from "./port-sharing/port-variables";
import { planAutostart } from "./ipl-persistence/autostart-step";
import { planMounts } from "./ipl-persistence/mounts-step";
import { persistenceSystems, withPersistenceWarnings } from "./ipl-persistence/persistence-warnings";
import { isOtherWorkflowStep, loadWorkflow, type LoadedWorkflow, type StepKind, type WorkflowStep } from "./workflow-loader";
import { planFilesystem } from "./zosmf-ha/filesystem-step";
import { obeySystems } from "./zosmf-ha/obey-member";
import { planParmlib } from "./zosmf-ha/parmlib-step";
import { planServerProc, planSharedProcs } from "./zosmf-ha/procedure-step";
import { planSecurity } from "./zosmf-ha/security-step";
import { planStart } from "./zosmf-ha/start-step";
import { planTcpip } from "./zosmf-ha/tcpip-step";

export interface PlanProvisionOptions {
  readonly topology: Topology;
  /** The command's own client: the sysplex's work (shared libraries, security, data sets). */
  readonly client: ZosmfClient;
  /** A system's own client (its topology `connection`), for that system's steps. @default client */
  readonly clientFor?: (system: string) => ZosmfClient;
  /** A site's copy of the workflows folder (job cards, accounting, CLASS). */
  readonly workflowsDir?: string;
  /** Unique to this run; put into every job and backup name. */
  readonly runToken: string;
  /** The z/OSMF user, owner of the jobs this run submits. */
  readonly owner: string;
  readonly jobTimeoutMs: number;
  readonly startServers: boolean;
  /** The last successful run record, for what only a job could list (RACF, LISTCAT). */
  readonly lastSuccessfulRecord?: LastRun;
  /** Pause between reads of a console response. @default 1000 */
  readonly consoleDelayMs?: number;
}

/** Each feature's workflow folder, named as its topology key is (kebab case); it is also the step-id prefix. */
export const WORKFLOWS = {
  zosmfHa: "zosmf-ha",
  cachingService: "caching-service",
  portSharing: "port-sharing",
  distributedServices: "distributed-services",
  /** Not a topology section: the IPL-time members of the systems (systems[].ipl, systems[].tcpip.profile). */
  iplPersistence: "ipl-persistence",
} as const;

type Planner = (spec: StepSpec, system?: string) => Promise<PlannedStep>;

/**
 * Looks at the sysplex (GETs and D commands only: nothing is submitted, written, varied or
 * started) and returns the steps of every workflow for the sections the topology has, each
 * with what it observed and exactly what it would change.
 */
export async function planProvision(options: PlanProvisionOptions): Promise<PlannedStep[]> {
  const env: ProvisionEnv = {
    topology: options.topology,
    client: options.client,
    runToken: options.runToken,
    owner: options.owner,
    jobTimeoutMs: options.jobTimeoutMs,
    consoleDelayMs: options.consoleDelayMs ?? 1_000,
    ...(options.lastSuccessfulRecord !== undefined ? { lastSuccessfulRecord: options.lastSuccessfulRecord } : {}),
    ...(options.clientFor !== undefined ? { clientFor: options.clientFor } : {}),
  };
  const load = (name: string) => loadWorkflow(name, options.workflowsDir ? { workflowsDir: options.workflowsDir } : {});
  const t = options.topology;
  const problems = planProblems();
  const steps: PlannedStep[] = [];
  const planWorkflow = (...args: Parameters<typeof planWorkflowSteps>) => planWorkflowSteps(...args).then((r) => problems.collect(r));
  if (t.zosmfHa) {
    const wf = await load(WORKFLOWS.zosmfHa);
    const systems = zosmfHaSystems(t).map((m) => m.system.name);
    steps.push(
      ...(await planWorkflow(env, wf, { startServers: options.startServers, vsamMode: false }, (step) =>
        step.kind === "obey-apply" ? obeySystems(t) : systems,
      )),
    );
  }
  // IPL persistence: after zosmf-ha, whose steps its steps depend on.
  if (t.zosmfHa) {
    const wf = await load(WORKFLOWS.iplPersistence);
    const earlier = new Set(steps.map((s) => s.id));
    const off = { startServers: false, vsamMode: false };
    steps.push(...(await planWorkflow(env, wf, off, (step) => persistenceSystems(t, step.kind), earlier)));
  }
  if (t.cachingService) {
    const wf = await load(WORKFLOWS.cachingService);
    steps.push(
      ...(await planWorkflow(
        env,
        wf,
        { startServers: options.startServers, vsamMode: t.cachingService.storage.mode === "vsam" },
        () => [],
      )),
    );
  }
  // Starting z/OS Connect and IMS Connect servers is left to the site: their procedures
  // are the site's own, so --start-servers does not reach them.
  const noServers = { startServers: false, vsamMode: false };
  if ((t.portSharing ?? []).length > 0) {
    const wf = await load(WORKFLOWS.portSharing);
    steps.push(...(await planWorkflow(env, wf, noServers, () => portSharingSystems(t))));
  }
  if ((t.distributedServices ?? []).length > 0) {
    const wf = await load(WORKFLOWS.distributedServices);
    steps.push(...(await planWorkflow(env, wf, noServers, () => serviceSystems(t))));
  }
  // What each step found that keeps it from being applied, and the libraries the steps
  // write into: all reported together, before anything is sent.
  problems.add(...steps.flatMap((s) => (s.blocker ? [blockerLine(s)] : [])));
  const datasets = await planDatasets({ topology: t, client: options.client, steps: withPersistenceWarnings(t, steps) });
  problems.add(...datasets.problems);
  refusePlan(problems);
  // Whether each step's inputs are those of the last successful run: told, never acted on.
  return datasets.steps.map((step) => {
    const runId = sameInputsAs(options.lastSuccessfulRecord, step);
    return runId === undefined ? step : { ...step, sameInputsAs: runId };
  });
}

function blockerLine(step: PlannedStep): string {
  const b = step.blocker!;
  return [`${step.id}: ${b.message}`, ...b.details.map((d) => `  ${d}`)].join("\n");
}

function planner(kind: StepKind, step: WorkflowStep): Planner {
  switch (kind) {
    case "security-job":
      return (spec) => planSecurity(spec);
    case "filesystem-job":
      return (spec, system) => planFilesystem(spec, system!);
    case "parmlib-member":
      return (spec, system) => planParmlib(spec, system!);
    case "procedure-copy":
      return step.scope === "sysplex" ? (spec) => planSharedProcs(spec) : (spec, system) => planServerProc(spec, system!);
    case "obey-apply":
      return (spec, system) => planTcpip(spec, system!);
    case "start-server":
      return (spec, system) => planStart(spec, system!);
    case "vsam-job":
      return (spec) => planVsam(spec);
    case "zowe-yaml":
      return (spec) => planZoweYaml(spec);
    case "port-reserve":
      return (spec, system) => planPortSharing(spec, system!);
    case "distribute-apply":
      return (spec, system) => planDistribute(spec, system!);
    case "bpxprm-mount":
      return (spec, system) => planMounts(spec, system!);
    case "ieasys-izu":
      return (spec, system) => planAutostart(spec, system!);
  }
}

async function planWorkflowSteps(
  env: ProvisionEnv,
  wf: LoadedWorkflow,
  switches: Readonly<Record<"startServers" | "vsamMode", boolean>>,
  systemsFor: (step: WorkflowStep) => readonly string[],
  /** Steps of workflows planned before this one, for `workflow/step` dependencies. */
  earlier: ReadonlySet<string> = new Set(),
): Promise<{ results: PlannedStep[]; errors: unknown[] }> {
  const included = wf.steps.filter((s) => s.when === undefined || switches[s.when]);
  const ids = new Map<string, { scope: WorkflowStep["scope"]; systems: readonly string[] }>();
  for (const s of included) ids.set(s.id, { scope: s.scope, systems: s.scope === "system" ? systemsFor(s) : [] });
  // A dependency on a per-system step means the same system's step (when that system has one).
  const dependsOn = (s: WorkflowStep, system?: string): string[] =>
    s.dependsOn.flatMap((d) => {
      // Another workflow's step: the same system's when it has one there, else its sysplex step.
      if (isOtherWorkflowStep(d)) return [`${d}/${system}`, d].filter((id) => earlier.has(id)).slice(0, 1);
      const dep = ids.get(d);
      if (!dep) return [];
      if (dep.scope === "sysplex") return [`${wf.idPrefix}/${d}`];
      if (system && dep.systems.includes(system)) return [`${wf.idPrefix}/${d}/${system}`];
      return system ? [] : dep.systems.map((sys) => `${wf.idPrefix}/${d}/${sys}`);
    });
  const work: (() => Promise<PlannedStep>)[] = [];
  for (const s of included) {
    const plan = planner(s.kind, s);
    if (s.scope === "sysplex") {
      work.push(() => plan({ env, workflow: wf, stepId: s.id, id: `${wf.idPrefix}/${s.id}`, dependsOn: dependsOn(s) }));
      continue;
    }
    for (const system of ids.get(s.id)!.systems) {
      // A system's step reads and writes through that system's connection.
      const own = env.clientFor ? { ...env, client: env.clientFor(system) } : env;
      work.push(() =>
        plan({ env: own, workflow: wf, stepId: s.id, id: `${wf.idPrefix}/${s.id}/${system}`, dependsOn: dependsOn(s, system) }, system),
      );
    }
  }
  return allLooks(work, PLANNING_CONCURRENCY);
}

/** Steps looked at at once: each look is a few reads, and a 32-system sysplex has some 160 steps. */
export const PLANNING_CONCURRENCY = 16;

/**
 * Runs the looks side by side (they only read, so their order does not matter to z/OS) and
 * returns them in the given order with every look's failure, so that all problems of the
 * plan are reported together. After a failure that is not a finding (z/OSMF unreachable,
 * credentials refused) it starts nothing new: every further look would fail the same way.
 */
async function allLooks<T>(work: readonly (() => Promise<T>)[], limit: number): Promise<{ results: T[]; errors: unknown[] }> {
  const results: (T | undefined)[] = new Array(work.length);
  const errors = new Map<number, unknown>();
  let stop = false;
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < work.length && !stop) {
      const i = next++;
      try {
        results[i] = await work[i]!();
      } catch (err) {
        errors.set(i, err);
        if (!isFinding(err)) stop = true;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, work.length) }, lane));
  return {
    results: results.filter((r): r is T => r !== undefined),
    errors: [...errors.keys()].sort((a, b) => a - b).map((i) => errors.get(i)),
  };
}
