import { setMaxListeners } from "node:events";
import { constants } from "node:os";
import { HaError } from "../src/errors";

/** After a first SIGINT/SIGTERM the run has this long to end its steps, release the lock and write its record. */
export const INTERRUPT_GRACE_MS = 30_000;

/** What ends the process when a run does not stop by itself; replaced in unit tests. */
export const processControl = {
  exit: (code: number): void => process.exit(code),
};

export interface Interrupt {
  /** Aborted on SIGINT, SIGTERM, or when the output pipe closes: the run stops at its next safe point. */
  readonly signal: AbortSignal;
  /**
   * What the process prints before it ends at a second signal or when the grace runs out: a run
   * that changed something it has not undone yet says here what the operator must run. Empty clears it.
   */
  onForcedExit(lines: readonly string[]): void;
  /** The run ended: signals from now on are left to the process's default, and no grace is counting. */
  dispose(): void;
}

const SIGNALS = ["SIGINT", "SIGTERM"] as const;

/**
 * Ctrl-C (SIGINT) or a CI runner's SIGTERM while a command runs: steps in flight stop waiting,
 * nothing new starts, and the run record is closed as "interrupted". The run gets
 * `graceMs` for that; a second signal, or the grace running out, ends the process at
 * once with 128 + the signal's number. A listener on a signal replaces Node's own ending of the
 * process, so the ending is done here and never left to chance.
 */
export function interruptOn(say: (line: string) => void, graceMs: number = INTERRUPT_GRACE_MS): Interrupt {
  const controller = new AbortController();
  // Every request in flight listens to it (a sysplex is read in one wave): not a leak.
  setMaxListeners(0, controller.signal);
  let grace: NodeJS.Timeout | undefined;
  let lastWords: readonly string[] = [];
  const end = (name: NodeJS.Signals, why: string) => {
    for (const line of lastWords) say(line);
    // Ended before its own clean-up: a sysplex lock it held stays until `zowe ha unlock --run`.
    say(`${name}: ${why}; exiting now. A sysplex lock this run held may remain: see zowe ha unlock.`);
    processControl.exit(128 + constants.signals[name]);
  };
  const onSignal = (name: NodeJS.Signals) => {
    if (controller.signal.aborted) return end(name, "second interrupt");
    say(`${name}: stopping; the steps in flight end and the run record is marked interrupted. Press Ctrl-C again to quit at once.`);
    controller.abort(new HaError(`Interrupted by ${name}`, { failureClass: "tool-failure" }));
    // Unreferenced: it bounds the run, it must not hold up the end of a process that is done.
    grace = setTimeout(() => end(name, `the run did not stop within ${Math.round(graceMs / 1000)} s`), graceMs).unref();
  };
  for (const name of SIGNALS) process.on(name, onSignal);
  const stopOnClosedOutput = () => {
    if (!controller.signal.aborted)
      controller.abort(new HaError("Interrupted: the output pipe was closed", { failureClass: "tool-failure" }));
  };
  outputClosed.add(stopOnClosedOutput);
  return {
    signal: controller.signal,
    onForcedExit: (lines) => {
      lastWords = [...lines];
    },
    dispose: () => {
      outputClosed.delete(stopOnClosedOutput);
      clearTimeout(grace);
      for (const name of SIGNALS) process.off(name, onSignal);
    },
  };
}

/** The runs to stop when stdout or stderr is gone. */
const outputClosed = new Set<() => void>();
const guarded = new WeakSet<NodeJS.EventEmitter>();

/**
 * When the reader of stdout or stderr has gone (a parent that died, `| head`), each write fails
 * with EPIPE. Unheard, that error reaches the Zowe host's uncaught-exception handler, which
 * reports it by writing to the same closed pipe: a loop that never ends and keeps a core busy.
 * Heard here, a failed write is dropped, the run stops as after an interrupt, and the command
 * ends as it would have. Installed once per stream and kept: the host writes after the handler.
 */
export function guardOutput(streams: readonly NodeJS.EventEmitter[] = [process.stdout, process.stderr]): void {
  for (const stream of streams) {
    if (guarded.has(stream)) continue;
    guarded.add(stream);
    stream.on("error", () => {
      for (const stop of outputClosed) stop();
    });
  }
}
