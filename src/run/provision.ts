import { randomBytes } from "node:crypto";
import { findLatestRecord } from "../engine/run-record";
import type { ProgressSink } from "../engine/types";
import { HaError } from "../errors";
import { planProvision } from "../provision/plan";
import { createZosmfClient, type ZosmfClient, type ZosmfClientOptions, type ZosmfConnection } from "../zosmf";
import type { Topology } from "../topology";
import { loadTopologyFile } from "./topology-file";
import { assertNoUnfinishedJobs } from "./unfinished-jobs";
import { reportAndApply, type RunResult } from "./apply-run";
import { provisionNext } from "./next-commands";

export interface ProvisionOptions {
  readonly topologyFile: string;
  readonly connection: ZosmfConnection;
  /** Plan and report without changing anything. @default false */
  readonly dryRun?: boolean;
  /** Continue the newest failed run of this topology (re-observing, never trusting). @default false */
  readonly resume?: boolean;
  /** Start each z/OSMF server and wait until it listens. @default false */
  readonly startServers?: boolean;
  /** @default 600000 */
  readonly jobTimeoutMs?: number;
  /** A site copy of the workflows folder. */
  readonly workflowsDir?: string;
  /** @default DEFAULT_CONCURRENCY (16) */
  readonly concurrency?: number;
  /** Folder for run records. @default "<topology folder>/ha-runs" */
  readonly recordDir?: string;
  readonly sink?: ProgressSink;
  /** Pause between console response reads. @default 1000 */
  readonly consoleDelayMs?: number;
  /** Called once per HTTP request (benchmarks count requests by kind). */
  readonly onRequest?: ZosmfClientOptions["onRequest"];
}

export interface ProvisionResult extends RunResult {
  /** The failed run that --resume continued. */
  readonly resumedRun?: string;
}

/**
 * Validate, observe, plan and (unless dry-run) apply. Planning only reads: a dry
 * run sends GETs and display commands and nothing else.
 */
export async function provision(options: ProvisionOptions): Promise<ProvisionResult> {
  const t0 = Date.now();
  const { topology, text } = await loadTopologyFile(options.topologyFile);
  const client = createZosmfClient(options.connection, { onRequest: options.onRequest });
  try {
    return await planAndApply(options, topology, text, client, t0);
  } finally {
    client.close();
  }
}

async function planAndApply(options: ProvisionOptions, topology: Topology, text: string, client: ZosmfClient, t0: number): Promise<ProvisionResult> {
  const resumed = options.resume
    ? await findLatestRecord({ topologyFile: options.topologyFile, recordDir: options.recordDir, sysplex: topology.sysplex, kind: "provision", status: ["failed", "running"] })
    : undefined;
  if (options.resume && !resumed) {
    throw new HaError(`--resume: no failed provision run of sysplex ${topology.sysplex} was found`, { failureClass: "invalid-input" });
  }
  const previous = resumed ?? (await findLatestRecord({ topologyFile: options.topologyFile, recordDir: options.recordDir, sysplex: topology.sysplex, kind: "provision" }));
  if (!options.dryRun) await assertNoUnfinishedJobs(client, previous);
  const lastSuccess = await findLatestRecord({ topologyFile: options.topologyFile, recordDir: options.recordDir, sysplex: topology.sysplex, kind: "provision", status: ["succeeded"] });
  const runToken = randomBytes(4).toString("hex").toUpperCase();
  const steps = await planProvision({
    topology,
    client,
    workflowsDir: options.workflowsDir,
    runToken,
    owner: (options.connection.user ?? "*").toUpperCase(),
    jobTimeoutMs: options.jobTimeoutMs ?? 600_000,
    startServers: options.startServers ?? false,
    lastSuccessfulRecord: lastSuccess,
    ...(options.consoleDelayMs !== undefined ? { consoleDelayMs: options.consoleDelayMs } : {}),
  });
  const result = await reportAndApply(steps, {
    kind: "provision",
    sysplex: topology.sysplex,
    topologyFile: options.topologyFile,
    topologyText: text,
    recordDir: options.recordDir,
    basedOn: resumed?.runId,
    dryRun: options.dryRun,
    concurrency: options.concurrency,
    sink: options.sink,
    startedAt: t0,
    nextCommands: (runId, anythingSent) => provisionNext(options, runId, anythingSent),
  });
  return { ...result, resumedRun: resumed?.runId };
}
