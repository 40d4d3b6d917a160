/** A value as a POSIX shell reads it back unchanged: bare when it is plain, else in single quotes. */
export function shellWord(value: string): string {
  return /^[\w@%+=:,./-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`;
}

interface Where {
  readonly topologyFile: string;
  readonly recordDir?: string;
}

function base(verb: "provision" | "rollback", o: Where): string {
  return `zowe ha ${verb} -t ${shellWord(o.topologyFile)}${o.recordDir ? ` --record-dir ${shellWord(o.recordDir)}` : ""}`;
}

/**
 * After a failed provision: continue it (--resume keeps its --limit/--only), or undo what it did.
 * Nothing sent: just run it again, in the same window (`scope`: its --limit/--only as typed).
 */
export function provisionNext(o: Where, runId: string, anythingSent: boolean, scope = ""): string[] {
  if (!anythingSent)
    return [`nothing was changed on z/OS; fix the cause above and run: ${base("provision", o)}${scope ? ` ${scope}` : ""}`];
  return [`continue this run:   ${base("provision", o)} --resume`, `or undo what it did: ${base("rollback", o)} --run ${shellWord(runId)}`];
}

/** After a failed rollback: run it again; what is already restored is seen as such and left. */
export function rollbackNext(o: Where, undoneRun: string, anythingSent: boolean): string[] {
  const again = `${base("rollback", o)} --run ${shellWord(undoneRun)}`;
  return [
    anythingSent
      ? `finish the rollback (what is already restored is left as it is): ${again}`
      : `nothing was changed on z/OS; fix the cause above and run: ${again}`,
  ];
}

/** After a failed verify: what to fix, then the same verify again. */
export function verifyNext(o: Where): string {
  return `fix the failed checks above, then run: zowe ha verify -t ${shellWord(o.topologyFile)}`;
}

type Server = { readonly proc: string; readonly system: string };

/** z/OSMF servers found not listening: start them with provision, or by hand on each system. */
export function serversNotStarted(servers: readonly Server[], from?: Where): string {
  return `the z/OSMF servers are not started: ${startThem(servers, from)}`;
}

/** After a provision without --start-servers: it set the servers up but did not start them. */
export function serversLeftStopped(servers: readonly Server[]): string {
  return `this run did not start the z/OSMF servers (no --start-servers): ${startThem(servers)}`;
}

function startThem(servers: readonly Server[], from?: Where): string {
  const byHand = servers.map((s) => `S ${s.proc} on ${s.system}`).join(", ");
  const again = from ? `run ${base("provision", from)} --start-servers` : "run again with --start-servers";
  return `${again}, or ${byHand}`;
}
