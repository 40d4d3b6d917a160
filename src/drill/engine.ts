import { newRunId } from "../engine/run-record";
import { HaError } from "../errors";
import { assertTrustedHosts } from "../run/connections";
import { runLock } from "../run/sysplex-lock";
import { loadTopologyFile } from "../run/topology-file";
import { verify } from "../run/verify";
import type { Topology } from "../topology";
import { anonymousInfo, endpointUrl, type VerifyResult } from "../verify";
import { createZosmfClient, type ZosmfClient } from "../zosmf";
import { assertNotRefused, assertVaryDone, failCommand, operatorForm, restoreCommand } from "./commands";
import { createObserver, type Observer } from "./observe";
import { finalVerifyPhase, ownServerReason, preflightPhase, refusalReasons } from "./preflight";
import { restorePreferred, send } from "./restore";
import { measureSwitchBack } from "./switch-back";
import { resolveTarget, type DrillTarget } from "./target";
import { answeredFromBackup, takeoverPhases, tookOver } from "./timing";
import * as T from "./types";
import { watch } from "./watch";

interface Ctx {
  readonly o: T.DrillOptions;
  readonly topology: Topology;
  readonly target: DrillTarget;
  readonly method: T.DrillMethod;
  readonly client: ZosmfClient;
  readonly observer: Observer;
  readonly fail: T.DrillCommand;
  readonly restore: T.DrillCommand;
  readonly t0: number;
}

type Body = Pick<T.DrillResult, "status" | "commands" | "phases" | "restored" | "reasons"> &
  Partial<Pick<T.DrillResult, "operatorAction" | "runId">>;

function result(c: Ctx, body: Body): T.DrillResult {
  return {
    sysplex: c.topology.sysplex,
    target: c.target.name,
    method: c.method,
    dryRun: c.o.dryRun === true,
    ...body,
    durationMs: Date.now() - c.t0,
  };
}

/** `signal`: the check before anything is stopped ends on an interrupt; the one after the restore runs to its end. */
const runVerify = (o: T.DrillOptions, signal?: AbortSignal) =>
  verify({
    topologyFile: o.topologyFile,
    connection: o.connection,
    ...(o.trustTopologyHosts !== undefined ? { trustTopologyHosts: o.trustTopologyHosts } : {}),
    ...(o.resolveConnection ? { resolveConnection: o.resolveConnection } : {}),
    ...(o.endpoints ? { endpoints: o.endpoints } : {}),
    ...(o.readEndpointInfo ? { readEndpointInfo: o.readEndpointInfo } : {}),
    ...(o.sink ? { sink: o.sink } : {}),
    ...(o.log ? { log: o.log } : {}),
    ...(o.onRequest ? { onRequest: o.onRequest } : {}),
    ...(signal ? { signal } : {}),
  });

/** Ctrl-C before the failing command: nothing is stopped at all. */
const interruptedBeforeStop = (phases: Body["phases"]): Body => ({
  status: "interrupted",
  commands: [],
  phases,
  restored: "not-needed",
  reasons: ["interrupted before anything was stopped"],
});

function assertOptions(o: T.DrillOptions): T.DrillMethod {
  const method = o.method ?? "quiesce";
  if (!T.DRILL_METHODS.includes(method))
    throw new HaError(`--method: '${String(method)}' is not one of ${T.DRILL_METHODS.join(", ")}`, { failureClass: "invalid-input" });
  // S <job> starts a z/OSMF server from its own procedure; a service's job name need not be a procedure at all.
  const target = o.target ?? "zosmf";
  if (method === "stop" && target !== "zosmf")
    throw new HaError(
      `--method stop is allowed only with --target zosmf (got --target ${target}): a service's job name need not be a procedure that S can start; use --method quiesce`,
      { failureClass: "invalid-input" },
    );
  for (const [name, v] of [
    ["--takeover-timeout", o.takeoverTimeoutMs],
    ["--restore-timeout", o.restoreTimeoutMs],
  ] as const)
    if (v !== undefined && !(Number.isFinite(v) && v > 0))
      throw new HaError(`${name} must be a positive number of seconds`, { failureClass: "invalid-input" });
  return method;
}

/**
 * Proves the failover of one distributed target: checks it is healthy with a ready standby,
 * fails the preferred instance under the sysplex lock, times the takeover and the switch-back,
 * and restores what it stopped or quiesced whatever happens. A dry run sends displays and GETs only.
 */
