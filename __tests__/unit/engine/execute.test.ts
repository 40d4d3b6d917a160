import { describe, expect, it } from "vitest";
import { executePlan } from "../../../src/engine/execute";
import type { EngineEvent, PlannedStep, RunRecorder, StepResult } from "../../../src/engine/types";
import { HaError } from "../../../src/errors";

const recorder: RunRecorder = { backup: async () => undefined, job: () => undefined, command: () => undefined, write: () => undefined };

function step(id: string, dependsOn: string[], apply: () => Promise<StepResult>, system?: string): PlannedStep {
  return { id, workflow: "test", title: `step ${id}`, system, dependsOn, observed: "", changes: [], apply };
}

const ok =
  (log: string[], id: string, ms = 5) =>
  async (): Promise<StepResult> => {
    log.push(`start ${id}`);
    await new Promise((r) => setTimeout(r, ms));
    log.push(`end ${id}`);
    return { state: "changed" };
  };

describe("executePlan", () => {
  it("runs a step only after everything it depends on has completed", async () => {
    const log: string[] = [];
    const steps = [step("c", ["a", "b"], ok(log, "c")), step("a", [], ok(log, "a", 20)), step("b", [], ok(log, "b"))];
    const outcomes = await executePlan(steps, { recorder });
    expect(log.indexOf("start c")).toBeGreaterThan(log.indexOf("end a"));
    expect(log.indexOf("start c")).toBeGreaterThan(log.indexOf("end b"));
    expect(outcomes.map((o) => o.state)).toEqual(["changed", "changed", "changed"]);
  });

  it("runs independent steps in parallel up to the concurrency bound", async () => {
    let active = 0;
    let peak = 0;
    const slow = async (): Promise<StepResult> => {
      active++;
      peak = Math.max(peak, active);
      await new Promise((r) => setTimeout(r, 20));
      active--;
      return { state: "unchanged" };
    };
    await executePlan(
      ["a", "b", "c", "d", "e"].map((id) => step(id, [], slow)),
      { recorder, concurrency: 2 },
    );
    expect(peak).toBe(2);
  });

  it("skips every step that depends on a failed one, names the cause, and still runs independent steps", async () => {
    const log: string[] = [];
    const steps = [
      step("a", [], async () => {
        throw new HaError("job IZUMKFS(JOB00012) ended JCL ERROR", {
          failureClass: "zos-failure",
          details: ["IEFC605I UNIDENTIFIED OPERATION FIELD"],
        });
      }),
      step("b", ["a"], ok(log, "b")),
      step("c", ["b"], ok(log, "c")),
      step("d", [], ok(log, "d")),
    ];
    const outcomes = await executePlan(steps, { recorder });
    const by = Object.fromEntries(outcomes.map((o) => [o.id, o]));
    expect(by.a.state).toBe("failed");
    expect(by.a.error).toEqual({
      message: "job IZUMKFS(JOB00012) ended JCL ERROR",
      details: ["IEFC605I UNIDENTIFIED OPERATION FIELD"],
      failureClass: "zos-failure",
    });
    expect(by.b.state).toBe("skipped");
    expect(by.b.notes[0]).toMatch(/a did not complete/);
    expect(by.c.state).toBe("skipped");
    expect(by.c.notes[0]).toMatch(/b did not complete/);
    expect(by.d.state).toBe("changed");
    expect(log).not.toContain("start b");
  });

  it("reports each step's start and end to the progress sink in order", async () => {
    const events: EngineEvent[] = [];
    await executePlan([step("a", [], ok([], "a")), step("b", ["a"], ok([], "b"))], { recorder, sink: { onEvent: (e) => events.push(e) } });
    expect(events.map((e) => `${e.type}:${"id" in e ? e.id : "outcome" in e ? e.outcome.id : ""}`)).toEqual([
      "step-start:a",
      "step-end:a",
      "step-start:b",
      "step-end:b",
    ]);
  });

  it("refuses a plan with a dependency cycle before running anything", async () => {
    const log: string[] = [];
    await expect(executePlan([step("a", ["b"], ok(log, "a")), step("b", ["a"], ok(log, "b"))], { recorder })).rejects.toThrow(
      /cycle: a -> b -> a|cycle: b -> a -> b/,
    );
    expect(log).toEqual([]);
  });
});
