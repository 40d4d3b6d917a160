import { sameInputsAs, type LastRun } from "../engine/run-history";
import type { PlannedStep } from "../engine/types";
import { checkPrerequisites, prerequisiteProblems } from "../prerequisites";
import type { Topology } from "../topology";
import { zosmfHaSystems } from "../topology";
import type { ZosmfClient } from "../zosmf";
import { planVsam } from "./caching-service/vsam-step";
import { planZoweYaml } from "./caching-service/zowe-yaml-step";
import type { ProvisionEnv, StepSpec } from "./context";
import { planProfileInclude, profileSystems } from "./ipl-persistence/profile-step";
import { planDistribute } from "./distributed-services/distribute-step";
import { serviceSystems } from "./distributed-services/service-variables";
import { planDatasets } from "./ops/dataset-plan";
import { isFinding, planProblems, refusePlan } from "./ops/plan-problems";
import { readNotes } from "./plan-reads";
import { planPortSharing } from "./port-sharing/port-step";
import { filterWorkflow, type LeftOutStep, type StepScope, type StepSkeleton } from "./step-filter";
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
  /** --limit and --only: the systems and workflows whose steps are planned. @default all */
  readonly stepScope?: StepScope;
  /** Told of the steps the scope left out (they are not looked at). */
  readonly onLeftOut?: (steps: readonly LeftOutStep[]) => void;
}

/** Each feature's workflow folder, named as its topology key is (kebab case); it is also the step-id prefix. */
export const WORKFLOWS = {
  zosmfHa: "zosmf-ha",
  cachingService: "caching-service",
  portSharing: "port-sharing",
  distributedServices: "distributed-services",
} as const;

/** The workflow that follows no topology section: what each system reads at IPL or stack start. */
export const IPL_PERSISTENCE = "ipl-persistence";

type Planner = (spec: StepSpec, system?: string) => Promise<PlannedStep>;
type Switches = Readonly<Record<"startServers" | "vsamMode", boolean>>;

/** The workflow's name (its folder) and the --limit/--only scope its steps are filtered by. */
interface WorkflowScope {
  readonly name: string;
  readonly stepScope?: StepScope;
  readonly onLeftOut?: ((steps: readonly LeftOutStep[]) => void) | undefined;
  /** Steps of workflows planned before this one, for `workflow/step` dependencies. */
  readonly earlier: ReadonlySet<string>;
}

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
  const planWorkflow = async (name: string, switches: Switches, systemsFor: (step: WorkflowStep) => readonly string[]) => {
    // `workflow/step` dependencies name steps of the workflows planned before this one.
    const earlier = new Set(steps.map((s) => s.id));
    const scope = { name, earlier, ...(options.stepScope ? { stepScope: options.stepScope } : {}), onLeftOut: options.onLeftOut };
    return problems.collect(await planWorkflowSteps(env, await load(name), switches, systemsFor, scope));
  };
  if (t.zosmfHa) {
    const systems = zosmfHaSystems(t).map((m) => m.system.name);
    // The sysplex must already be one: looked at, never assumed; only systems within --limit/--only are asked.
    const asked = inScope(systems, WORKFLOWS.zosmfHa, options.stepScope);
    if (asked.length > 0)
      problems.add(
        ...prerequisiteProblems(
          await checkPrerequisites({ client: options.client, systems: asked, sysplex: systems, delayMs: env.consoleDelayMs }),
        ),
      );
    steps.push(
      ...(await planWorkflow(WORKFLOWS.zosmfHa, { startServers: options.startServers, vsamMode: false }, (step) =>
        step.kind === "obey-apply" ? obeySystems(t) : systems,
      )),
    );
  }
  // The gateway's external address goes into zowe.yaml through the Caching Service's one zowe.yaml step.
  if (t.cachingService || t.gateway) {
    const switches = { startServers: options.startServers, vsamMode: t.cachingService?.storage.mode === "vsam" };
    steps.push(...(await planWorkflow(WORKFLOWS.cachingService, switches, () => [])));
  }
  // Starting z/OS Connect and IMS Connect servers is left to the site: their procedures
  // are the site's own, so --start-servers does not reach them.
  const noServers = { startServers: false, vsamMode: false };
  if ((t.portSharing ?? []).length > 0) steps.push(...(await planWorkflow(WORKFLOWS.portSharing, noServers, () => portSharingSystems(t))));
  if ((t.distributedServices ?? []).length > 0)
    steps.push(...(await planWorkflow(WORKFLOWS.distributedServices, noServers, () => serviceSystems(t))));
  // Last: what the systems read at IPL and stack start, so that the HA set up above survives them.
  // Systems whose topology leaves these members out are warned about on their first step.
  if (plansIplPersistence(t)) steps.push(...(await planWorkflow(IPL_PERSISTENCE, noServers, (step) => iplPersistenceSystems(t, step))));
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

