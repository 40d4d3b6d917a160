import { existsSync, statSync } from "node:fs";
import * as path from "node:path";
import { readPlanFile, writePlanFile, type SavedPlan } from "../engine/plan-file";
import type { RunHistory } from "../engine/run-history";
import { HaError } from "../errors";
import { planProvision } from "../provision/plan";
import { describeScope, type LeftOutStep, type StepScope } from "../provision/step-filter";
import { applyRun, toStepPlan, type RunOptions, type RunResult, type RunScope, type PlannedRun } from "./apply-run";
import { provisionNext } from "./next-commands";
import { assertSamePlan, comparePlans, planInputs, savedPlanOf } from "./saved-plan";
import { assertNoUnfinishedJobs } from "./unfinished-jobs";
import { scopeOfRun } from "./provision-scope";

export interface ProvisionOptions extends RunOptions {
  /** Continue the newest failed run of this topology (re-observing, never trusting). @default false */
  readonly resume?: boolean;
  /** Start each z/OSMF server and wait until it listens. @default false */
  readonly startServers?: boolean;
  /** @default 600000 */
  readonly jobTimeoutMs?: number;
  /** With dryRun: save the plan to this file (mode 0600) for a later `planFile`. */
  readonly out?: string;
  /** A plan saved by `out`: applied only when a fresh read-only plan is the same, else refused. */
  readonly planFile?: string;
  /** --limit: only these systems' steps, and the sysplex-wide steps they need. @default every system */
  readonly limit?: readonly string[];
  /** --only: only these workflows (zosmf-ha, caching-service, port-sharing, distributed-services). @default all */
  readonly only?: readonly string[];
}

export interface ProvisionResult extends RunResult {
  /** The failed run that --resume continued. */
  readonly resumedRun?: string;
  /** Where the plan was saved (`out`), or the saved plan that was checked and applied (`planFile`). */
  readonly planFile?: string;
  /** --limit/--only of this run (a --resume keeps the one of the run it continues). */
  readonly limit?: StepScope;
  /** The steps --limit/--only left out, each with why. */
  readonly leftOut?: readonly LeftOutStep[];
}

/**
 * Validate, observe, plan and (unless dry-run) apply. Planning only reads: a dry
 * run sends GETs and display commands and nothing else.
 */
export async function provision(options: ProvisionOptions): Promise<ProvisionResult> {
  assertPlanOptions(options);
  const saved = options.planFile !== undefined ? await readPlanFile(options.planFile) : undefined;
  return applyRun("provision", { ...options, ...(saved ? { runToken: saved.runToken } : {}) }, (scope) => planRun(options, scope, saved));
}

type Extra = Pick<ProvisionResult, "resumedRun" | "planFile" | "limit" | "leftOut">;

/** Saved-plan options that cannot go together, refused before anything is read or sent. */
function assertPlanOptions(o: ProvisionOptions): void {
  const refuse = (message: string) => {
    throw new HaError(message, { failureClass: "invalid-input" });
  };
  if (o.out !== undefined) {
    if (!o.dryRun) refuse("--out saves the plan of a dry run: add --dry-run (apply it later with --plan)");
    if (o.planFile !== undefined) refuse("--out and --plan go separately: --dry-run --out saves a plan, --plan applies one");
    const out = path.resolve(o.out);
    if (!existsSync(path.dirname(out))) refuse(`--out: the folder of ${o.out} does not exist`);
    if (existsSync(out) && statSync(out).isDirectory()) refuse(`--out: ${o.out} is a folder; name the plan file`);
    if (out === path.resolve(o.topologyFile)) refuse("--out names the topology file itself; name another file for the plan");
  }
  if (o.planFile !== undefined && o.resume) refuse("--plan and --resume go separately: a saved plan is applied whole or not at all");
}

/**
 * A saved plan is applied by one run: its job token is the run's, and a second run with the same
 * token could take the first one's job for its own. Its run record says which token it used.
 */
async function assertNotApplied(file: string, saved: SavedPlan, history: RunHistory): Promise<void> {
  const used = (await history.all("provision")).find((r) => r.runToken === saved.runToken);
  if (used) {
    throw new HaError(`--plan: ${file} was already applied by run ${used.runId} (${used.status}); make a new plan with --dry-run --out`, {
      failureClass: "invalid-input",
    });
  }
}

async function planRun(options: ProvisionOptions, scope: RunScope, saved: SavedPlan | undefined): Promise<PlannedRun<Extra>> {
  const { topology, history } = scope;
  const resumed = options.resume ? await history.latest("provision", ["failed", "interrupted", "running"]) : undefined;
  if (options.resume && !resumed) {
    throw new HaError(`--resume: no failed provision run of sysplex ${topology.sysplex} was found`, { failureClass: "invalid-input" });
  }
  // Checked before the first request: a name that is not in the topology sends nothing.
  const stepScope = scopeOfRun(options, topology, resumed, options.sink);
  const leftOut: LeftOutStep[] = [];
  const client = scope.client();
  const owner = (options.connection.user ?? "*").toUpperCase();
  const inputs = planInputs(topology, path.resolve(options.topologyFile), options.startServers ?? false, describeScope(stepScope));
  // A plan of other inputs says nothing of z/OS: refused before z/OS is even looked at.
  if (saved) assertSamePlan(options.planFile!, comparePlans({ ...saved, steps: [] }, inputs, []));
  if (saved && !options.dryRun) await assertNotApplied(options.planFile!, saved, history);
  // Local refusals are behind; from here on z/OS is looked at, under the lock.
  await scope.lock();
  if (!options.dryRun) await assertNoUnfinishedJobs(client, history, resumed, owner);
  const lastSuccess = await history.lastSuccess();
  const steps = await planProvision({
    topology,
    client,
    workflowsDir: options.workflowsDir,
    runToken: scope.runToken,
    owner,
    clientFor: await scope.systemClients(),
    jobTimeoutMs: options.jobTimeoutMs ?? 600_000,
    startServers: options.startServers ?? false,
    lastSuccessfulRecord: lastSuccess,
    ...(stepScope ? { stepScope, onLeftOut: (steps) => leftOut.push(...steps) } : {}),
    ...(options.consoleDelayMs !== undefined ? { consoleDelayMs: options.consoleDelayMs } : {}),
  });
  const shown = steps.map(toStepPlan);
  if (saved) assertSamePlan(options.planFile!, comparePlans(saved, inputs, shown));
  if (options.out !== undefined) await writePlanFile(options.out, savedPlanOf(inputs, scope.runToken, shown));
  const planFile = options.out ?? options.planFile;
  return {
    steps,
    basedOn: resumed?.runId,
    ...(stepScope ? { limit: stepScope } : {}),
    nextCommands: (runId, anythingSent) => provisionNext(options, runId, anythingSent, describeScope(stepScope)),
    extra: {
      resumedRun: resumed?.runId,
      ...(planFile !== undefined ? { planFile } : {}),
      ...(stepScope ? { limit: stepScope, leftOut } : {}),
    },
  };
}
