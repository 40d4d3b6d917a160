import type { RunRecordData } from "../engine/run-record";
import type { PlannedStep } from "../engine/types";

/** What rollback does not undo, said plainly: job work and servers the run started. */
export function leftAloneStep(record: RunRecordData): PlannedStep | undefined {
  const jobs = record.jobs.filter((j) => j.retcode !== null);
  const started = record.commands.filter((c) => /^S\s/i.test(c.command)).map((c) => `${c.command.slice(2).trim()} on ${c.system}`);
  if (jobs.length === 0 && started.length === 0) return undefined;
  const warnings: string[] = [];
  if (jobs.length > 0) warnings.push("RACF definitions, zFS aggregates and VSAM clusters made by the run's jobs are not removed by rollback; remove them by hand if they must go.");
  if (started.length > 0) warnings.push(`Servers the run started are left running (${started.join(", ")}); stop them with P when they must go.`);
  const observed = [
    jobs.length ? `jobs of run ${record.runId}: ${jobs.map((j) => `${j.jobname}(${j.jobid}) ${j.retcode}`).join(", ")}` : "",
    started.length ? `started: ${started.join(", ")}` : "",
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

