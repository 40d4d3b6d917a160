import { randomBytes } from "node:crypto";
import * as path from "node:path";
import { findLatestRecord, readRecord, recordDirFor, sha256, type RunRecordData } from "../engine/run-record";
import type { ProgressSink } from "../engine/types";
import { HaError } from "../errors";
import { lastResumer, loadChain, mergeChain } from "../rollback/chain";
import { planRollback } from "../rollback/plan";
import { createZosmfClient, type ZosmfClientOptions, type ZosmfConnection } from "../zosmf";
import { reportAndApply, type RunResult } from "./apply-run";
import { rollbackNext } from "./next-commands";
import { loadTopologyFile } from "./topology-file";

export interface RollbackOptions {
  readonly topologyFile: string;
  readonly connection: ZosmfConnection;
  /** Run id or run record file. @default the newest provision run of the topology's sysplex */
  readonly run?: string;
  /** @default false */
  readonly dryRun?: boolean;
  /** Restore what was changed after the run too. @default false */
  readonly force?: boolean;
  readonly workflowsDir?: string;
  readonly recordDir?: string;
  /** @default DEFAULT_CONCURRENCY (16) */
  readonly concurrency?: number;
  readonly sink?: ProgressSink;
  readonly onRequest?: ZosmfClientOptions["onRequest"];
  /** Pause between console response reads. @default 1000 */
  readonly consoleDelayMs?: number;
}

export interface RollbackResult extends RunResult {
  /** The provision run that was undone (the newest, when it resumed earlier runs). */
  readonly undoneRun: string;
  /** Every run undone, oldest first: the run and the failed runs it resumed. */
  readonly undoneRuns: string[];
}

export async function rollback(options: RollbackOptions): Promise<RollbackResult> {
  const t0 = Date.now();
  const { topology, text } = await loadTopologyFile(options.topologyFile);
  const found = await findRun(options, topology.sysplex);
  const chain = await loadChain(found.record, found.dir);
  const undoneRuns = chain.map((r) => r.runId);
  if (chain.length > 1) {
    options.sink?.onEvent({ type: "message", level: "info", text: `run ${found.record.runId} resumed earlier runs; undoing ${undoneRuns.join(", ")} as one` });
  }
  const target = mergeChain(chain);
  if (target.topologySha256 !== sha256(text)) {
    options.sink?.onEvent({ type: "message", level: "warn", text: `the topology file changed since run ${target.runId}; the TCP/IP removal is built from the current file` });
  }
  const client = createZosmfClient(options.connection, { onRequest: options.onRequest });
  try {
    const runToken = randomBytes(4).toString("hex").toUpperCase();
    const steps = await planRollback({ topology, client, record: target, force: options.force ?? false, runToken, workflowsDir: options.workflowsDir, consoleDelayMs: options.consoleDelayMs });
    const result = await reportAndApply(steps, {
      kind: "rollback",
      sysplex: topology.sysplex,
      topologyFile: options.topologyFile,
      topologyText: text,
      recordDir: options.recordDir,
      basedOn: target.runId,
      dryRun: options.dryRun,
      concurrency: options.concurrency,
      sink: options.sink,
      startedAt: t0,
      nextCommands: (_runId, anythingSent) => rollbackNext(options, options.run ?? found.record.runId, anythingSent),
    });
    return { ...result, undoneRun: target.runId, undoneRuns };
  } finally {
    client.close();
  }
}

/** The run asked for and the folder its record is in (where the runs it resumed are too). */
async function findRun(options: RollbackOptions, sysplex: string): Promise<{ record: RunRecordData; dir: string }> {
  if (options.run) {
    const file = options.run.endsWith(".json") ? path.resolve(options.run) : path.join(recordDirFor(options), `${options.run}.provision.json`);
    const data = await readRecord(file);
    if (data.kind !== "provision") throw new HaError(`${file} is a ${data.kind} record; rollback undoes provision runs`, { failureClass: "invalid-input" });
    return { record: data, dir: path.dirname(file) };
  }
  const latest = await findLatestRecord({ topologyFile: options.topologyFile, recordDir: options.recordDir, sysplex, kind: "provision", status: ["succeeded", "failed", "running"] });
  if (!latest) throw new HaError(`No provision run of sysplex ${sysplex} was found in ${recordDirFor(options)}; nothing to roll back`, { failureClass: "invalid-input" });
  const dir = recordDirFor(options);
  return { record: await lastResumer(latest, dir), dir };
}
