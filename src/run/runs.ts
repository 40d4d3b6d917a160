import { RunHistory } from "../engine/run-history";
import type { RunRecordData } from "../engine/run-record";
import type { LogSink } from "../engine/types";
import { RunCatalog, type ListedRun, type RecordPlace } from "../runs/catalog";
import { ZosRunLibrary } from "../runs/zos-library";
import { createZosmfClient, type ZosmfConnection } from "../zosmf";
import { loadTopologyFile } from "./topology-file";

/** What `runs list` and `runs show` are given: the topology (its sysplex and backup library) and the command's connection. */
export interface RunsOptions {
  readonly topologyFile: string;
  readonly connection: ZosmfConnection;
  /** Folder for run records. @default "<topology folder>/ha-runs" */
  readonly recordDir?: string;
  readonly log?: LogSink;
  /** Ends the reads on z/OS when aborted (an interrupted command). */
  readonly signal?: AbortSignal;
}

export interface RunsList {
  readonly sysplex: string;
  /** Newest first. */
  readonly runs: readonly ListedRun[];
  readonly localDir: string;
  readonly zosLibrary: string;
  /** Why the z/OS records could not be read; the list then holds only this machine's runs. */
  readonly zosProblem?: string;
}

export interface ShownRun {
  readonly record: RunRecordData;
  readonly places: readonly RecordPlace[];
}

/** The runs of the topology's sysplex, from this machine's folder and the library on z/OS, merged by run id. */
export function listRuns(options: RunsOptions): Promise<RunsList> {
  return withCatalog(options, async (catalog, library) => ({
    sysplex: catalog.sysplex,
    runs: [...catalog.runs].reverse(),
    localDir: catalog.localDir,
    zosLibrary: library.dsn,
    ...(catalog.zosProblem ? { zosProblem: catalog.zosProblem } : {}),
  }));
}

/** One run's whole record, from this machine or, when it has none, from z/OS. */
export function showRun(options: RunsOptions & { readonly runId: string }): Promise<ShownRun> {
  return withCatalog(options, async (catalog) => {
    const record = await catalog.read(options.runId);
    return { record, places: catalog.find(options.runId)?.places ?? ["z/OS"] };
  });
}

/** Reads only: the topology file, the local folder, and GETs of the run library on z/OS. */
async function withCatalog<T>(options: RunsOptions, use: (catalog: RunCatalog, library: ZosRunLibrary) => Promise<T>): Promise<T> {
  const { topology } = await loadTopologyFile(options.topologyFile);
  const history = await RunHistory.open({ sysplex: topology.sysplex, topologyFile: options.topologyFile, recordDir: options.recordDir });
  const client = createZosmfClient(options.connection, { log: options.log, ...(options.signal ? { signal: options.signal } : {}) });
  try {
    const library = new ZosRunLibrary(client, topology.datasets.backup, topology.datasets.volume);
    const result = await use(await RunCatalog.open(history, library), library);
    // A read cut short by the interrupt would look like "no runs on z/OS": the interrupt is the answer.
    options.signal?.throwIfAborted();
    return result;
  } finally {
    await client.close();
  }
}
