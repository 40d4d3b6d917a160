import type { RunRecordData } from "../engine/run-record";
import { appliedChanges, changeBody, changeTitle, timing, whoAndWhere } from "./run-record-facts";
import { formatDuration, renderTable } from "./table";

/** One run as a person reads it in a terminal: who, when, outcome, what changed, jobs, commands, backups. */
export function renderRunText(r: RunRecordData, places: readonly string[]): string {
  const out = [
    `Run ${r.runId}: ${r.command ?? r.kind} of sysplex ${r.sysplex}, ${r.status}`,
    `  who:      ${whoAndWhere(r)}`,
    `  when:     ${timing(r)}`,
    ...(r.basedOn ? [`  based on: ${r.basedOn}`] : []),
    `  topology: ${r.topologyFile}`,
    `  record:   ${places.join(", ")}`,
    "",
    renderTable(
      ["step", "system", "result", "duration"],
      r.outcomes.map((o) => [o.id, o.system ?? "-", o.state, formatDuration(o.durationMs)]),
    ),
  ];
  for (const o of r.outcomes.filter((x) => x.error))
    out.push(`FAILED ${o.id}: ${o.error!.message}`, ...o.error!.details.map((d) => `    ${d}`));
  const applied = appliedChanges(r);
  if (applied.length > 0) out.push("", "What was changed:");
  for (const step of applied) {
    out.push(`== ${step.id} (${step.state})`);
    for (const change of step.changes) {
      out.push(`   ${changeTitle(change)}`);
      const body = changeBody(change);
      if (body) out.push(...body.split("\n").map((l) => `     ${l}`));
    }
  }
  if (r.jobs.length > 0) {
    out.push("", "Jobs:");
    out.push(
      renderTable(
        ["job", "job id", "RC", "max RC", "step"],
        r.jobs.map((j) => [j.jobname, j.jobid ?? "?", j.retcode ?? "-", String(j.maxRc), j.stepId]),
      ),
    );
  }
  if (r.commands.length > 0) out.push("", "Commands:");
  for (const c of r.commands) out.push(`  ${c.system}: ${c.command}`, ...c.response.map((l) => `      ${l}`));
  const map = r.backupMap ?? [];
  if (map.length > 0) {
    out.push("", "Originals kept on z/OS:");
    out.push(
      renderTable(
        ["copy", "holds the original of", "run", "time"],
        map.map((b) => [b.copy, b.of, b.runId, b.at]),
      ),
    );
  }
  return out.join("\n");
}
