import type { PlannedStep } from "../engine/types";
import { MAX_SOCKETS } from "../zosmf/agent";
import type { ProvisionEnv } from "./context";
import { isFinding } from "./ops/plan-problems";
import { readNotes } from "./plan-reads";

/** Plans one step through clients that note what it reads: the members and files its changes are based on. */
export async function withReads(env: ProvisionEnv, plan: (env: ProvisionEnv) => Promise<PlannedStep>): Promise<PlannedStep> {
  const notes = readNotes();
  const clientFor = env.clientFor;
  const noting: ProvisionEnv = {
    ...env,
    unnoted: { client: env.client, ...(clientFor ? { clientFor } : {}) },
    client: notes.wrap(env.client),
    ...(clientFor ? { clientFor: (system: string) => notes.wrap(clientFor(system)) } : {}),
  };
  const step = await plan(noting);
  return { ...step, reads: notes.seal() };
}

/**
 * Steps looked at at once, across every workflow: each look is a few reads one after the other,
 * and a 32-system sysplex has some 290 steps. As many as the client keeps sockets to one z/OSMF.
 */
export const PLANNING_CONCURRENCY = MAX_SOCKETS;

/**
 * Runs the looks side by side (they only read, so their order does not matter to z/OS) and
 * returns them in the given order with every look's failure, so that all problems of the
 * plan are reported together. After a failure that is not a finding (z/OSMF unreachable,
 * credentials refused) it starts nothing new: every further look would fail the same way.
 */
export async function allLooks<T>(work: readonly (() => Promise<T>)[], limit: number): Promise<{ results: T[]; errors: unknown[] }> {
  const results: (T | undefined)[] = new Array(work.length);
  const errors = new Map<number, unknown>();
  let stop = false;
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < work.length && !stop) {
      const i = next++;
      try {
        results[i] = await work[i]!();
      } catch (err) {
        errors.set(i, err);
        if (!isFinding(err)) stop = true;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, work.length) }, lane));
  return {
    results: results.filter((r): r is T => r !== undefined),
    errors: [...errors.keys()].sort((a, b) => a - b).map((i) => errors.get(i)),
  };
}
