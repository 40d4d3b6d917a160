import { describe, expect, it } from "vitest";
import type { RunResult } from "../../../src/run/apply-run";
import { failureClassOf } from "../../../src/run/exit-policy";

const outcome = (failureClass?: string) => ({
  id: "s",
  title: "s",
  state: failureClass ? ("failed" as const) : ("changed" as const),
  durationMs: 1,
  notes: [],
  ...(failureClass ? { error: { message: "m", details: [], failureClass } } : {}),
});

const CHANGED = [{ stepId: "a", kind: "member" as const, what: "SYS1.PARMLIB(IZUPRM0A) written" }];

const run = (status: RunResult["status"], ...classes: (string | undefined)[]): RunResult => sentRun(status, [], ...classes);
const sentRun = (status: RunResult["status"], sent: RunResult["sent"], ...classes: (string | undefined)[]): RunResult => ({
  sysplex: "P",
  dryRun: false,
  status,
  plan: [],
  outcomes: classes.map(outcome),
  summary: { steps: 0, changed: 0, unchanged: 0, failed: 0, skipped: 0, durationMs: 0 },
  sent,
});

describe("the exit class of a run", () => {
  it.each([
    ["a run that succeeded", run("succeeded", undefined), undefined],
    ["a job that failed", run("failed", "zos-failure", undefined), "zos-failure"],
    ["an unreachable z/OSMF next to a failed job", run("failed", "zos-failure", "tool-failure"), "tool-failure"],
    ["a step refused for its input, nothing sent", run("failed", "invalid-input", undefined), "invalid-input"],
    [
      "a step refused for its input after another step changed a member",
      sentRun("failed", CHANGED, "invalid-input", undefined),
      "zos-failure",
    ],
    ["a refusal next to a failed job", run("failed", "invalid-input", "zos-failure"), "zos-failure"],
    ["steps only skipped", run("failed", undefined), "zos-failure"],
  ])("%s", (_name, result, expected) => {
    expect(failureClassOf(result)).toBe(expected);
  });
});
