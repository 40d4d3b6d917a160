import type { RunRecordData } from "../engine/run-record";
import { appliedChanges, changeBody, changeTitle, timing, whoAndWhere } from "./run-record-facts";
import { formatDuration } from "./table";

/** A run as a change record to attach to a ticket: what changed (diffs), jobs, commands, timings, outcome, who and where. */
export function renderRunMarkdown(r: RunRecordData, places: readonly string[]): string {
  const out = [`# Change record: ${r.kind} run ${r.runId}`, "", summaryTable(r, places), "", ...changedSection(r), ...jobsSection(r)];
  out.push("", "## Commands and responses", "");
  if (r.commands.length === 0) out.push("None.");
  for (const c of r.commands)
    out.push(`- ${c.system}: ${code(c.command)} (${c.stepId})`, "", fenced(c.response.join("\n") || "(no response)", ""), "");
  out.push("", "## Steps and timings", "");
  out.push(
    table(
      ["Step", "System", "Result", "Duration", "Error"],
      r.outcomes.map((o) => [o.id, o.system ?? "-", o.state, formatDuration(o.durationMs), o.error?.message ?? ""]),
    ),
  );
  const map = r.backupMap ?? [];
  if (map.length > 0) {
    out.push("", "## Originals kept on z/OS", "");
    out.push(
      table(
        ["Copy", "Holds the original of", "Run", "Time"],
        map.map((b) => [b.copy, b.of, b.runId, b.at]),
      ),
    );
  }
  const created = r.datasets ?? [];
  if (created.length > 0) out.push("", "## Data sets created", "", ...created.map((d) => `- ${d.dsn} (${d.stepId})`));
  return out.join("\n").replace(/\n{3,}/g, "\n\n") + "\n";
}

function summaryTable(r: RunRecordData, places: readonly string[]): string {
  return table(
    ["", ""],
    [
      ["Command", code(`zowe ha ${r.command ?? r.kind}`)],
      ["Sysplex", r.sysplex],
      ["Outcome", outcome(r)],
      ["Who", whoAndWhere(r)],
      ["When", timing(r)],
      ...(r.basedOn ? [[r.kind === "provision" ? "Resumed run" : "Undid run", r.basedOn]] : []),
      ["Topology", `${r.topologyFile} (sha256 ${r.topologySha256.slice(0, 12)})`],
      ["Record kept", places.join(", ")],
    ],
  );
}

function changedSection(r: RunRecordData): string[] {
  const out = ["## What was changed", ""];
  const applied = appliedChanges(r);
  if (applied.length === 0) out.push("Nothing.");
  for (const step of applied) {
    out.push(`### ${step.id} (${step.state})`, "");
    for (const change of step.changes) {
      out.push(`- ${escapeText(changeTitle(change))}`);
      const body = changeBody(change);
      if (body) out.push("", fenced(body, change.kind === "job" ? "jcl" : "diff"), "");
    }
    out.push("");
  }
  return out;
}

function jobsSection(r: RunRecordData): string[] {
  const rows = r.jobs.map((j) => [
    j.jobname,
    j.jobid ?? "not known (submit unanswered)",
    j.retcode ?? "not seen to end",
    String(j.maxRc),
    j.stepId,
  ]);
  return ["## Jobs", "", rows.length === 0 ? "None." : table(["Job", "Job id", "Return code", "Highest RC allowed", "Step"], rows)];
}

function outcome(r: RunRecordData): string {
  const count = (state: string) => r.outcomes.filter((o) => o.state === state).length;
  return `${r.status}: ${count("changed")} changed, ${count("unchanged")} unchanged, ${count("failed")} failed, ${count("skipped")} skipped`;
}

function table(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) => `| ${cells.map(cell).join(" | ")} |`;
  return [line(headers), line(headers.map(() => "---")), ...rows.map(line)].join("\n");
}

/** A table cell holds one line, and a `|` of the data would end it. */
function cell(text: string): string {
  return text.replace(/\\/g, "\\\\").replace(/\|/g, "\\|").replace(/\r?\n/g, " ");
}

function escapeText(text: string): string {
  return text.replace(/([\\`*_[\]<>|#])/g, "\\$1");
}

/** Inline code that no backtick in the text can close early. */
function code(text: string): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((t) => t.length));
  const ticks = "`".repeat(longest + 1);
  return `${ticks} ${text} ${ticks}`;
}

/** A fenced block longer than any backtick run inside it. */
function fenced(text: string, lang: string): string {
  const longest = Math.max(2, ...(text.match(/`+/g) ?? []).map((t) => t.length));
  const fence = "`".repeat(longest + 1);
  return `${fence}${lang}\n${text}\n${fence}`;
}
