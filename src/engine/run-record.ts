import { createHash, randomBytes } from "node:crypto";
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import * as os from "node:os";
import * as path from "node:path";
import { HaError } from "../errors";
import { redactSecrets } from "./redact";
import type { BackupEntry, CommandEntry, DatasetEntry, JobEntry, RunRecorder, StepOutcome, StepPlan, WriteEntry } from "./types";

export type RunKind = "provision" | "rollback";

/**
 * A backup as kept in the record. Members (PARMLIB, PROCLIB, obey) keep their original
 * text here; USS files may hold secrets (zowe.yaml keystore passwords), so only their
 * hash is kept and the original is read back from the copy on z/OS.
 */
export interface RecordedBackup extends Omit<BackupEntry, "original"> {
  /** false when the target did not exist before the run (rollback deletes it). */
  readonly existed: boolean;
  readonly original?: string;
  readonly originalSha256?: string;
}
/** "interrupted": stopped by SIGINT/SIGTERM; jobs it submitted may still be running. */
export type RunStatus = "running" | "succeeded" | "failed" | "planned" | "interrupted";

/** The journal of one run, kept as JSON beside the topology (or in --record-dir). */
export interface RunRecordData {
  readonly formatVersion: 1;
  readonly runId: string;
  readonly kind: RunKind;
  readonly sysplex: string;
  readonly topologyFile: string;
  readonly topologySha256: string;
  /** The run this one resumes or rolls back. */
  readonly basedOn?: string;
  readonly startedAt: string;
  endedAt?: string;
  status: RunStatus;
  plan: StepPlan[];
  outcomes: StepOutcome[];
  backups: RecordedBackup[];
  writes: WriteEntry[];
  jobs: JobEntry[];
  commands: CommandEntry[];
  /** Data sets the run created; absent in older records. */
  datasets?: DatasetEntry[];
  /** The token in the run's job and backup names; absent in older records. A saved plan is applied by one run only. */
  readonly runToken?: string;
  /** --limit/--only of a partial run: a --resume keeps it. Absent: every step. */
  readonly limit?: RunLimit;
  /** How it was started, e.g. `provision --resume`; absent in older records. */
  readonly command?: string;
  /** The z/OS user it ran as, and the user and machine it ran from; absent in older records. */
  readonly user?: string;
  readonly localUser?: string;
  readonly host?: string;
  /** What each copy on z/OS holds, since a backup member's own name (B + hash) says nothing. */
  backupMap?: BackupMapEntry[];
}

/** The systems and workflows a partial run was limited to (absent: all). */
export interface RunLimit {
  readonly systems?: readonly string[];
  readonly workflows?: readonly string[];
}

export interface BackupMapEntry {
  /** The copy: `HA.BACKUP(B1A2B3C4)` or `<path>.ha-<token>.bak`. */
  readonly copy: string;
  /** The original it holds: `DSN(MEMBER)` or a path. */
  readonly of: string;
  readonly runId: string;
  readonly at: string;
}

/**
 * A second home for the record (a library on z/OS every admin can read). Told of the
 * record when it starts, when something a rollback needs is added, and when it ends; it
 * never fails the run, it reports its own trouble.
 */
export interface RecordMirror {
  update(data: RunRecordData, final: boolean): Promise<void>;
  /** Where the copy is, or why there is none. */
  readonly state: { readonly where?: string; readonly problem?: string };
}

export interface RunRecordOptions {
  readonly kind: RunKind;
  readonly sysplex: string;
  readonly topologyFile: string;
  readonly topologyText: string;
  /** Folder for run records. @default "<topology folder>/ha-runs" */
  readonly recordDir?: string;
  /** The run this one resumes or undoes. */
  readonly basedOn?: string;
  readonly runToken?: string;
  /** --limit/--only of a partial run. */
  readonly limit?: RunLimit;
  /** The id, when it was chosen before the record (the sysplex lock names it first). */
  readonly runId?: string;
  /** The z/OS user the run connects as. */
  readonly user?: string;
  readonly mirror?: RecordMirror;
}

/** Sortable by time to the millisecond (a resume can start within the second of the run it resumes). */
export function newRunId(sysplex: string, at = new Date().toISOString()): string {
  return `${sysplex}-${at.replace(/[-:]/g, "").replace(".", "").replace("Z", "")}-${randomBytes(2).toString("hex")}`;
}

/** Writes the journal after every entry, so a run cut short still leaves its record. */
export class RunRecord implements RunRecorder {
  readonly file: string;
  readonly data: RunRecordData;
  private saving: Promise<void> = Promise.resolve();
  /** The write that will pick up every change made before it starts. */
  private next: Promise<void> | undefined;

  private constructor(
    file: string,
    data: RunRecordData,
    private readonly mirror?: RecordMirror,
  ) {
    this.file = file;
    this.data = data;
  }

  static async create(options: RunRecordOptions): Promise<RunRecord> {
    const dir = recordDirFor(options);
    await mkdir(dir, { recursive: true });
    const startedAt = new Date().toISOString();
    const runId = options.runId ?? newRunId(options.sysplex, startedAt);
    const data: RunRecordData = {
      formatVersion: 1,
      runId,
      kind: options.kind,
      sysplex: options.sysplex,
      topologyFile: path.resolve(options.topologyFile),
      topologySha256: sha256(options.topologyText),
      basedOn: options.basedOn,
      startedAt,
      status: "running",
      plan: [],
      outcomes: [],
      backups: [],
      writes: [],
      jobs: [],
      commands: [],
      datasets: [],
      ...(options.runToken !== undefined ? { runToken: options.runToken } : {}),
      ...(options.limit ? { limit: options.limit } : {}),
      command: commandOf(options),
      ...(options.user ? { user: options.user.toUpperCase() } : {}),
      ...localIdentity(),
      backupMap: [],
    };
    const record = new RunRecord(path.join(dir, `${runId}.${options.kind}.json`), data, options.mirror);
    await record.save();
    return record;
  }

