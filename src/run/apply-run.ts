import { randomBytes } from "node:crypto";
import { executePlan } from "../engine/execute";
import { redactSecrets } from "../engine/redact";
import { RunHistory } from "../engine/run-history";
import { newRunId, RunRecord, type RunKind, type RunRecordOptions } from "../engine/run-record";
import { SentLog, type SentEntry } from "../engine/sent";
import { jobLabel } from "../engine/job-label";
import type { Change, LogSink, PlannedStep, ProgressSink, StepOutcome, StepPlan } from "../engine/types";
import { doneCounts, planCounts, type ChangeCounts } from "../report/plan-summary";
import type { Topology } from "../topology";
import { ZosRecordMirror } from "../runs/zos-mirror";
import { ZosRunLibrary } from "../runs/zos-library";
import { createZosmfClient, type ZosmfClient, type ZosmfClientOptions, type ZosmfConnection } from "../zosmf";
import { assertTrustedHosts, connectionFor, connectionKey, isOwnConnection, type ConnectionRules } from "./connections";
import { summarize, type RunSummary } from "./summary";
import { runLock, type HeldLock } from "./sysplex-lock";
import { loadTopologyFile } from "./topology-file";

/** What provision and rollback return: the plan, and what applying it did. */
export interface RunResult {
  readonly sysplex: string;
  readonly dryRun: boolean;
  readonly status: "planned" | "succeeded" | "failed" | "interrupted";
  /** After an interrupt: the jobs this run submitted that had not ended, as JOBNAME(JOBID). */
  readonly runningJobs?: readonly string[];
  readonly runId?: string;
  readonly recordFile?: string;
  /** The record's copy on z/OS (`<backup>.RUNS(member)`), or why it could not be written. */
  readonly zosRecord?: { readonly where?: string; readonly problem?: string };
  readonly plan: readonly StepPlan[];
  readonly outcomes: readonly StepOutcome[];
  readonly summary: RunSummary;
  /** The changes by kind: what the plan would make (dry run), or what the steps that changed made. */
  readonly counts: ChangeCounts;
  /** What this run sent to z/OS that changed (or may have changed) something, in order. */
  readonly sent: readonly SentEntry[];
  /** After a failure: the commands that continue or undo the run. */
  readonly next?: readonly string[];
}

/** What the run record needs, and how to run the plan. */
export interface ApplyRunOptions extends RunRecordOptions {
  readonly dryRun?: boolean;
  readonly concurrency?: number;
  readonly sink?: ProgressSink;
  /** When the whole run started, for its wall time. */
  readonly startedAt: number;
  /** The commands to give after a failure, given the run's id and whether anything was sent. */
  readonly nextCommands?: (runId: string, anythingSent: boolean) => string[];
  /** Aborted on SIGINT/SIGTERM: no new step starts, waits end, and the record says "interrupted". */
  readonly signal?: AbortSignal;
}

/** What provision and rollback are both given. */
export interface RunOptions extends ConnectionRules {
  readonly topologyFile: string;
  /** Plan and report without changing anything. @default false */
  readonly dryRun?: boolean;
  /** A site copy of the workflows folder. */
  readonly workflowsDir?: string;
  /** Folder for run records. @default "<topology folder>/ha-runs" */
  readonly recordDir?: string;
  /** @default 16, or 4 per system when that is more (defaultConcurrency) */
  readonly concurrency?: number;
  readonly sink?: ProgressSink;
  /** Diagnostic lines: one per z/OSMF request and per poll. */
  readonly log?: LogSink;
  /** Called once per HTTP request (benchmarks count requests by kind). */
  readonly onRequest?: ZosmfClientOptions["onRequest"];
  /** Pause between console response reads. @default 1000 */
  readonly consoleDelayMs?: number;
  /** Ends the run early (SIGINT/SIGTERM): steps in flight stop waiting, nothing new starts. */
  readonly signal?: AbortSignal;
  /** The run's token, when it applies a saved plan: that plan's, so its JCL is the JCL that was approved. */
  readonly runToken?: string;
}

