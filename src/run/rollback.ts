import * as path from "node:path";
import type { RunHistory } from "../engine/run-history";
import { sha256, type RunRecordData } from "../engine/run-record";
import { HaError } from "../errors";
import { lastResumer, loadChain, mergeChain } from "../rollback/chain";
import { planRollback } from "../rollback/plan";
import { applyRun, type PlannedRun, type RunOptions, type RunResult, type RunScope } from "./apply-run";
import { rollbackNext } from "./next-commands";

export interface RollbackOptions extends RunOptions {
  /** Run id or run record file. @default the newest provision run of the topology's sysplex */
  readonly run?: string;
  /** Restore what was changed after the run too. @default false */
  readonly force?: boolean;
}

export interface RollbackResult extends RunResult {
  /** The provision run that was undone (the newest, when it resumed earlier runs). */
  readonly undoneRun: string;
  /** Every run undone, oldest first: the run and the failed runs it resumed. */
  readonly undoneRuns: string[];
}

type Undone = Pick<RollbackResult, "undoneRun" | "undoneRuns">;

export function rollback(options: RollbackOptions): Promise<RollbackResult> {
  // A record named by its file: the runs it resumed are in the same folder.
  const historyDir = options.run?.endsWith(".json") ? path.dirname(path.resolve(options.run)) : undefined;
  return applyRun("rollback", { ...options, historyDir }, (scope) => planRun(options, scope));
}

async function planRun(options: RollbackOptions, scope: RunScope): Promise<PlannedRun<Undone>> {
  const { topology, history } = scope;
  const found = await findRun(options, history);
  const chain = await loadChain(found, history);
  const undoneRuns = chain.map((r) => r.runId);
  if (chain.length > 1) {
    options.sink?.onEvent({
      type: "message",
      level: "info",
      text: `run ${found.runId} resumed earlier runs; undoing ${undoneRuns.join(", ")} as one`,
    });
  }
  const target = mergeChain(chain);
  if (target.topologySha256 !== sha256(scope.text)) {
    options.sink?.onEvent({
      type: "message",
      level: "warn",
      text: `the topology file changed since run ${target.runId}; the TCP/IP removal is built from the current file`,
    });
  }
  const client = scope.client();
  const steps = await planRollback({
    topology,
    client,
    clientFor: await scope.systemClients(),
    record: target,
    force: options.force ?? false,
    runToken: scope.runToken,
    workflowsDir: options.workflowsDir,
    consoleDelayMs: options.consoleDelayMs,
  });
  return {
    steps,
    basedOn: target.runId,
    nextCommands: (_runId, anythingSent) => rollbackNext(options, options.run ?? found.runId, anythingSent),
    extra: { undoneRun: target.runId, undoneRuns },
  };
}

/** The run asked for (by id or record file), else the newest provision run and the runs that resumed it. */
async function findRun(options: RollbackOptions, history: RunHistory): Promise<RunRecordData> {
  if (options.run) {
    const file = options.run.endsWith(".json") ? path.resolve(options.run) : history.fileOf(options.run);
    const data = await history.read(file);
    if (data.kind !== "provision")
      throw new HaError(`${file} is a ${data.kind} record; rollback undoes provision runs`, { failureClass: "invalid-input" });
    return data;
  }
  const latest = await history.latest("provision", ["succeeded", "failed", "interrupted", "running"]);
  if (!latest)
    throw new HaError(`No provision run of sysplex ${history.sysplex} was found in ${history.dir}; nothing to roll back`, {
      failureClass: "invalid-input",
    });
  return lastResumer(latest, history);
}
