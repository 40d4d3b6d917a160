import type { FailureClass } from "../../errors";
import { HaError } from "../../errors";
import { ZosmfError } from "../../zosmf";

/** A look's failure that is a finding (a missing source, an unfitting library), not a failure to look. */
export function isFinding(err: unknown): err is HaError {
  return (
    err instanceof HaError && (err.failureClass === "invalid-input" || err.failureClass === "zos-failure") && !(err instanceof ZosmfError)
  );
}

export interface PlanProblems {
  /** Takes the results of a round of looks and keeps their failures. */
  collect<T>(round: { results: T[]; errors: unknown[] }): T[];
  add(...lines: string[]): void;
  readonly lines: readonly string[];
  readonly classes: readonly FailureClass[];
  /** Failures to look (z/OSMF unreachable, a refused read): the first one is the answer. */
  readonly fatal: readonly unknown[];
}

export function planProblems(): PlanProblems {
  const lines: string[] = [];
  const classes: FailureClass[] = [];
  const fatal: unknown[] = [];
  return {
    lines,
    classes,
    fatal,
    collect(round) {
      for (const err of round.errors) {
        if (!isFinding(err)) {
          fatal.push(err);
          continue;
        }
        const line = [err.message, ...err.details.map((d) => `  ${d}`)].join("\n");
        if (!lines.includes(line)) lines.push(line);
        classes.push(err.failureClass);
      }
      return round.results;
    },
    add(...more) {
      for (const line of more) {
        if (lines.includes(line)) continue;
        lines.push(line);
        classes.push("invalid-input");
      }
    },
  };
}

/**
 * Stops before anything is sent when planning found problems: every one of them in one
 * error, so a user fixes them all in one go rather than one per run.
 */
export function refusePlan(p: PlanProblems): void {
  if (p.fatal.length > 0) throw p.fatal[0];
  if (p.lines.length === 0) return;
  // Findings on z/OS alone (a procedure without a PROC statement) stay z/OS failures; nothing was sent either way.
  const failureClass: FailureClass = p.classes.every((c) => c === "zos-failure") ? "zos-failure" : "invalid-input";
  throw new HaError(`The plan found ${p.lines.length} problem${p.lines.length === 1 ? "" : "s"}; nothing was sent to z/OS.`, {
    failureClass,
    details: p.lines.flatMap((l) => l.split("\n").map((x, i) => (i === 0 ? `- ${x}` : `  ${x}`))),
  });
}