export async function drill(o: T.DrillOptions): Promise<T.DrillResult> {
  const t0 = Date.now();
  const method = assertOptions(o);
  const { topology } = await loadTopologyFile(o.topologyFile);
  assertTrustedHosts(topology, o.topologyFile, o);
  const target = resolveTarget(topology, o.target);
  const fail = failCommand(target, method);
  const restore = restoreCommand(target, method);
  const client = createZosmfClient(o.connection, { onRequest: o.onRequest, log: o.log });
  const probeTrust = { ...o.connection, requestTimeoutMs: T.DRILL_PROBE_TIMEOUT_MS };
  const readInfo = o.readEndpointInfo ?? ((url: URL) => anonymousInfo(url, probeTrust));
  const consoleDelayMs = o.consoleDelayMs ?? 1000;
  const observer = createObserver({
    topology,
    target,
    client,
    consoleDelayMs,
    endpointInfo: () => readInfo(endpointUrl(target.host, target.port, o.endpoints)),
  });
  const c: Ctx = { o, topology, target, method, client, observer, fail, restore, t0 };
  try {
    const pre = await runVerify(o, o.signal).catch((err: unknown) => {
      if (o.signal?.aborted) return undefined;
      throw err;
    });
    if (pre === undefined) return result(c, interruptedBeforeStop([]));
    const own = ownServerReason(topology, target, method, o.connection);
    const reasons = [...(own ? [own] : []), ...refusalReasons(target, pre, await observer.look(0))];
    const phases = [preflightPhase(pre, reasons)];
    if (reasons.length > 0)
      return result(c, { status: "refused", commands: o.dryRun ? [fail, restore] : [], phases, restored: "not-needed", reasons });
    if (o.dryRun) return result(c, { status: "planned", commands: [fail, restore], phases, restored: "not-needed", reasons });
    const runId = newRunId(topology.sysplex);
    const lock = await runLock(() => client, "drill", topology, o)(runId);
    try {
      // Ctrl-C before the failing command: nothing is stopped at all.
      if (o.signal?.aborted) return result(c, { ...interruptedBeforeStop(phases), runId });
      // The sysplex may have changed while the lock was taken: one more look, under the lock, before anything is failed.
      const still = refusalReasons(target, pre, await observer.look(0));
      if (still.length > 0) {
        const why = still.map((r) => `after the lock was taken: ${r}`);
        return result(c, {
          status: "refused",
          commands: [],
          phases: [preflightPhase(pre, why)],
          restored: "not-needed",
          reasons: why,
          runId,
        });
      }
      return result(c, { ...(await exercise(c, phases, pre)), runId });
    } finally {
      const problem = await lock.release();
      if (problem) o.sink?.onEvent({ type: "message", level: "warn", text: problem });
    }
  } finally {
    client.close();
  }
}

/** Fails the preferred instance and watches the takeover; the caller restores in every case. */
async function failAndWatch(c: Ctx, phases: T.DrillPhase[], reasons: string[]): Promise<boolean> {
  const startedAt = performance.now();
  const timeoutMs = c.o.takeoverTimeoutMs ?? T.DEFAULT_TAKEOVER_TIMEOUT_MS;
  try {
    const lines = await send({ client: c.client, consoleDelayMs: c.o.consoleDelayMs ?? 1000 }, c.fail);
    if (c.method === "quiesce") assertVaryDone(c.fail, lines);
    else assertNotRefused(c.fail, lines);
  } catch (err) {
    const details = err instanceof HaError ? err.details.slice(0, 5) : [];
    phases.push({
      id: "fail",
      title: `Fail ${c.target.preferred.job} on ${c.fail.system}`,
      verdict: "failed",
      detail: [(err as Error).message, ...details].join("; "),
    });
    reasons.push(`stopped at the failing command: ${(err as Error).message}`);
    return false;
  }
  phases.push({
    id: "fail",
    title: `Fail ${c.target.preferred.job} on ${c.fail.system}`,
    verdict: "passed",
    timeMs: Math.round(performance.now() - startedAt),
    detail: c.fail.command,
  });
  c.o.sink?.onEvent({ type: "message", level: "info", text: `${c.fail.command} sent to ${c.fail.system}; watching the takeover` });
  const w = await watch(c.observer, {
    until: (s) => tookOver(s, c.target) && answeredFromBackup(s, c.target),
    timeoutMs,
    intervalMs: c.o.pollIntervalMs ?? T.DRILL_POLL_INTERVAL_MS,
    startedAt,
    ...(c.o.signal ? { signal: c.o.signal } : {}),
  });
  const taken = takeoverPhases(w.samples, c.target, timeoutMs, w.interrupted ? "interrupted before it was seen" : undefined);
  phases.push(...taken);
  // Where it stopped: the first phase not reached, which the others follow from.
  const stopped = taken.find((x) => x.verdict === "failed");
  if (stopped) reasons.push(`stopped at "${stopped.title}": ${stopped.detail}`);
  return w.done;
}

