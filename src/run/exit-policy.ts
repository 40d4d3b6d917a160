import type { FailureClass } from "../errors";
import type { VerifyResult } from "../verify";
import type { RunResult } from "./apply-run";

/**
 * How a failed run ended, for its exit code: a tool or API failure outranks a z/OS failure,
 * since the pipeline must know the tool could not finish its work. "Invalid input" promises
 * that nothing was sent, so a refusal counts as one only when every failure was a refusal
 * and the run sent nothing at all; after a change it is a failure of the z/OS work.
 */
export function failureClassOf(result: Pick<RunResult, "status" | "outcomes" | "sent">): FailureClass | undefined {
  // Cut short, the tool did not finish its work, whatever the steps that ended said.
  if (result.status === "interrupted") return "tool-failure";
  if (result.status !== "failed") return undefined;
  const classes = result.outcomes.map((o) => o.error?.failureClass);
  if (classes.includes("tool-failure")) return "tool-failure";
  if (classes.includes("zos-failure")) return "zos-failure";
  if (classes.includes("invalid-input") && result.sent.length === 0) return "invalid-input";
  return "zos-failure";
}

/**
 * How a run that did not fail ended, when the caller asked for the detail (--detailed-exit-code):
 * a dry run whose plan would change something is "changes-pending". Without the option, or
 * after an apply, success is success, so pipelines that treat any non-zero code as failure keep working.
 */
export function pendingOutcome(result: Pick<RunResult, "dryRun" | "status" | "summary">, detailed: boolean): "changes-pending" | undefined {
  if (!detailed || !result.dryRun || result.status !== "planned") return undefined;
  return result.summary.changed > 0 ? "changes-pending" : undefined;
}

/** Which verdict fails a verify: `failed` only, or `degraded` too (--fail-on degraded). */
export type FailOn = "failed" | "degraded";

/**
 * How a verify ended, for its exit code. Not being able to look outranks what was seen:
 * a pipeline must not read "could not read" as "broken".
 */
export function verifyFailure(result: VerifyResult, failOn: FailOn): { failureClass: FailureClass; message: string } | undefined {
  if (result.unreadable.length > 0) {
    const who = result.unreadable.map((s) => (s === null ? "the command's own connection" : s)).join(", ");
    return { failureClass: "tool-failure", message: `Verify of ${result.sysplex} could not read ${who}; see the reasons above` };
  }
  const { failed, degraded } = result.summary;
  if (failed > 0) return { failureClass: "zos-failure", message: `Verify of ${result.sysplex}: ${failed} check(s) failed` };
  if (failOn === "degraded" && degraded > 0) {
    return { failureClass: "zos-failure", message: `Verify of ${result.sysplex}: ${degraded} check(s) degraded (--fail-on degraded)` };
  }
  return undefined;
}
