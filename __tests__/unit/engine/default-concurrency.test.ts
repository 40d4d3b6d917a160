import { describe, expect, it } from "vitest";
import { executePlan } from "../../../src/engine/execute";
import type { PlannedStep, RunRecorder, StepResult } from "../../../src/engine/types";

const recorder: RunRecorder = { backup: async () => undefined, job: () => undefined, command: () => undefined, write: () => undefined };

/** Steps that each wait a moment, as steps waiting on a job do; the most running at once is kept. */
function waitingSteps(systems: number, perSystem: number): { steps: PlannedStep[]; peak: () => number } {
  let active = 0;
  let peak = 0;
  const apply = async (): Promise<StepResult> => {
    active++;
    peak = Math.max(peak, active);
    await new Promise((r) => setTimeout(r, 20));
    active--;
    return { state: "unchanged" };
  };
  const steps: PlannedStep[] = [];
  for (let s = 1; s <= systems; s++)
    for (let k = 1; k <= perSystem; k++)
      steps.push({
        id: `w/${k}/SYS${s}`,
        workflow: "w",
        title: `step ${k}`,
        system: `SYS${s}`,
        dependsOn: [],
        observed: "",
        changes: [],
        apply,
      });
  return { steps, peak: () => peak };
}

describe("the default number of steps applied at once", () => {
  it("is 16 for a small sysplex", async () => {
    const { steps, peak } = waitingSteps(2, 10);
    await executePlan(steps, { recorder });
    expect(peak()).toBe(16);
  });

  it("grows to 4 steps per system in a bigger one, so 32 systems' independent steps are not applied in waves of 16", async () => {
    const { steps, peak } = waitingSteps(32, 4);
    await executePlan(steps, { recorder });
    expect(peak()).toBe(128);
  });

  it("still yields to an explicit --concurrency", async () => {
    const { steps, peak } = waitingSteps(32, 4);
    await executePlan(steps, { recorder, concurrency: 8 });
    expect(peak()).toBe(8);
  });
});
