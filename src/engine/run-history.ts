import { readdir } from "node:fs/promises";
import * as path from "node:path";
import { readRecord, recordDirFor, type RunKind, type RunRecordData, type RunStatus } from "./run-record";
import type { StepPlan } from "./types";

/** What a later plan needs of the last successful run: which steps it completed, and with what inputs. */
export type LastRun = Pick<RunRecordData, "runId" | "plan" | "outcomes">;

/**
 * The run records of one sysplex, as a run finds them when it starts. The folder is listed
 * once and each record read at most once, whichever questions the run asks of it (the run
 * to resume, the last success, jobs left running, the runs a rollback undoes).
 */
export class RunHistory {
  private readonly reads = new Map<string, Promise<RunRecordData>>();

  private constructor(
    readonly dir: string,
    readonly sysplex: string,
    private readonly names: readonly string[],
  ) {}

  /** The history in `dir` (default: the folder the topology's runs are recorded in); no folder is no history. */
  static async open(options: {
    readonly sysplex: string;
    readonly dir?: string;
    readonly topologyFile?: string;
    readonly recordDir?: string;
  }): Promise<RunHistory> {
    const dir = options.dir ?? recordDirFor({ topologyFile: options.topologyFile ?? ".", recordDir: options.recordDir });
    let names: string[];
    try {
      names = await readdir(dir);
    } catch {
      names = [];
    }
    return new RunHistory(dir, options.sysplex, names);
  }

  /** The record file a run of this kind has (or would have) in the folder. */
  fileOf(runId: string, kind: RunKind = "provision"): string {
    return path.join(this.dir, `${runId}.${kind}.json`);
  }

  /** Whether the folder held the run's record when the history was opened. */
  has(runId: string, kind: RunKind = "provision"): boolean {
    return this.names.includes(`${runId}.${kind}.json`);
  }

  /** A record by file, read once however often it is asked for. */
  read(file: string): Promise<RunRecordData> {
    const key = path.resolve(file);
    let data = this.reads.get(key);
    if (!data) {
      data = readRecord(key);
      this.reads.set(key, data);
    }
    return data;
  }

  /** Every record of this sysplex and kind, oldest first (run ids sort by their start). */
  all(kind: RunKind): Promise<RunRecordData[]> {
    return Promise.all(this.namesOf(kind).map((n) => this.read(path.join(this.dir, n))));
  }

  /** The newest record of a kind, optionally only one with a given status. Older records are not read. */
  async latest(kind: RunKind, status?: readonly RunStatus[]): Promise<RunRecordData | undefined> {
    for (const name of [...this.namesOf(kind)].reverse()) {
      const data = await this.read(path.join(this.dir, name));
      if (!status || status.includes(data.status)) return data;
    }
    return undefined;
  }

  /** The newest provision run that succeeded: what a plan may take as done. */
  lastSuccess(): Promise<RunRecordData | undefined> {
    return this.latest("provision", ["succeeded"]);
  }

  private namesOf(kind: RunKind): string[] {
    return this.names.filter((n) => n.startsWith(`${this.sysplex}-`) && n.endsWith(`.${kind}.json`)).sort();
  }
}

/**
 * The last successful run that completed this step with the same inputs: its plan has the step
 * with the same fingerprint, and the step ended changed or unchanged. Information for the person
 * reading the plan only; a step always looks at the live state, whatever a record says. A step or
 * a record without a fingerprint has no such run.
 */
export function sameInputsAs(last: LastRun | undefined, step: Pick<StepPlan, "id" | "fingerprint">): string | undefined {
  if (!last || step.fingerprint === undefined) return undefined;
  const planned = last.plan.find((p) => p.id === step.id);
  const outcome = last.outcomes.find((o) => o.id === step.id);
  if (planned?.fingerprint !== step.fingerprint) return undefined;
  return outcome?.state === "changed" || outcome?.state === "unchanged" ? last.runId : undefined;
}
