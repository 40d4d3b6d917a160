import { HaError } from "../errors";
import { planProvision } from "../provision/plan";
import { describeScope, type LeftOutStep, type StepScope } from "../provision/step-filter";
import { applyRun, type RunOptions, type RunResult, type RunScope, type PlannedRun } from "./apply-run";
import { provisionNext } from "./next-commands";
import { assertNoUnfinishedJobs } from "./unfinished-jobs";
import { scopeOfRun } from "./provision-scope";

export interface ProvisionOptions extends RunOptions {
  /** Continue the newest failed run of this topology (re-observing, never trusting). @default false */
  readonly resume?: boolean;
  /** Start each z/OSMF server and wait until it listens. @default false */
  readonly startServers?: boolean;
  /** @default 600000 */
  readonly jobTimeoutMs?: number;
  /** --limit: only these systems' steps, and the sysplex-wide steps they need. @default every system */
  readonly limit?: readonly string[];
  /** --only: only these workflows (zosmf-ha, caching-service, port-sharing, distributed-services). @default all */
  readonly only?: readonly string[];
}

export interface ProvisionResult extends RunResult {
  /** The failed run that --resume continued. */
  readonly resumedRun?: string;
  /** --limit/--only of this run (a --resume keeps the one of the run it continues). */
  readonly limit?: StepScope;
  /** The steps --limit/--only left out, each with why. */
  readonly leftOut?: readonly LeftOutStep[];
}

/**
 * Validate, observe, plan and (unless dry-run) apply. Planning only reads: a dry
 * run sends GETs and display commands and nothing else.
 */
export function provision(options: ProvisionOptions): Promise<ProvisionResult> {
  return applyRun("provision", options, (scope) => planRun(options, scope));
}

type Extra = Pick<ProvisionResult, "resumedRun" | "limit" | "leftOut">;

async function planRun(options: ProvisionOptions, scope: RunScope): Promise<PlannedRun<Extra>> {
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
  return {
    steps,
    basedOn: resumed?.runId,
    ...(stepScope ? { limit: stepScope } : {}),
    nextCommands: (runId, anythingSent) => provisionNext(options, runId, anythingSent, describeScope(stepScope)),
    extra: { resumedRun: resumed?.runId, ...(stepScope ? { limit: stepScope, leftOut } : {}) },
  };
}