async function exercise(c: Ctx, phases: T.DrillPhase[], before: VerifyResult): Promise<Body> {
  const reasons: string[] = [];
  let tookOverOk = false;
  // From here until the restore is confirmed, an ended process must leave the way back behind.
  const left = c.method === "quiesce" ? "quiesced" : "stopped";
  c.o.onUndone?.([
    `${c.target.preferred.job} on ${c.target.preferred.system} may be left ${left}; the operator must run: ${operatorForm(c.restore)}`,
  ]);
  try {
    tookOverOk = await failAndWatch(c, phases, reasons);
  } catch (err) {
    // Whatever went wrong after the failing command, the restore below still runs.
    reasons.push(`stopped while watching the takeover: ${(err as Error).message}`);
  }
  if (c.o.signal?.aborted) reasons.push(`interrupted; restoring ${c.target.preferred.job} on ${c.target.preferred.system}`);
  const r = await restorePreferred(
    {
      client: c.client,
      target: c.target,
      method: c.method,
      observer: c.observer,
      consoleDelayMs: c.o.consoleDelayMs ?? 1000,
      restoreTimeoutMs: c.o.restoreTimeoutMs ?? T.DEFAULT_RESTORE_TIMEOUT_MS,
      intervalMs: c.o.pollIntervalMs ?? T.DRILL_POLL_INTERVAL_MS,
    },
    c.restore,
  );
  phases.push(r.phase);
  if (!r.confirmed) {
    reasons.push(`the restore of ${c.target.preferred.job} on ${c.target.preferred.system} was not confirmed`);
    return {
      status: c.o.signal?.aborted ? "interrupted" : "failed",
      commands: [c.fail, c.restore],
      phases,
      restored: "not-confirmed",
      reasons,
      operatorAction: [operatorForm(c.restore)],
    };
  }
  c.o.onUndone?.([]);
  return afterRestore(c, { phases, reasons, before, tookOverOk, restoredAt: r.startedAt });
}

/**
 * The switch-back and the verify after a confirmed restore. An error here cannot undo the
 * restore: it is a failed phase naming the error, and the result is always returned.
 */
async function afterRestore(
  c: Ctx,
  a: { phases: T.DrillPhase[]; reasons: string[]; before: VerifyResult; tookOverOk: boolean; restoredAt: number },
): Promise<Body> {
  const { phases, reasons } = a;
  const interrupted = () => c.o.signal?.aborted === true;
  const commands = [c.fail, c.restore];
  if (interrupted()) return { status: "interrupted", commands, phases, restored: "confirmed", reasons };
  const guarded = async <R>(id: "switch-back" | "final-verify", title: string, f: () => Promise<R>): Promise<R | undefined> => {
    try {
      return await f();
    } catch (err) {
      phases.push({ id, title, verdict: "failed", detail: `could not be read: ${(err as Error).message}` });
      reasons.push(`${title}: ${(err as Error).message}`);
      return undefined;
    }
  };
  const back = a.tookOverOk
    ? await guarded("switch-back", "Traffic back on the preferred instance", () =>
        measureSwitchBack(c.observer, c.target, {
          startedAt: a.restoredAt,
          timeoutMs: c.o.takeoverTimeoutMs ?? T.DEFAULT_TAKEOVER_TIMEOUT_MS,
          intervalMs: c.o.pollIntervalMs ?? T.DRILL_POLL_INTERVAL_MS,
          ...(c.o.signal ? { signal: c.o.signal } : {}),
        }),
      )
    : undefined;
  if (back) phases.push(back.phase);
  if (!interrupted()) {
    const after = await guarded("final-verify", "Verify after the drill", () => runVerify(c.o));
    if (after) phases.push(finalVerifyPhase(c.target, a.before, after));
  }
  const failed = phases.some((p) => p.verdict === "failed");
  return {
    status: interrupted() ? "interrupted" : failed ? "failed" : "succeeded",
    commands,
    phases,
    restored: "confirmed",
    reasons,
    ...(back?.operatorAction ? { operatorAction: back.operatorAction } : {}),
  };
}
