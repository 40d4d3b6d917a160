/**
 * The least time a provision could take on the emulator, whatever the client did: the
 * emulated job times on the critical path plus the round trips that cannot overlap.
 */
export interface LowerBoundInput {
  /** One request's round trip on this machine at the set latency (median seen). */
  readonly rttMs: number;
  /** Emulated job run time, submit to end (input + active). */
  readonly jobMs: number;
}

export interface LowerBound {
  readonly ms: number;
  readonly model: string;
}

/**
 * Planning: two dependent reads (a look that finds a member or mount missing, then the one
 * that follows from it); every other look can overlap them. Applying, the longest chain is
 * the security step: the listing job must end before the define job is built from it, and
 * each job costs its submit, its run, the spool file list and then its spool reads (which
 * can all go at once). A status poll adds nothing at best: one answered right at the end.
 * Every other step fits beside it. Last, starting the servers waits for everything: S of the
 * angel, S of the server, and one NETSTAT that sees it listen. Sysplex size does not enter:
 * with unbounded parallelism the systems' steps overlap.
 */
export function lowerBound(i: LowerBoundInput): LowerBound {
  const planning = 2 * i.rttMs;
  const job = i.rttMs + i.jobMs + 2 * i.rttMs;
  const start = 3 * i.rttMs;
  return {
    ms: planning + 2 * job + start,
    model: `2 RTT planning + 2 x (submit RTT + ${i.jobMs} ms job + spool list RTT + spool read RTT) + 3 RTT start = 11 RTT + ${2 * i.jobMs} ms, RTT ${i.rttMs.toFixed(1)} ms`,
  };
}
