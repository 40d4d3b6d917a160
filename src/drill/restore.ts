import { HaError } from "../errors";
import { parseDisplayActive } from "../parsers";
import { issueCommand } from "../provision/ops/console";
import { sleep, type ZosmfClient } from "../zosmf";
import { assertNotRefused, assertVaryDone, operatorForm } from "./commands";
import type { Observer } from "./observe";
import type { DrillTarget } from "./target";
import type { DrillCommand, DrillMethod, DrillPhase } from "./types";
import { watch } from "./watch";

export interface RestoreDeps {
  readonly client: ZosmfClient;
  readonly target: DrillTarget;
  readonly method: DrillMethod;
  readonly observer: Observer;
  readonly consoleDelayMs: number;
  readonly restoreTimeoutMs: number;
  readonly intervalMs: number;
}

export interface Restored {
  readonly confirmed: boolean;
  readonly phase: DrillPhase;
  /** performance.now() when the restore began: the switch-back is timed from here. */
  readonly startedAt: number;
}

/** A VARY answer is whole at EZZ0053I or at any message other than EZZ0060I PROCESSING COMMAND. */
const varyComplete = (t: string) => /\bEZZ0053I\b/.test(t) || /\b(EZZ(?!0060I)\d{4}I|IEE\d{3}I)\b/.test(t);

export async function send(d: Pick<RestoreDeps, "client" | "consoleDelayMs">, c: DrillCommand): Promise<readonly string[]> {
  const isComplete = c.command.startsWith("VARY ") ? varyComplete : (t: string) => t.trim() !== "";
  const r = await issueCommand({ client: d.client, system: c.system, command: c.command, delayMs: d.consoleDelayMs, isComplete });
  return r.lines;
}

/** `D A,job` read by IEE115I; anything else is unknown and never counts as running. */
async function running(d: RestoreDeps): Promise<boolean> {
  const { job, system } = d.target.preferred;
  const r = await issueCommand({
    client: d.client,
    system,
    command: `D A,${job}`,
    delayMs: d.consoleDelayMs,
    isComplete: (t) => parseDisplayActive(t, job).state !== "unknown",
  });
  const task = parseDisplayActive(r.text, job);
  // Not knowing is not "not running": a second server is never started on a guess.
  if (task.state === "unknown")
    throw new HaError(`The answer to D A,${job} on ${system} was not recognised, so whether ${job} runs is unknown; it was not started.`, {
      failureClass: "zos-failure",
      details: task.lines.length ? [...task.lines] : ["(no answer)"],
    });
  return task.state === "active";
}

/**
 * After the drill's own `P` an address space still listed by `D A` is stopping, not running:
 * z/OS ends it once the program's shutdown is done, after its listener closed. Waits, within
 * the restore bound, until IEE115I no longer lists it; still listed then is a failure.
 */
async function awaitEnded(d: RestoreDeps, c: DrillCommand, startedAt: number): Promise<void> {
  const { job, system } = d.target.preferred;
  while (await running(d)) {
    if (performance.now() - startedAt >= d.restoreTimeoutMs)
      throw new HaError(
        `${job} on ${system} was still active ${d.restoreTimeoutMs} ms after it was stopped, so ${c.command} was not sent.`,
        {
          failureClass: "zos-failure",
        },
      );
    await sleep(d.intervalMs);
  }
}

/** Starts the server once its stopped address space has ended, then waits until the distributor sees its listener ready. */
async function restart(d: RestoreDeps, c: DrillCommand, startedAt: number): Promise<void> {
  await awaitEnded(d, c, startedAt);
  assertNotRefused(c, await send(d, c));
  const p = d.target.preferred.system;
  const w = await watch(d.observer, {
    until: (s) => s.ready.includes(p),
    timeoutMs: d.restoreTimeoutMs,
    intervalMs: d.intervalMs,
    startedAt,
  });
  if (!w.done) {
    const last = w.samples[w.samples.length - 1];
    throw new HaError(
      `${d.target.preferred.job} on ${p} was started but its listener was not ready in the VDPT of ${d.target.distributor} within ${d.restoreTimeoutMs} ms.`,
      {
        failureClass: "zos-failure",
        details: last?.note ? [last.note] : [],
      },
    );
  }
}

/**
 * Undoes the failing command. Never interrupted by Ctrl-C: what was stopped is started again
 * whatever ended the drill. Done only when confirmed (EZZ0053I, or the listener ready again).
 */
export async function restorePreferred(d: RestoreDeps, c: DrillCommand): Promise<Restored> {
  const startedAt = performance.now();
  const title =
    d.method === "quiesce" ? `Resume ${d.target.preferred.job} on ${c.system}` : `Start ${d.target.preferred.job} on ${c.system} again`;
  try {
    if (d.method === "quiesce") assertVaryDone(c, await send(d, c));
    else await restart(d, c, startedAt);
    const timeMs = Math.round(performance.now() - startedAt);
    return { confirmed: true, startedAt, phase: { id: "restore", title, verdict: "passed", timeMs, detail: `${c.command} confirmed` } };
  } catch (err) {
    const details = err instanceof HaError ? err.details : [];
    const detail = [`not confirmed: ${(err as Error).message}`, ...details.slice(0, 5), `the operator must run: ${operatorForm(c)}`].join(
      "; ",
    );
    return { confirmed: false, startedAt, phase: { id: "restore", title, verdict: "failed", detail } };
  }
}
