import * as path from "node:path";
import { readRecord, sha256 } from "../engine/run-record";
import { HaError } from "../errors";
import { loadResumeFamily, mergeChain } from "../rollback/chain";
import { RunCatalog } from "../runs/catalog";
import { entryOf, type RunEntry } from "../runs/run-entry";
import { ZosRunLibrary } from "../runs/zos-library";
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
  /** Every run undone, oldest first: the run the resumes started from and every resume of it. */
  readonly undoneRuns: string[];
  /** Newer provision runs passed over because they changed nothing. */
  readonly skippedRuns: string[];
}

type Undone = Pick<RollbackResult, "undoneRun" | "undoneRuns" | "skippedRuns">;

export function rollback(options: RollbackOptions): Promise<RollbackResult> {
  // A record named by its file: the runs it resumed are in the same folder.
  const historyDir = options.run?.endsWith(".json") ? path.dirname(path.resolve(options.run)) : undefined;
  return applyRun("rollback", { ...options, historyDir }, (scope) => planRun(options, scope));
}

async function planRun(options: RollbackOptions, scope: RunScope): Promise<PlannedRun<Undone>> {
  const { topology, history } = scope;
  // Another admin's runs are on z/OS beside the backups; this machine may have none of them.
  const catalog = await RunCatalog.open(history, new ZosRunLibrary(scope.client(), topology.datasets.backup, topology.datasets.volume));
  if (catalog.zosProblem) {
    // Which run is newest cannot be told from one machine's folder: another admin's may be newer.
    if (options.run === undefined) {
      throw new HaError(`The run records on z/OS could not be read, so the newest run cannot be told; nothing was changed.`, {
        failureClass: "tool-failure",
        details: [
          catalog.zosProblem,
          `Name the run to undo: zowe ha rollback -t <file> --run <id> (zowe ha runs list shows this machine's).`,
        ],
      });
    }
    say(options, "warn", `the run records on z/OS could not be read (${catalog.zosProblem}); only ${history.dir} was searched`);
  }
  const { found, skipped } = await findRun(options, catalog);
  const chain = await loadResumeFamily(found, catalog);
  const undoneRuns = chain.map((r) => r.runId);
  if (skipped.length > 0) say(options, "info", `newer runs that changed nothing are not undone: ${skipped.join(", ")}`);
  say(
    options,
    "info",
    chain.length > 1
      ? `undoing runs ${chain.map((r) => `${r.runId} (${r.command ?? r.kind}, ${r.status})`).join(", ")} as one: a run and its resumes`
      : `undoing run ${found.runId} (${found.status})`,
  );
  const target = mergeChain(chain);
  if (target.topologySha256 !== sha256(scope.text)) {
    options.sink?.onEvent({
      type: "message",
      level: "warn",
      text: `the topology file changed since run ${target.runId}; the TCP/IP removal is built from the current file`,
    });
  }
  await scope.lock();
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
    extra: { undoneRun: target.runId, undoneRuns, skippedRuns: skipped },
  };
}

/**
 * The run asked for (by id or record file, from this machine or z/OS), else the newest
 * provision run that changed something; the newer ones it passed over are named.
 */
async function findRun(options: RollbackOptions, catalog: RunCatalog): Promise<{ found: RunEntry; skipped: string[] }> {
  if (options.run) {
    const id = options.run.endsWith(".json") ? (await readRecord(path.resolve(options.run))).runId : options.run;
    const found = catalog.find(id) ?? entryOf(await catalog.read(id));
    if (found.kind !== "provision")
      throw new HaError(`Run ${id} is a ${found.kind} run; rollback undoes provision runs`, { failureClass: "invalid-input" });
    return { found, skipped: [] };
  }
  const provisions = catalog.runs.filter((r) => r.kind === "provision" && r.status !== "planned").reverse();
  const at = provisions.findIndex((r) => r.changedSomething);
  if (at < 0)
    throw new HaError(
      `No provision run of sysplex ${catalog.sysplex} that changed anything was found in ${catalog.places}; nothing to roll back`,
      {
        failureClass: "invalid-input",
      },
    );
  return { found: provisions[at]!, skipped: provisions.slice(0, at).map((r) => r.runId) };
}

function say(options: RollbackOptions, level: "info" | "warn", text: string): void {
  options.sink?.onEvent({ type: "message", level, text });
}
