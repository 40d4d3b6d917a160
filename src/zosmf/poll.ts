import type { LogSink } from "../engine/types";

/** Resolves after `ms`, or rejects with the signal's reason as soon as it aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

export interface PollOptions<T> {
  /** One look at the state; returns the value when done, undefined to keep waiting. */
  readonly check: () => Promise<T | undefined>;
  readonly timeoutMs: number;
  readonly initialDelayMs: number;
  readonly maxDelayMs: number;
  /** Growth of the gap between polls. @default 2 */
  readonly factor?: number;
  readonly signal?: AbortSignal;
  /** Wait `initialDelayMs` before the first look too (the state cannot have changed yet). @default false */
  readonly waitFirst?: boolean;
  /** Longest gap allowed after `elapsedMs` of waiting, so the end is noticed within that much. */
  readonly noticeWithin?: (elapsedMs: number) => number;
  /** Builds the error thrown when time runs out. */
  readonly onTimeout: (polls: number) => Error;
  /** Gets one line per look: what is polled, which look, and the pause before the next. */
  readonly log?: LogSink;
  /** What is polled, in the log's words (`job IZUMKF0A(JOB00012) status`). @default "a state" */
  readonly what?: string;
}

export interface PollResult<T> {
  readonly value: T;
  readonly polls: number;
}

/**
 * Polls fast at first (short jobs finish in well under a second), then backs off to the
 * cap so a long wait costs few requests. Never sleeps past the deadline.
 */
export async function pollUntil<T>(options: PollOptions<T>): Promise<PollResult<T>> {
  const started = performance.now();
  const deadline = started + options.timeoutMs;
  const factor = options.factor ?? 2;
  let delay = options.initialDelayMs;
  let polls = 0;
  const note = (text: string): void => {
    try {
      options.log?.debug(`poll ${options.what ?? "a state"}: look ${polls}, ${text}`);
    } catch {
      // A faulty log must not change the wait.
    }
  };
  if (options.waitFirst) {
    await sleep(Math.min(delay, options.timeoutMs), options.signal);
    delay = Math.min(delay * factor, options.maxDelayMs);
  }
  for (;;) {
    options.signal?.throwIfAborted();
    polls++;
    const value = await options.check();
    if (value !== undefined) {
      note("done");
      return { value, polls };
    }
    const now = performance.now();
    const left = deadline - now;
    if (left <= 0) {
      note(`not yet; timed out after ${Math.round(now - started)} ms`);
      throw options.onTimeout(polls);
    }
    const cap = options.noticeWithin ? options.noticeWithin(now - started) : Infinity;
    const pause = Math.min(delay, cap, left);
    note(`not yet; next look in ${Math.round(pause)} ms`);
    await sleep(pause, options.signal);
    delay = Math.min(delay * factor, options.maxDelayMs);
  }
}
