import { sleep } from "../zosmf";
import type { Observer, Sample } from "./observe";

export interface WatchOptions {
  /** The wait is over at the first look that passes. */
  readonly until: (s: Sample) => boolean;
  readonly timeoutMs: number;
  readonly intervalMs: number;
  /** performance.now() of the phase start: every look's `at` counts from there. */
  readonly startedAt: number;
  /** Ctrl-C: looking stops; the caller restores. */
  readonly signal?: AbortSignal;
}

export interface Watched {
  readonly samples: readonly Sample[];
  readonly done: boolean;
  readonly interrupted: boolean;
}

/** Looks at a fixed interval until the condition holds, the bound is reached or the drill is interrupted. */
export async function watch(observer: Observer, o: WatchOptions): Promise<Watched> {
  const samples: Sample[] = [];
  for (;;) {
    if (o.signal?.aborted) return { samples, done: false, interrupted: true };
    const s = await observer.look(Math.round(performance.now() - o.startedAt));
    samples.push(s);
    if (o.until(s)) return { samples, done: true, interrupted: false };
    if (performance.now() - o.startedAt >= o.timeoutMs) return { samples, done: false, interrupted: false };
    try {
      await sleep(o.intervalMs, o.signal);
    } catch {
      return { samples, done: false, interrupted: true };
    }
  }
}
