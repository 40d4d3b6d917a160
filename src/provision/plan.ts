import { sameInputsAs, type LastRun } from "../engine/run-history";
import type { PlannedStep } from "../engine/types";
import { checkPrerequisites, prerequisiteProblems } from "../prerequisites";
import type { Topology } from "../topology";
import { zosmfHaSystems } from "../topology";
import type { ZosmfClient } from "../zosmf";
import { planReadCache, type PlanReadCache } from "./plan-cache";
import { planVsam } from "./caching-service/vsam-step";
import { planZoweYaml } from "./caching-service/zowe-yaml-step";
import type { ProvisionEnv, StepSpec } from "./context";
import { planProfileInclude, profileSystems } from "./ipl-persistence/profile-step";
import { planDistribute } from "./distributed-services/distribute-step";
import { serviceSystems } from "./distributed-services/service-variables";
import { planDatasets, readAheadLibraries } from "./ops/dataset-plan";
import { planProblems, refusePlan } from "./ops/plan-problems";
import { allLooks, PLANNING_CONCURRENCY, withReads } from "./plan-looks";
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
  const cache = planReadCache();
  try {
    return await planThroughCache(options, cache);
  } finally {
    cache.close();
  }
}

/** A workflow the topology asks for, with the switches and the systems its steps are planned for. */
interface WorkflowSection {
  readonly name: string;
  readonly switches: Switches;
  readonly systemsFor: (step: WorkflowStep) => readonly string[];
}

/** The workflows of the topology, in the order their steps are listed (and may depend on one another). */
function sectionsOf(t: Topology, startServers: boolean): WorkflowSection[] {
  const sections: WorkflowSection[] = [];
  if (t.zosmfHa) {
    const systems = zosmfHaSystems(t).map((m) => m.system.name);
    const systemsFor = (step: WorkflowStep) => (step.kind === "obey-apply" ? obeySystems(t) : systems);
    sections.push({ name: WORKFLOWS.zosmfHa, switches: { startServers, vsamMode: false }, systemsFor });
  }
  // The gateway's external address goes into zowe.yaml through the Caching Service's one zowe.yaml step.
  if (t.cachingService || t.gateway) {
    const switches = { startServers, vsamMode: t.cachingService?.storage.mode === "vsam" };
    sections.push({ name: WORKFLOWS.cachingService, switches, systemsFor: () => [] });
  }
  // Starting z/OS Connect and IMS Connect servers is left to the site: their procedures
  // are the site's own, so --start-servers does not reach them.
  const noServers = { startServers: false, vsamMode: false };
  if ((t.portSharing ?? []).length > 0)
    sections.push({ name: WORKFLOWS.portSharing, switches: noServers, systemsFor: () => portSharingSystems(t) });
  if ((t.distributedServices ?? []).length > 0)
    sections.push({ name: WORKFLOWS.distributedServices, switches: noServers, systemsFor: () => serviceSystems(t) });
  // Last: what the systems read at IPL and stack start, so that the HA set up above survives them.
  // Systems whose topology leaves these members out are warned about on their first step.
  if (plansIplPersistence(t))
    sections.push({ name: IPL_PERSISTENCE, switches: noServers, systemsFor: (step) => iplPersistenceSystems(t, step) });
  return sections;
}

async function planThroughCache(options: PlanProvisionOptions, cache: PlanReadCache): Promise<PlannedStep[]> {
  const clientFor = options.clientFor;
  const env: ProvisionEnv = {
    topology: options.topology,
    client: cache.wrap(options.client),
    runToken: options.runToken,
    owner: options.owner,
    jobTimeoutMs: options.jobTimeoutMs,
    consoleDelayMs: options.consoleDelayMs ?? 1_000,
    ...(options.lastSuccessfulRecord !== undefined ? { lastSuccessfulRecord: options.lastSuccessfulRecord } : {}),
    ...(clientFor !== undefined ? { clientFor: (system: string) => cache.wrap(clientFor(system)) } : {}),
  };
  const t = options.topology;
  const problems = planProblems();
  const sections = sectionsOf(t, options.startServers);
  const workflows = await Promise.all(
    sections.map((s) => loadWorkflow(s.name, options.workflowsDir ? { workflowsDir: options.workflowsDir } : {})),
  );
  // `workflow/step` dependencies name steps of the workflows listed before this one.
  const earlier = new Set<string>();
  const work = sections.flatMap((section, i) => {
    const scope = {
      name: section.name,
      earlier: new Set(earlier),
      ...(options.stepScope ? { stepScope: options.stepScope } : {}),
      onLeftOut: options.onLeftOut,
    };
    const looks = workflowLooks(env, workflows[i]!, section.switches, section.systemsFor, scope);
    for (const id of looks.ids) earlier.add(id);
    return looks.work;
  });
  // The sysplex must already be one: looked at, never assumed; only systems within --limit/--only are asked.
  // Its displays go beside the steps' reads: all of it only looks.
  const asked = t.zosmfHa
    ? inScope(
        zosmfHaSystems(t).map((m) => m.system.name),
        WORKFLOWS.zosmfHa,
        options.stepScope,
      )
    : [];
  const sysplex = t.zosmfHa ? zosmfHaSystems(t).map((m) => m.system.name) : [];
  readAheadLibraries(t, env.client);
  const [prerequisites, looks] = await Promise.allSettled([
    asked.length > 0
      ? checkPrerequisites({ client: options.client, systems: asked, sysplex, delayMs: env.consoleDelayMs })
      : Promise.resolve([]),
    allLooks(work, PLANNING_CONCURRENCY),
  ]);
  if (prerequisites.status === "rejected") throw prerequisites.reason;
  if (looks.status === "rejected") throw looks.reason;
  problems.add(...prerequisiteProblems(prerequisites.value));
  const steps = problems.collect(looks.value);
  // What each step found that keeps it from being applied, and the libraries the steps
  // write into: all reported together, before anything is sent.
  problems.add(...steps.flatMap((s) => (s.blocker ? [blockerLine(s)] : [])));
  const datasets = await planDatasets({ topology: t, client: env.client, steps: withPersistenceWarnings(t, steps) });
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

/** The looks that plan one workflow's steps (not started yet), and the ids of the steps they plan. */
function workflowLooks(
  env: ProvisionEnv,
  wf: LoadedWorkflow,
  switches: Switches,
  systemsFor: (step: WorkflowStep) => readonly string[],
  scope: WorkflowScope,
): { ids: string[]; work: (() => Promise<PlannedStep>)[] } {
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
  const planned = skeletons.filter((k) => kept.has(k.id));
  const work = planned.map((k) => {
    const plan = planner(k.step.kind, k.step);
    const spec = { workflow: wf, stepId: k.step.id, id: k.id, dependsOn: k.dependsOn, earlier: scope.earlier };
    if (k.system === undefined) return () => withReads(env, (e) => plan({ env: e, ...spec }));
    // A system's step reads and writes through that system's connection.
    const own = env.clientFor ? { ...env, client: env.clientFor(k.system) } : env;
    return () => withReads(own, (e) => plan({ env: e, ...spec }, k.system));
  });
  return { ids: planned.map((k) => k.id), work };
}