  async backup(entry: BackupEntry): Promise<void> {
    const { original, ...rest } = entry;
    const existed = original !== null;
    if (!existed) this.data.backups.push({ ...rest, existed });
    else if (entry.target.kind === "member") this.data.backups.push({ ...rest, existed, original, originalSha256: sha256(original) });
    else this.data.backups.push({ ...rest, existed, originalSha256: sha256(original) });
    if (entry.zosCopy) {
      const of = entry.target.kind === "member" ? `${entry.target.dsn}(${entry.target.member})` : entry.target.path;
      (this.data.backupMap ??= []).push({ copy: entry.zosCopy, of, runId: this.data.runId, at: new Date().toISOString() });
    }
    await this.save();
    await this.mirror?.update(this.data, false);
  }

  /**
   * One entry per job: the intent before the submit (no job id), then the job id JES gave it
   * (retcode null), completed when it ends.
   */
  async job(entry: JobEntry): Promise<void> {
    const at = entry.jobid === null ? -1 : this.data.jobs.findIndex((j) => sameJob(j, entry));
    if (at >= 0) this.data.jobs[at] = entry;
    else this.data.jobs.push(entry);
    await this.save();
  }

  async command(entry: CommandEntry): Promise<void> {
    this.data.commands.push({ ...entry, command: redactSecrets(entry.command), response: entry.response.map(redactSecrets) });
    await this.save();
  }

  async write(entry: WriteEntry): Promise<void> {
    this.data.writes.push(entry);
    await this.save();
    await this.mirror?.update(this.data, false);
  }

  async dataset(entry: DatasetEntry): Promise<void> {
    (this.data.datasets ??= []).push(entry);
    await this.save();
    await this.mirror?.update(this.data, false);
  }

  async finish(status: RunStatus, plan: StepPlan[], outcomes: StepOutcome[]): Promise<void> {
    this.data.plan = plan;
    this.data.outcomes = outcomes;
    this.data.status = status;
    this.data.endedAt = new Date().toISOString();
    await this.save();
    await this.mirror?.update(this.data, true);
  }

  /** The plan is known once the record exists: the record goes to z/OS from here. */
  async setPlan(plan: StepPlan[]): Promise<void> {
    this.data.plan = plan;
    await this.save();
    await this.mirror?.update(this.data, false);
  }

  /**
   * Written to a temporary file and renamed, so a reader never sees half a record. Saves
   * asked for while one is writing fold into a single next write of the latest data.
   */
  save(): Promise<void> {
    if (this.next) return this.next;
    const next = this.saving.then(async () => {
      this.next = undefined;
      const tmp = `${this.file}.tmp`;
      await writeFile(tmp, JSON.stringify(this.data, null, 2) + "\n", "utf8");
      await rename(tmp, this.file);
    });
    this.next = next;
    this.saving = next;
    return next;
  }
}

/** The recorded entry `entry` updates: the same job id, or the intent (no job id yet) of the same submission. */
export function sameJob(recorded: JobEntry, entry: JobEntry): boolean {
  if (recorded.jobname.toUpperCase() !== entry.jobname.toUpperCase()) return false;
  if (recorded.jobid === null) return recorded.token === entry.token && recorded.stepId === entry.stepId;
  return recorded.jobid === entry.jobid;
}

/** The command as a person would recognise it in a list of runs. */
function commandOf(options: RunRecordOptions): string {
  if (!options.basedOn) return options.kind;
  return options.kind === "provision" ? "provision --resume" : `rollback --run ${options.basedOn}`;
}

/** Who started the run, on which machine; an account the OS cannot name is left out. */
function localIdentity(): { localUser?: string; host: string } {
  let localUser: string | undefined;
  try {
    localUser = os.userInfo().username;
  } catch {
    localUser = undefined;
  }
  return { ...(localUser ? { localUser } : {}), host: os.hostname() };
}

export function recordDirFor(options: { topologyFile: string; recordDir?: string }): string {
  return options.recordDir ? path.resolve(options.recordDir) : path.join(path.dirname(path.resolve(options.topologyFile)), "ha-runs");
}

export async function readRecord(file: string): Promise<RunRecordData> {
  try {
    return asRunRecord(JSON.parse(await readFile(file, "utf8")));
  } catch (err) {
    throw new HaError(`Cannot read run record ${file}: ${(err as Error).message}`, { failureClass: "invalid-input", cause: err });
  }
}

const LISTS = ["plan", "outcomes", "backups", "writes", "jobs", "commands"] as const;

/**
 * The parsed JSON as a run record, once the parts every reader relies on are there: a file
 * of another shape is refused by name instead of being half read.
 */
export function asRunRecord(json: unknown): RunRecordData {
  if (typeof json !== "object" || json === null || Array.isArray(json)) throw new Error("not a JSON object");
  const data = json as Partial<Record<keyof RunRecordData, unknown>>;
  if (data.formatVersion !== 1) throw new Error(`unknown format version ${String(data.formatVersion)}`);
  if (typeof data.runId !== "string" || data.runId === "") throw new Error("runId is missing");
  if (data.kind !== "provision" && data.kind !== "rollback")
    throw new Error(`kind is ${JSON.stringify(data.kind)}, not provision or rollback`);
  if (!["running", "succeeded", "failed", "planned", "interrupted"].includes(String(data.status)))
    throw new Error(`status is ${JSON.stringify(data.status)}`);
  for (const list of LISTS) if (!Array.isArray(data[list])) throw new Error(`${list} is not a list`);
  return json as RunRecordData;
}

export function sha256(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}
