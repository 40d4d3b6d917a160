import type { Change, StepPlan } from "../engine/types";
import { describeAttributes } from "../provision/ops/dataset-check";
import { leftOutLines, type LeftOutStep } from "../provision/step-filter";
import type { RunResult } from "../run/apply-run";
import { describeCounts, totalChanges } from "./plan-summary";
import { PLAIN, type Palette } from "./colour";
import { formatDuration, renderTable } from "./table";
import { wrapSentence } from "./wrap";

export interface RunTextOptions {
  readonly verb?: string;
  readonly planFile?: string;
  /** @default PLAIN (no colour) */
  readonly colour?: Palette;
  /** Columns the summary lines must fit. @default 80 */
  readonly width?: number;
}

/** What a step found, one fact a line when it found several (they are joined with "; "). */
export function observedLines(observed: string): string[] {
  const facts = observed.split("; ").filter((f) => f.trim() !== "");
  if (facts.length <= 1) return [`   observed: ${observed}`];
  return ["   observed:", ...facts.map((f) => `     - ${f}`)];
}

/** A failed run's or check's "Next:" block: what to run or do now. */
export function nextLines(next: readonly string[] | undefined): string[] {
  return next?.length ? ["Next:", ...next.map((n) => `    ${n}`)] : [];
}

/** The plan as a person reads it before a change window: every diff, JCL and command. */
export function renderPlan(plan: readonly StepPlan[], colour: Palette = PLAIN): string {
  const out: string[] = [];
  for (const step of plan) {
    const where = step.system ? ` [${step.system}]` : "";
    const verdict = step.changes.length === 0 ? "in place, nothing to do" : `${step.changes.length} change(s)`;
    out.push(`== ${step.id}${where}: ${step.title} (${verdict})`);
    out.push(...observedLines(step.observed));
    for (const w of step.warnings ?? []) out.push(`   WARNING: ${w}`);
    for (const change of step.changes) out.push(indent(renderChange(change, colour), "   "));
    if (step.dependsOn.length > 0) out.push(`   after: ${step.dependsOn.join(", ")}`);
  }
  return out.join("\n");
}

function paintDiff(diff: string, colour: Palette): string {
  return diff
    .trimEnd()
    .split("\n")
    .map((l) => colour.diffLine(l))
    .join("\n");
}

function renderChange(change: Change, colour: Palette): string {
  switch (change.kind) {
    case "member":
      return `${change.action} member ${change.dsn}(${change.member}):\n${paintDiff(change.diff, colour)}`;
    case "uss-file":
      return `${change.action} file ${change.path}:\n${paintDiff(change.diff, colour)}`;
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

type ShownRun = RunResult & { readonly leftOut?: readonly LeftOutStep[] };

export function renderRunResult(result: ShownRun, options: RunTextOptions = {}): string {
  const s = result.summary;
  const verb = options.verb ?? `Provision of sysplex ${result.sysplex}`;
  const colour = options.colour ?? PLAIN;
  // Summary sentences break between words, never inside one, at the terminal's width.
  const say = (text: string) => wrapSentence(text, options.width ?? 80);
  if (result.dryRun) {
    // The plan in one line first; the details follow for whoever reviews them.
    return [
      ...say(`Plan: ${totalChanges(result.counts) === 0 ? "nothing to change" : describeCounts(result.counts, "planned")}.`),
      "",
      renderPlan(result.plan, colour),
      ...leftOutText(result),
      "",
      ...say(`Dry run: ${verb} would change something in ${s.changed} of ${s.steps} steps; nothing was changed.`),
      ...(options.planFile !== undefined ? say(`Plan saved to ${options.planFile}; apply it with --plan ${options.planFile}.`) : []),
    ].join("\n");
  }
  const rows = result.outcomes.map((o) => [o.id, o.system ?? "-", o.state, formatDuration(o.durationMs)]);
  const lines = [renderTable(["step", "system", "result", "duration"], rows, (c, i) => (i === 2 ? colour.state(c) : c))];
  lines.push(...leftOutText(result), "");
  if (options.planFile !== undefined) lines.push(...say(`Applied the saved plan ${options.planFile}: z/OS was as it found it.`));
  lines.push(...say(`Done: ${describeCounts(result.counts, "done")}.`));
  for (const o of result.outcomes.filter((x) => x.error)) {
    lines.push(`${colour.state("FAILED")} ${o.id}: ${o.error!.message}`);
    for (const d of o.error!.details) lines.push(`    ${d}`);
  }
  const status = colour.state(result.status);
  const counts = `${s.changed} changed, ${s.unchanged} unchanged, ${s.failed} failed, ${s.skipped} skipped in ${formatDuration(s.durationMs)}.`;
  lines.push(...say(`${verb} ${result.status}: ${counts}`).map((l, i) => (i === 0 ? l.replace(`${result.status}:`, `${status}:`) : l)));
  lines.push(...recordLines(result), ...failureLines(result));
  return lines.join("\n");
}

function recordLines(result: ShownRun): string[] {
  const lines: string[] = [];
  if (result.recordFile) lines.push(`Run record: ${result.recordFile}`);
  if (result.zosRecord?.where) lines.push(`Run record on z/OS: ${result.zosRecord.where}`);
  else if (result.zosRecord?.problem)
    lines.push(`Run record NOT on z/OS (${result.zosRecord.problem}): only this machine can list this run or roll it back.`);
  return lines;
}

/** After a failure a person must know what is now different on z/OS and what to do next. */
function failureLines(result: ShownRun): string[] {
  if (result.status !== "failed" && result.status !== "interrupted") return [];
  const lines: string[] = [];
  if (result.sent.length === 0) lines.push("Nothing was changed on z/OS by this run.");
  else {
    lines.push(`Changed on z/OS by this run (${result.sent.length}):`);
    for (const e of result.sent) lines.push(`    ${e.what}   [${e.stepId}]`);
  }
  return [...lines, ...nextLines(result.next)];
}
