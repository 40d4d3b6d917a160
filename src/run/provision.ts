import { HaError } from "../errors";
import { planProvision } from "../provision/plan";
import { applyRun, type RunOptions, type RunResult, type RunScope, type PlannedRun } from "./apply-run";
import { provisionNext } from "./next-commands";
import { assertNoUnfinishedJobs } from "./unfinished-jobs";

export interface ProvisionOptions extends RunOptions {
  /** Continue the newest failed run of this topology (re-observing, never trusting). @default false */
  readonly resume?: boolean;
  /** Start each z/OSMF server and wait until it listens. @default false */
  readonly startServers?: boolean;
  /** @default 600000 */
  readonly jobTimeoutMs?: number;
}

export interface ProvisionResult extends RunResult {
  /** The failed run that --resume continued. */
  readonly resumedRun?: string;
}

/**
 * Validate, observe, plan and (unless dry-run) apply. Planning only reads: a dry
 * run sends GETs and display commands and nothing else.
 */
export function provision(options: ProvisionOptions): Promise<ProvisionResult> {
  return applyRun("provision", options, (scope) => planRun(options, scope));
}

async function planRun(options: ProvisionOptions, scope: RunScope): Promise<PlannedRun<{ resumedRun?: string }>> {
  const { topology, history } = scope;
  const client = scope.client();
  const resumed = options.resume ? await history.latest("provision", ["failed", "interrupted", "running"]) : undefined;
  if (options.resume && !resumed) {
    throw new HaError(`--resume: no failed provision run of sysplex ${topology.sysplex} was found`, { failureClass: "invalid-input" });
  }
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
    ...(options.consoleDelayMs !== undefined ? { consoleDelayMs: options.consoleDelayMs } : {}),
  });
  return {
    steps,
    basedOn: resumed?.runId,
    nextCommands: (runId, anythingSent) => provisionNext(options, runId, anythingSent),
    extra: { resumedRun: resumed?.runId },
  };
}
