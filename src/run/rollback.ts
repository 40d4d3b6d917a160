import { randomBytes } from "node:crypto";
import * as path from "node:path";
import { executePlan } from "../engine/execute";
import { findLatestRecord, readRecord, recordDirFor, RunRecord, sha256, type RunRecordData } from "../engine/run-record";
import type { ProgressSink } from "../engine/types";
import { HaError } from "../errors";
import { planRollback } from "../rollback/plan";
import { createZosmfClient, type ZosmfClientOptions, type ZosmfConnection } from "../zosmf";
import { toStepPlan, type ProvisionResult } from "./provision";
import { summarize } from "./summary";
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
  /** @default 4 */
  readonly concurrency?: number;
  readonly sink?: ProgressSink;
  readonly onRequest?: ZosmfClientOptions["onRequest"];
  /** Pause between console response reads. @default 1000 */
  readonly consoleDelayMs?: number;
}

export interface RollbackResult extends ProvisionResult {
  /** The provision run that was undone. */
  readonly undoneRun: string;
}

export async function rollback(options: RollbackOptions): Promise<RollbackResult> {
  const t0 = Date.now();
  const { topology, text } = await loadTopologyFile(options.topologyFile);
  const target = await findRun(options, topology.sysplex);
  if (target.topologySha256 !== sha256(text)) {
    options.sink?.onEvent({ type: "message", level: "warn", text: `the topology file changed since run ${target.runId}; the TCP/IP removal is built from the current file` });
  }
  const client = createZosmfClient(options.connection, { onRequest: options.onRequest });
  try {
    const runToken = randomBytes(4).toString("hex").toUpperCase();
    const steps = await planRollback({ topology, client, record: target, force: options.force ?? false, runToken, workflowsDir: options.workflowsDir, consoleDelayMs: options.consoleDelayMs });
    const plan = steps.map(toStepPlan);
    options.sink?.onEvent({ type: "plan", steps: plan });
    for (const warning of plan.flatMap((s) => s.warnings ?? [])) options.sink?.onEvent({ type: "message", level: "warn", text: warning });
    if (options.dryRun) {
      return { sysplex: topology.sysplex, dryRun: true, status: "planned", plan, outcomes: [], summary: summarize(plan, [], Date.now() - t0), undoneRun: target.runId };
    }
    const record = await RunRecord.create({ kind: "rollback", sysplex: topology.sysplex, topologyFile: options.topologyFile, topologyText: text, recordDir: options.recordDir, basedOn: target.runId });
    await record.setPlan(plan);
    const outcomes = await executePlan(steps, { recorder: record, sink: options.sink, concurrency: options.concurrency });
    const failed = outcomes.some((o) => o.state === "failed" || o.state === "skipped");
    await record.finish(failed ? "failed" : "succeeded", plan, outcomes);
    return {
      sysplex: topology.sysplex,
      dryRun: false,
      status: failed ? "failed" : "succeeded",
      runId: record.data.runId,
      recordFile: record.file,
      plan,
      outcomes,
      summary: summarize(plan, outcomes, Date.now() - t0),
      undoneRun: target.runId,
    };
  } finally {
    client.close();
  }
}

async function findRun(options: RollbackOptions, sysplex: string): Promise<RunRecordData> {
  if (options.run) {
    const file = options.run.endsWith(".json") ? path.resolve(options.run) : path.join(recordDirFor(options), `${options.run}.provision.json`);
    const data = await readRecord(file);
    if (data.kind !== "provision") throw new HaError(`${file} is a ${data.kind} record; rollback undoes provision runs`, { failureClass: "invalid-input" });
    return data;
  }
  const latest = await findLatestRecord({ topologyFile: options.topologyFile, recordDir: options.recordDir, sysplex, kind: "provision", status: ["succeeded", "failed", "running"] });
  if (!latest) throw new HaError(`No provision run of sysplex ${sysplex} was found in ${recordDirFor(options)}; nothing to roll back`, { failureClass: "invalid-input" });
  return latest;
}
