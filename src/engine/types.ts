/**
 * A plan is typed data: steps with dependencies, what each observed and what it
 * will change. `--dry-run` renders the same plan that apply executes.
 */

import type { HaError } from "../errors";
import type { SentLog } from "./sent";

/**
 * A data set as the plan creates it: the fields of the z/OSMF create request
 * (`POST /zosmf/restfiles/ds/<dsn>`), so what the plan shows is what is sent.
 */
export interface DatasetAttributes {
  readonly dsorg: "PO" | "PS";
  /** `LIBRARY` for a PDSE. */
  readonly dsntype?: "LIBRARY" | "PDS";
  readonly recfm: string;
  readonly lrecl: number;
  readonly blksize: number;
  readonly alcunit: "TRK" | "CYL";
  readonly primary: number;
  readonly secondary: number;
  /** Directory blocks; a PDS needs them. */
  readonly dirblk?: number;
  readonly volser?: string;
}

/** What a step will change, shown to the user before anything is applied. */
export type Change =
  | {
      readonly kind: "member";
      readonly dsn: string;
      readonly member: string;
      readonly action: "create" | "update" | "delete";
      readonly diff: string;
    }
  | { readonly kind: "uss-file"; readonly path: string; readonly action: "create" | "update"; readonly diff: string }
  | { readonly kind: "job"; readonly jobname: string; readonly jcl: string; readonly maxRc: number; readonly purpose: string }
  | { readonly kind: "command"; readonly system: string; readonly command: string; readonly purpose: string }
  | {
      readonly kind: "dataset";
      readonly dsn: string;
      readonly action: "create";
      readonly attributes: DatasetAttributes;
      readonly purpose: string;
    };

export type StepState = "pending" | "running" | "changed" | "unchanged" | "failed" | "skipped";

/** The serialisable face of a step: what `--dry-run` prints and `--rfj` returns. */
export interface StepPlan {
  readonly id: string;
  readonly workflow: string;
  readonly title: string;
  /** System the step acts on; absent for sysplex-wide steps. */
  readonly system?: string;
  readonly dependsOn: readonly string[];
  /** What the read-only look found, in one line. */
  readonly observed: string;
  /** Empty when the desired state is already in place. */
  readonly changes: readonly Change[];
  /** Warnings the plan wants a person to read (e.g. fewer than three instances). */
  readonly warnings?: readonly string[];
  /**
   * sha256 of the step's inputs (`fingerprintOf`), compared with the last successful run's to
   * tell the reader whether the step's inputs changed since. Absent in older records.
   */
  readonly fingerprint?: string;
  /** The last successful run that completed this step with the same inputs (see `sameInputsAs`). */
  readonly sameInputsAs?: string;
  /**
   * Every member and file the step read while planning, as it was then: what its changes are
   * based on. A saved plan is applied only while each is still the same.
   */
  readonly reads?: readonly ObservedRead[];
}

/** A member or file as a plan read it: its ETag and the sha256 of its text, both null when it did not exist. */
export interface ObservedRead {
  /** `DSN(MEMBER)` or a z/OS UNIX path. */
  readonly target: string;
  readonly etag: string | null;
  readonly sha256: string | null;
}

/** A step with the work that makes its changes. */
export interface PlannedStep extends StepPlan {
  apply(ctx: ApplyContext): Promise<StepResult>;
  /**
   * Why the step cannot be applied as planned, found while planning. A plan with any
   * blocker is refused as a whole before anything is sent.
   */
  readonly blocker?: HaError;
}

export interface StepResult {
  /** "unchanged" when apply found everything already in place after all. */
  readonly state: "changed" | "unchanged";
  readonly notes?: readonly string[];
}

/** Passed to every apply: where to record what was done and how to report progress. */
export interface ApplyContext {
  readonly record: RunRecorder;
  progress(message: string): void;
  readonly signal?: AbortSignal;
  /** What this run has sent to z/OS so far (writes, data sets, jobs, commands other than displays). */
  readonly sent?: SentLog;
}

/** The run record (journal) interface that steps write to while they apply. */
export interface RunRecorder {
  /** Called before a member or file is overwritten: the original bytes and ETag. */
  backup(entry: BackupEntry): Promise<void>;
  /** Called before a job is submitted (jobid null), when JES answered with its id, and again when it ends. */
  job(entry: JobEntry): void | Promise<void>;
  command(entry: CommandEntry): void | Promise<void>;
  write(entry: WriteEntry): void | Promise<void>;
  /** Called when the run created a data set. */
  dataset?(entry: DatasetEntry): void | Promise<void>;
}

export interface DatasetEntry {
  readonly stepId: string;
  readonly dsn: string;
  readonly attributes: DatasetAttributes;
}

export interface BackupEntry {
  readonly stepId: string;
  readonly target: { kind: "member"; dsn: string; member: string } | { kind: "uss-file"; path: string };
  /** null when the target did not exist before (rollback deletes it). */
  readonly original: string | null;
  readonly etag: string | null;
  /** Where the copy on z/OS was placed, e.g. HA.BACKUP(B0000001). */
  zosCopy?: string;
}

export interface JobEntry {
  readonly stepId: string;
  readonly jobname: string;
  /** null while the submission's outcome is not known: recorded before the submit request leaves. */
  readonly jobid: string | null;
  readonly token: string;
  /** The owner the job is submitted under, to look for it by token; absent in older records. */
  readonly owner?: string;
  readonly retcode: string | null;
  readonly maxRc: number;
}

export interface CommandEntry {
  readonly stepId: string;
  readonly system: string;
  readonly command: string;
  readonly response: string[];
}

export interface WriteEntry {
  readonly stepId: string;
  readonly target: { kind: "member"; dsn: string; member: string } | { kind: "uss-file"; path: string };
  readonly etagBefore: string | null;
  readonly etagAfter: string | null;
  /** sha256 (hex) of the written text after normaliseRecords; absent in older records. */
  readonly textSha256?: string;
  /** Set when the member was deleted (rollback of a member the run created). */
  readonly deleted?: boolean;
}

export interface StepOutcome {
  readonly id: string;
  readonly title: string;
  readonly system?: string;
  readonly state: StepState;
  readonly durationMs: number;
  readonly notes: readonly string[];
  /** Set on failure: the message and the lines that explain it. */
  readonly error?: { message: string; details: readonly string[]; failureClass: string };
}

/** Progress as the engine reports it; the CLI adapts this to its progress bar. */
export type EngineEvent =
  | { readonly type: "plan"; readonly steps: readonly StepPlan[] }
  | { readonly type: "step-start"; readonly id: string; readonly title: string; readonly index: number; readonly total: number }
  | { readonly type: "step-progress"; readonly id: string; readonly message: string }
  | { readonly type: "step-end"; readonly outcome: StepOutcome }
  | { readonly type: "message"; readonly level: "info" | "warn"; readonly text: string };

export interface ProgressSink {
  onEvent(event: EngineEvent): void;
}

/**
 * Diagnostic lines for whoever supports a run (the CLI writes them to the Zowe app log at
 * debug level): one per z/OSMF request and one per poll. A line never holds a credential,
 * a cookie, a header or a body.
 */
export interface LogSink {
  debug(line: string): void;
}