/** What a use case works from: the topology, its run history (the folder read once) and z/OSMF. */
export interface RunScope {
  readonly topology: Topology;
  readonly text: string;
  readonly history: RunHistory;
  /** Unique to this run; put into every job and backup name. */
  readonly runToken: string;
  /** The client, made on first use (so a refusal from the records comes first) and closed at the end. */
  client(): ZosmfClient;
  /** Each system's client, by its `connection` (the command's own for `{}`), made once per connection. */
  systemClients(): Promise<(system: string) => ZosmfClient>;
  /**
   * Takes the sysplex lock (not on a dry run; once). A use case calls it after its local checks and
   * before its first look at z/OS; it is taken after planning at the latest, and held to the end.
   */
  lock(): Promise<void>;
}

/** A use case's plan: its steps, the run it builds on, and what it adds to the result. */
export interface PlannedRun<X> {
  readonly steps: readonly PlannedStep[];
  readonly basedOn?: string;
  /** --limit/--only of a partial run, kept in its record. */
  readonly limit?: RunRecordOptions["limit"];
  readonly nextCommands: (runId: string, anythingSent: boolean) => string[];
  readonly extra: X;
}

/**
 * The one skeleton of provision and rollback: read the topology, open its run history, plan
 * (the use case's own part), report the plan and, unless dry-run, apply it with a run record.
 */
export async function applyRun<X>(
  kind: RunKind,
  options: RunOptions & { readonly historyDir?: string },
  plan: (scope: RunScope) => Promise<PlannedRun<X>>,
): Promise<RunResult & X> {
  const startedAt = Date.now();
  const { topology, text } = await loadTopologyFile(options.topologyFile);
  assertTrustedHosts(topology, options.topologyFile, options);
  const { recordDir, historyDir: dir, topologyFile } = options;
  const history = await RunHistory.open({ sysplex: topology.sysplex, topologyFile, recordDir, dir });
  const clients = runClients(topology, options);
  const own = clients.own;
  const scope: Omit<RunScope, "lock"> & { lock: RunScope["lock"] } = {
    lock: async () => undefined,
    topology,
    text,
    history,
    runToken: options.runToken ?? randomBytes(4).toString("hex").toUpperCase(),
    client: own,
    systemClients: clients.bySystem,
  };
  // Held from before the first look at z/OS until the end: a plan made while another run applies
  // would be stale by the time it is applied. A dry run never takes it.
  const runId = options.dryRun ? undefined : newRunId(topology.sysplex);
  let lock: HeldLock | undefined;
  const mirror = recordMirror(own, topology, options.sink);
  scope.lock = async () => {
    if (runId === undefined || lock) return;
    lock = await runLock(own, kind, topology, options)(runId);
    // Under the lock, while the run plans: what the record's first write needs to know.
    mirror.prepare();
  };
  try {
    const planned = await plan(scope);
    await scope.lock();
    const result = await reportAndApply(planned.steps, {
      ...(runId !== undefined ? { runId } : {}),
      kind,
      sysplex: topology.sysplex,
      topologyFile: options.topologyFile,
      topologyText: text,
      recordDir: options.recordDir,
      basedOn: planned.basedOn,
      runToken: scope.runToken,
      ...(planned.limit ? { limit: planned.limit } : {}),
      user: options.connection.user,
      mirror,
      dryRun: options.dryRun,
      concurrency: options.concurrency,
      sink: options.sink,
      startedAt,
      nextCommands: planned.nextCommands,
      signal: options.signal,
    });
    return { ...result, ...planned.extra };
  } finally {
    // Every outcome ends here, an interrupt included: the next run must not find this one's lock.
    const problem = await lock?.release();
    if (problem) options.sink?.onEvent({ type: "message", level: "warn", text: problem });
    await clients.close();
  }
}

/** Beside the backups on z/OS, so any admin can list the run and undo it. */
function recordMirror(own: () => ZosmfClient, topology: Topology, sink: ProgressSink | undefined): ZosRecordMirror {
  return new ZosRecordMirror(() => new ZosRunLibrary(own(), topology.datasets.backup, topology.datasets.volume), sink);
}

/** The run's own client and one per other connection the topology names, each opened when first used. */
function runClients(topology: Topology, options: RunOptions) {
  const make = (connection: ZosmfConnection) => createZosmfClient(connection, { onRequest: options.onRequest, log: options.log });
  let client: ZosmfClient | undefined;
  const others = new Map<string, ZosmfClient>();
  const own = () => (client ??= make(options.connection));
  return {
    own,
    bySystem: async (): Promise<(name: string) => ZosmfClient> => {
      const bySystem = new Map<string, ZosmfClient>();
      for (const system of topology.systems) {
        if (isOwnConnection(system.connection)) continue;
        const key = connectionKey(system.connection);
        if (!others.has(key)) others.set(key, make(await connectionFor(system.connection!, options)));
        bySystem.set(system.name, others.get(key)!);
      }
      return (name) => bySystem.get(name) ?? own();
    },
    close: async () => {
      await Promise.all([client?.close(), ...[...others.values()].map((c) => c.close())]);
    },
  };
}

