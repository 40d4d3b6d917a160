import { jobLabel } from "../engine/job-label";
import type { RunHistory } from "../engine/run-history";
import type { RunRecordData } from "../engine/run-record";
import { HaError } from "../errors";
import { ZosmfError, type ZosmfClient } from "../zosmf";

/**
 * A job the previous run left before it ended (a --job-timeout, a run cut short) may still
 * run. Planning now would not see its work yet and could submit it a second time, so the
 * run stops until every such job has ended or is gone from JES. A submission whose answer
 * the previous run never saw is looked for by its token; if it is not on the queue, its
 * outcome is unknown and the run stops too. The previous run is the one being resumed,
 * else the newest provision run. `owner` (the connection user) is used for records that
 * did not keep the owner of their jobs.
 */
export async function assertNoUnfinishedJobs(
  client: ZosmfClient,
  history: RunHistory,
  resumed: RunRecordData | undefined,
  owner: string,
): Promise<void> {
  const previous = resumed ?? (await history.latest("provision"));
  const open = previous?.jobs.filter((j) => j.retcode === null) ?? [];
  const stillThere: string[] = [];
  const unknown: string[] = [];
  for (const j of open) {
    if (j.jobid === null) {
      const found = await client.jobs.findSubmitted({ jobname: j.jobname, owner: j.owner ?? owner, token: j.token });
      if (found.length === 0) unknown.push(`${j.jobname} with token ${j.token} (step ${j.stepId}) is not on the JES queue`);
      for (const doc of found)
        if (doc.status !== "OUTPUT") stillThere.push(`${doc.jobname}(${doc.jobid}) is ${doc.status ?? "in an unknown state"}`);
    } else {
      const state = await stateOf(client, j.jobname, j.jobid);
      if (state) stillThere.push(`${jobLabel(j)} is ${state}`);
    }
  }
  if (unknown.length > 0) {
    throw new HaError(
      `Run ${previous!.runId} was cut off while submitting a job: whether it was submitted is unknown, so nothing was planned or submitted.`,
      {
        failureClass: "tool-failure",
        details: [
          ...unknown,
          ...stillThere,
          "The job may still appear. Check the JES queue for a job of that name whose JCL carries that token, and let it end (or cancel it) before running again.",
        ],
      },
    );
  }
  if (stillThere.length > 0) {
    throw new HaError(`Run ${previous!.runId} left jobs that have not ended; nothing was planned or submitted so that none runs twice.`, {
      failureClass: "zos-failure",
      details: [...stillThere, "Wait for them to end (or cancel them), then run again."],
    });
  }
}

/**
 * The job's status if it has not ended; undefined once it has ended or was purged. Only
 * z/OSMF's own "no job found" answer (HTTP 400, rc 4 reason 10: zosmf-facts, jobs errors)
 * means purged; any other failure (a 500, a refused connection) leaves the job unknown,
 * so the run stops rather than plan over a job that may still run.
 */
async function stateOf(client: ZosmfClient, jobname: string, jobid: string): Promise<string | undefined> {
  try {
    const doc = await client.jobs.status(jobname, jobid);
    return doc.status !== "OUTPUT" ? (doc.status ?? "in an unknown state") : undefined;
  } catch (err) {
    if (err instanceof ZosmfError && err.status === 400 && err.report?.rc === 4 && err.report.reason === 10) return undefined;
    throw new HaError(
      `The state of ${jobname}(${jobid}), a job an earlier run left before it ended, could not be read; nothing was planned or submitted.`,
      {
        failureClass: "tool-failure",
        details: [err instanceof Error ? err.message : String(err), "Check the job on the JES queue, then run again."],
      },
    );
  }
}
