import type { RunHistory } from "../engine/run-history";
import type { RunRecordData } from "../engine/run-record";
import { HaError } from "../errors";
import { ZosmfError, type ZosmfClient } from "../zosmf";

/**
 * A job the previous run left before it ended (a --job-timeout, a run cut short) may still
 * run. Planning now would not see its work yet and could submit it a second time, so the
 * run stops until every such job has ended or is gone from JES. The previous run is the one
 * being resumed, else the newest provision run.
 */
export async function assertNoUnfinishedJobs(client: ZosmfClient, history: RunHistory, resumed?: RunRecordData): Promise<void> {
  const previous = resumed ?? (await history.latest("provision"));
  const open = previous?.jobs.filter((j) => j.retcode === null) ?? [];
  const stillThere: string[] = [];
  for (const j of open) {
    try {
      const doc = await client.jobs.status(j.jobname, j.jobid);
      if (doc.status !== "OUTPUT") stillThere.push(`${j.jobname}(${j.jobid}) is ${doc.status ?? "in an unknown state"}`);
    } catch (err) {
      // Purged since: whatever it did, planning sees it now.
      if (err instanceof ZosmfError && (err.kind === "not-found" || err.kind === "rejected" || err.status === 400 || err.status === 500))
        continue;
      throw err;
    }
  }
  if (stillThere.length > 0) {
    throw new HaError(`Run ${previous!.runId} left jobs that have not ended; nothing was planned or submitted so that none runs twice.`, {
      failureClass: "zos-failure",
      details: [...stillThere, "Wait for them to end (or cancel them), then run again."],
    });
  }
}