/**
 * Reports the plan, then (unless dry-run) applies it with a run record written as it
 * goes. A dry run stops after the report: the same plan, nothing applied.
 */
export async function reportAndApply(steps: readonly PlannedStep[], o: ApplyRunOptions): Promise<RunResult> {
  const plan = steps.map(toStepPlan);
  o.sink?.onEvent({ type: "plan", steps: plan });
  for (const warning of plan.flatMap((s) => s.warnings ?? [])) o.sink?.onEvent({ type: "message", level: "warn", text: warning });
  if (o.dryRun) {
    return {
      sysplex: o.sysplex,
      dryRun: true,
      status: "planned",
      plan,
      outcomes: [],
      summary: summarize(plan, [], Date.now() - o.startedAt),
      counts: planCounts(plan),
      sent: [],
    };
  }
  return applyPlan(steps, plan, { ...o, runId: o.runId ?? newRunId(o.sysplex) });
}

async function applyPlan(steps: readonly PlannedStep[], plan: StepPlan[], o: ApplyRunOptions & { runId: string }): Promise<RunResult> {
  const record = await RunRecord.create(o);
  await record.setPlan(plan);
  const sent = new SentLog();
  const outcomes = await executePlan(steps, {
    recorder: record,
    sink: o.sink,
    concurrency: o.concurrency,
    sent,
    ...(o.signal ? { signal: o.signal } : {}),
  });
  const failed = outcomes.some((x) => x.state === "failed" || x.state === "skipped");
  const interrupted = o.signal?.aborted === true;
  const status = interrupted ? "interrupted" : failed ? "failed" : "succeeded";
  await record.finish(status, plan, outcomes);
  // A job's record entry has no return code until the run saw it end.
  const runningJobs = interrupted ? record.data.jobs.filter((j) => j.retcode === null).map(jobLabel) : [];
  const next = failed || interrupted ? nextAfter(o, record.data.runId, sent.any, runningJobs) : undefined;
  return {
    sysplex: o.sysplex,
    dryRun: false,
    status,
    ...(interrupted ? { runningJobs } : {}),
    runId: record.data.runId,
    recordFile: record.file,
    ...(o.mirror ? { zosRecord: o.mirror.state } : {}),
    plan,
    outcomes,
    summary: summarize(plan, outcomes, Date.now() - o.startedAt),
    counts: doneCounts(plan, outcomes),
    sent: sent.entries.map((e) => ({ ...e, what: redactSecrets(e.what) })),
    ...(next ? { next } : {}),
  };
}

/** What to do next; after an interrupt, first wait for the jobs still running on z/OS. */
function nextAfter(o: ApplyRunOptions, runId: string, anythingSent: boolean, runningJobs: readonly string[]): string[] | undefined {
  const commands = o.nextCommands?.(runId, anythingSent) ?? [];
  if (runningJobs.length === 0) return commands.length > 0 ? commands : undefined;
  return [`jobs still running on z/OS: ${runningJobs.join(", ")}; wait until they end, then`, ...commands];
}

/**
 * The serialisable part of a step (its apply closure stays behind). Every way a plan is
 * shown, returned (--rfj) or recorded starts here, so this is where its texts are
 * masked: a site's own JCL or a command may carry a password. The step itself is left
 * as it is, since its apply submits the real text.
 */
export function toStepPlan(step: PlannedStep): StepPlan {
  const { apply: _apply, blocker: _blocker, ...plan } = step;
  return {
    ...plan,
    observed: redactSecrets(plan.observed),
    changes: plan.changes.map(redactChange),
    ...(plan.warnings !== undefined ? { warnings: plan.warnings.map(redactSecrets) } : {}),
  };
}

/** A copy of the change with every string field masked, whichever kind it is. */
function redactChange(change: Change): Change {
  const copy: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(change)) copy[key] = typeof value === "string" && key !== "kind" ? redactSecrets(value) : value;
  return copy as Change;
}
