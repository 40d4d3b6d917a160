import type { RunRecordData } from "../engine/run-record";
import { jobLabel } from "../engine/job-label";
import type { PlannedStep } from "../engine/types";

/**
 * What rollback does not undo, said plainly: job work, servers the run started, and jobs
 * whose end the run never saw (timed out): those may still be running and changing things.
 */
export function leftAloneStep(record: RunRecordData): PlannedStep | undefined {
  // A job is recorded once when submitted (no return code yet) and again when it ends.
  const ended = record.jobs.filter((j) => j.retcode !== null);
  const endedIds = new Set(ended.map((j) => jobLabel(j)));
  const unfinished = [...new Set(record.jobs.filter((j) => j.retcode === null && !endedIds.has(jobLabel(j))).map(jobLabel))];
  const started = record.commands.filter((c) => /^S\s/i.test(c.command)).map((c) => `${c.command.slice(2).trim()} on ${c.system}`);
  const datasets = [...new Set((record.datasets ?? []).map((d) => d.dsn))];
  if (ended.length === 0 && unfinished.length === 0 && started.length === 0 && datasets.length === 0) return undefined;
  const warnings: string[] = [];
  if (ended.length > 0 || unfinished.length > 0) {
    warnings.push(
      "RACF definitions, zFS aggregates and VSAM clusters made by the run's jobs are not removed by rollback; remove them by hand if they must go.",
    );
  }
  if (unfinished.length > 0) {
    warnings.push(
      `Jobs the run did not see end may still be running (${unfinished.join(", ")}); check them in JES and cancel them if they must not finish.`,
    );
  }
  if (started.length > 0)
    warnings.push(`Servers the run started are left running (${started.join(", ")}); stop them with P when they must go.`);
  // A library the run created may hold members of other runs or the backups rollback reads; it stays.
  if (datasets.length > 0)
    warnings.push(
      `Data sets the run created are left in place (${datasets.join(", ")}); delete them by hand when nothing in them is needed any more.`,
    );
  const observed = [
    ended.length ? `jobs of run ${record.runId}: ${ended.map((j) => `${jobLabel(j)} ${j.retcode}`).join(", ")}` : "",
    unfinished.length ? `may still be running: ${unfinished.join(", ")}` : "",
    started.length ? `started: ${started.join(", ")}` : "",
    datasets.length ? `created: ${datasets.join(", ")}` : "",
  ].filter(Boolean);
  return {
    id: "rollback/left-alone",
    workflow: "rollback",
    title: "What rollback leaves in place",
    dependsOn: [],
    observed: observed.join("; "),
    changes: [],
    warnings,
    apply: async () => ({ state: "unchanged" }),
  };
}
