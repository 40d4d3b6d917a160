import { describe, expect, it } from "vitest";
import { checkStepScope, filterWorkflow, leftOutLines } from "../../../src/provision/step-filter";

const steps = [
  { id: "w/shared", dependsOn: [] },
  { id: "w/sys/SYSA", system: "SYSA", dependsOn: [] },
  { id: "w/sys/SYSB", system: "SYSB", dependsOn: [] },
  // A sysplex-wide step that needs every system's step.
  { id: "w/after-all", dependsOn: ["w/sys/SYSA", "w/sys/SYSB"] },
  { id: "w/start/SYSA", system: "SYSA", dependsOn: ["w/after-all"] },
];

describe("filterWorkflow", () => {
  it("keeps the listed system's steps and the shared ones, and leaves out a step that needs one left out (and what needs it)", () => {
    const { kept, leftOut } = filterWorkflow("w", steps, { systems: ["SYSA"] });
    expect([...kept].sort()).toEqual(["w/shared", "w/sys/SYSA"]);
    expect(leftOut.map((s) => `${s.id}: ${s.reason}`)).toEqual([
      "w/sys/SYSB: a step of SYSB",
      "w/after-all: needs w/sys/SYSB, which is left out",
      "w/start/SYSA: needs w/after-all, which is left out",
    ]);
    expect(leftOutLines(leftOut)).toEqual([
      "left out by --limit: 1 step on SYSB",
      "left out by --limit: w/after-all (needs w/sys/SYSB, which is left out)",
      "left out by --limit: w/start/SYSA (needs w/after-all, which is left out)",
    ]);
  });

  it("keeps every step of a workflow --only names, and none of another", () => {
    expect(filterWorkflow("w", steps, { workflows: ["w"] }).kept.size).toBe(steps.length);
    const other = filterWorkflow("w", steps, { workflows: ["v"] });
    expect(other.kept.size).toBe(0);
    expect(leftOutLines(other.leftOut)).toEqual(["left out by --only: 5 steps of w"]);
  });
});

describe("checkStepScope", () => {
  const known = { systems: ["SYSA", "SYSB"], workflows: ["zosmf-ha"] };
  it("takes system names in any case and refuses an empty list", () => {
    expect(checkStepScope({ systems: ["sysb", "SYSA", "sysa"] }, known)).toEqual({ systems: ["SYSA", "SYSB"] });
    expect(() => checkStepScope({ systems: [] }, known)).toThrow(/--limit/);
    expect(() => checkStepScope({ workflows: ["port-sharing"] }, known)).toThrow(
      /--only: "port-sharing" is not a workflow of this topology/,
    );
  });
});
