import type { Change, StepPlan } from "../engine/types";
import { describeAttributes } from "../provision/ops/dataset-check";
import { leftOutLines, type LeftOutStep } from "../provision/step-filter";
import type { RunResult } from "../run/apply-run";
import { describeCounts, totalChanges } from "./plan-summary";
import { formatDuration, renderTable } from "./table";

/** The plan as a person reads it before a change window: every diff, JCL and command. */
export function renderPlan(plan: readonly StepPlan[]): string {
  const out: string[] = [];
  for (const step of plan) {
    const where = step.system ? ` [${step.system}]` : "";
    const verdict = step.changes.length === 0 ? "in place, nothing to do" : `${step.changes.length} change(s)`;
    out.push(`== ${step.id}${where}: ${step.title} (${verdict})`);
    out.push(`   observed: ${step.observed}`);
    for (const w of step.warnings ?? []) out.push(`   WARNING: ${w}`);
    for (const change of step.changes) out.push(indent(renderChange(change), "   "));
    if (step.dependsOn.length > 0) out.push(`   after: ${step.dependsOn.join(", ")}`);
  }
  return out.join("\n");
}

function renderChange(change: Change): string {
  switch (change.kind) {
    case "member":
      return `${change.action} member ${change.dsn}(${change.member}):\n${change.diff.trimEnd()}`;
    case "uss-file":
      return `${change.action} file ${change.path}:\n${change.diff.trimEnd()}`;
    case "job": {
      // A purpose of several lines lists what the job does, one item a line, before its JCL.
      const [head, ...items] = change.purpose.split("\n");
      return [`submit job ${change.jobname} (${head}; max RC ${change.maxRc}):`, ...items, change.jcl.trimEnd()].join("\n");
    }
    case "command":
      return `issue on ${change.system}: ${change.command}   (${change.purpose})`;
    case "dataset":
      return `create data set ${change.dsn} (${change.purpose}):\n  ${describeAttributes(change.attributes)}`;
  }
}

function indent(text: string, prefix: string): string {
  return text
    .split("\n")
    .map((l) => prefix + l)
    .join("\n");
}

/** A partial window (--limit, --only) says what it left out, so no one takes it for the whole set-up. */
function leftOutText(result: { readonly leftOut?: readonly LeftOutStep[] }): string[] {
  return result.leftOut?.length ? ["", ...leftOutLines(result.leftOut)] : [];
}

export function renderRunResult(
  result: RunResult & { readonly leftOut?: readonly LeftOutStep[] },
  options: { verb?: string; planFile?: string } = {},
): string {
  const s = result.summary;
  const verb = options.verb ?? `Provision of sysplex ${result.sysplex}`;
  if (result.dryRun) {
    // The plan in one line first; the details follow for whoever reviews them.
    return [
      `Plan: ${totalChanges(result.counts) === 0 ? "nothing to change" : describeCounts(result.counts, "planned")}.`,
      "",
      renderPlan(result.plan),
      ...leftOutText(result),
      "",
      `Dry run: ${verb} would change something in ${s.changed} of ${s.steps} steps; nothing was changed.`,
      ...(options.planFile !== undefined ? [`Plan saved to ${options.planFile}; apply it with --plan ${options.planFile}.`] : []),
    ].join("\n");
  }
  const rows = result.outcomes.map((o) => [o.id, o.system ?? "-", o.state, formatDuration(o.durationMs)]);
  const lines = [renderTable(["step", "system", "result", "duration"], rows), ...leftOutText(result), ""];
  if (options.planFile !== undefined) lines.push(`Applied the saved plan ${options.planFile}: z/OS was as it found it.`);
  lines.push(`Done: ${describeCounts(result.counts, "done")}.`);
  for (const o of result.outcomes.filter((x) => x.error)) {
    lines.push(`FAILED ${o.id}: ${o.error!.message}`);
    for (const d of o.error!.details) lines.push(`    ${d}`);
  }
  lines.push(
    `${verb} ${result.status}: ${s.changed} changed, ${s.unchanged} unchanged, ${s.failed} failed, ${s.skipped} skipped in ${formatDuration(s.durationMs)}.`,
  );
  if (result.recordFile) lines.push(`Run record: ${result.recordFile}`);
  if (result.zosRecord?.where) lines.push(`Run record on z/OS: ${result.zosRecord.where}`);
  else if (result.zosRecord?.problem)
    lines.push(`Run record NOT on z/OS (${result.zosRecord.problem}): only this machine can list this run or roll it back.`);
  if (result.status === "failed" || result.status === "interrupted") {
    // After a failure a person must know what is now different on z/OS and what to do next.
    if (result.sent.length === 0) lines.push("Nothing was changed on z/OS by this run.");
    else {
      lines.push(`Changed on z/OS by this run (${result.sent.length}):`);
      for (const e of result.sent) lines.push(`    ${e.what}   [${e.stepId}]`);
    }
    if (result.next?.length) {
      lines.push("Next:");
      for (const n of result.next) lines.push(`    ${n}`);
    }
  }
  return lines.join("\n");
}