function inScope(systems: readonly string[], workflow: string, scope: StepScope | undefined): readonly string[] {
  if (scope?.workflows && !scope.workflows.includes(workflow)) return [];
  return scope?.systems ? systems.filter((s) => scope.systems!.includes(s)) : systems;
}

/** Whether the plan has the ipl-persistence workflow: for hot standby always (to warn), else when a system names a member. */
export function plansIplPersistence(t: Topology): boolean {
  return t.zosmfHa !== undefined || t.systems.some((s) => s.tcpip.profile !== undefined || s.ipl !== undefined);
}

/** The systems each ipl-persistence step is planned for, by step kind. */
function iplPersistenceSystems(t: Topology, step: WorkflowStep): readonly string[] {
  if (step.kind === "profile-include") return profileSystems(t);
  return persistenceSystems(t, step.kind);
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
    case "profile-include":
      return (spec, system) => planProfileInclude(spec, system!);
    case "bpxprm-mount":
      return (spec, system) => planMounts(spec, system!);
    case "ieasys-izu":
      return (spec, system) => planAutostart(spec, system!);
  }
}

async function planWorkflowSteps(
  env: ProvisionEnv,
  wf: LoadedWorkflow,
  switches: Switches,
  systemsFor: (step: WorkflowStep) => readonly string[],
  scope: WorkflowScope,
): Promise<{ results: PlannedStep[]; errors: unknown[] }> {
  const included = wf.steps.filter((s) => s.when === undefined || switches[s.when]);
  const ids = new Map<string, { scope: WorkflowStep["scope"]; systems: readonly string[] }>();
  for (const s of included) ids.set(s.id, { scope: s.scope, systems: s.scope === "system" ? systemsFor(s) : [] });
  // A dependency on a per-system step means the same system's step (when that system has one).
  const dependsOn = (s: WorkflowStep, system?: string): string[] =>
    s.dependsOn.flatMap((d) => {
      // Another workflow's step: the same system's when it has one there, else its sysplex step.
      if (isOtherWorkflowStep(d)) return [`${d}/${system}`, d].filter((id) => scope.earlier.has(id)).slice(0, 1);
      const dep = ids.get(d);
      if (!dep) return [];
      if (dep.scope === "sysplex") return [`${wf.idPrefix}/${d}`];
      if (system && dep.systems.includes(system)) return [`${wf.idPrefix}/${d}/${system}`];
      return system ? [] : dep.systems.map((sys) => `${wf.idPrefix}/${d}/${sys}`);
    });
  const skeletons: (StepSkeleton & { readonly step: WorkflowStep })[] = included.flatMap((s) =>
    s.scope === "sysplex"
      ? [{ step: s, id: `${wf.idPrefix}/${s.id}`, dependsOn: dependsOn(s) }]
      : ids
          .get(s.id)!
          .systems.map((system) => ({ step: s, system, id: `${wf.idPrefix}/${s.id}/${system}`, dependsOn: dependsOn(s, system) })),
  );
  // Steps out of --limit/--only are not looked at: a partial window reads only what it may change.
  const { kept, leftOut } = filterWorkflow(scope.name, skeletons, scope.stepScope);
  if (leftOut.length > 0) scope.onLeftOut?.(leftOut);
  const work = skeletons
    .filter((k) => kept.has(k.id))
    .map((k) => {
      const plan = planner(k.step.kind, k.step);
      const spec = { workflow: wf, stepId: k.step.id, id: k.id, dependsOn: k.dependsOn, earlier: scope.earlier };
      if (k.system === undefined) return () => withReads(env, (e) => plan({ env: e, ...spec }));
      // A system's step reads and writes through that system's connection.
      const own = env.clientFor ? { ...env, client: env.clientFor(k.system) } : env;
      return () => withReads(own, (e) => plan({ env: e, ...spec }, k.system));
    });
  return allLooks(work, PLANNING_CONCURRENCY);
}

/** Plans one step through clients that note what it reads: the members and files its changes are based on. */
async function withReads(env: ProvisionEnv, plan: (env: ProvisionEnv) => Promise<PlannedStep>): Promise<PlannedStep> {
  const notes = readNotes();
  const clientFor = env.clientFor;
  const noting: ProvisionEnv = {
    ...env,
    unnoted: { client: env.client, ...(clientFor ? { clientFor } : {}) },
    client: notes.wrap(env.client),
    ...(clientFor ? { clientFor: (system: string) => notes.wrap(clientFor(system)) } : {}),
  };
  const step = await plan(noting);
  return { ...step, reads: notes.seal() };
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
