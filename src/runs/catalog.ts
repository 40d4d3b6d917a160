import type { RunHistory } from "../engine/run-history";
import type { RunRecordData } from "../engine/run-record";
import { HaError } from "../errors";
import { redactMessage } from "../engine/redact";
import { entryOf, type RunEntry } from "./run-entry";
import type { ZosRunLibrary } from "./zos-library";

export type RecordPlace = "local" | "z/OS";

/** A run as the catalog knows it, and where its record was found. */
export interface ListedRun extends RunEntry {
  readonly places: readonly RecordPlace[];
}

/**
 * The runs of one sysplex from both homes of their records: the local folder and the
 * library on z/OS. A run in both is listed once; its local record is read first (it is
 * written after every entry, the z/OS copy at fewer points), the z/OS one when this machine
 * has none.
 */
export class RunCatalog {
  private constructor(
    private readonly history: RunHistory,
    private readonly zos: ZosRunLibrary | undefined,
    /** Every run, oldest first. */
    readonly runs: readonly ListedRun[],
    /** Why the z/OS index could not be read, when it could not. */
    readonly zosProblem: string | undefined,
  ) {}

  static async open(history: RunHistory, zos: ZosRunLibrary | undefined): Promise<RunCatalog> {
    const local = [...(await history.all("provision")), ...(await history.all("rollback"))].map(entryOf);
    let remote: RunEntry[] = [];
    let problem: string | undefined;
    if (zos) {
      try {
        remote = (await zos.entries()).filter((e) => e.sysplex === history.sysplex);
      } catch (err) {
        problem = redactMessage(err instanceof Error ? err.message : String(err));
      }
    }
    const byId = new Map<string, ListedRun>();
    for (const e of remote) byId.set(e.runId, { ...e, places: ["z/OS"] });
    for (const e of local) {
      const there = byId.get(e.runId);
      byId.set(e.runId, { ...e, places: there ? ["local", "z/OS"] : ["local"] });
    }
    const runs = [...byId.values()].sort((a, b) => byStart(a, b));
    return new RunCatalog(history, zos, runs, problem);
  }

  get localDir(): string {
    return this.history.dir;
  }

  get sysplex(): string {
    return this.history.sysplex;
  }

  /** Where records are looked for, for messages. */
  get places(): string {
    return this.zos ? `${this.history.dir} or ${this.zos.dsn}` : this.history.dir;
  }

  find(runId: string): ListedRun | undefined {
    return this.runs.find((r) => r.runId === runId);
  }

  /** The full record of a run: the local one if this machine has it, else the copy on z/OS. */
  async read(runId: string): Promise<RunRecordData> {
    const run = this.find(runId);
    if (run && this.history.has(runId, run.kind)) return this.history.read(this.history.fileOf(runId, run.kind));
    const fromZos = this.zos ? await this.zos.read(runId) : undefined;
    if (fromZos) return fromZos;
    throw new HaError(`No record of run ${runId} was found in ${this.places}.`, {
      failureClass: "invalid-input",
      details: this.zosProblem ? [`The z/OS run records could not be read: ${this.zosProblem}`] : [],
    });
  }
}

/** By start time, then id: a run's resume always starts after the run it resumes. */
export function byStart(a: RunEntry, b: RunEntry): number {
  return a.startedAt < b.startedAt ? -1 : a.startedAt > b.startedAt ? 1 : a.runId.localeCompare(b.runId);
}
