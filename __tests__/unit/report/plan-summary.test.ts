import { describe, expect, it } from "vitest";
import type { Change, StepOutcome, StepPlan } from "../../../src/engine/types";
import { countChanges, describeCounts, doneCounts, planCounts } from "../../../src/report/plan-summary";
import { renderRunResult } from "../../../src/report/run-text";
import { summarize } from "../../../src/run/summary";

const member = (name: string, action: "create" | "update" | "delete"): Change => ({
  kind: "member",
  dsn: "SYS1.PARMLIB",
  member: name,
  action,
  diff: "+X",
});
const job = (name: string): Change => ({ kind: "job", jobname: name, jcl: "//X JOB", maxRc: 4, purpose: "p" });
const command = (cmd: string): Change => ({ kind: "command", system: "SYSA", command: cmd, purpose: "p" });
const dataset = (dsn: string): Change => ({
  kind: "dataset",
  dsn,
  action: "create",
  attributes: { dsorg: "PO", recfm: "FB", lrecl: 80, blksize: 27920, alcunit: "TRK", primary: 1, secondary: 1 },
  purpose: "p",
});
const file = (path: string, action: "create" | "update"): Change => ({ kind: "uss-file", path, action, diff: "+y" });

const step = (id: string, changes: Change[]): StepPlan => ({ id, workflow: "w", title: id, dependsOn: [], observed: "", changes });

describe("the plan in one line", () => {
  it("counts every kind of change and names only the kinds present, one noun per kind", () => {
    const changes = [
      member("A", "create"),
      member("B", "create"),
      member("C", "create"),
      ...["D", "E", "F", "G", "H"].map((m) => member(m, "update")),
      ...["J1", "J2", "J3", "J4"].map(job),
      ...["V1", "V2", "V3", "V4", "V5", "V6"].map(command),
      dataset("HA.ONE"),
      dataset("HA.TWO"),
    ];
    expect(describeCounts(countChanges(changes), "planned")).toBe(
      "3 members to create, 5 to update, 4 jobs, 6 commands, 2 data sets to create",
    );
    expect(describeCounts(countChanges(changes), "done")).toBe("3 members created, 5 updated, 4 jobs, 6 commands, 2 data sets created");
  });

  it("says one in the singular, and leaves out kinds that are absent", () => {
    expect(describeCounts(countChanges([member("A", "update"), job("J"), command("V"), dataset("D")]), "planned")).toBe(
      "1 member to update, 1 job, 1 command, 1 data set to create",
    );
    expect(describeCounts(countChanges([file("/a", "create"), file("/b", "update"), file("/c", "update")]), "planned")).toBe(
      "1 file to create, 2 to update",
    );
    expect(describeCounts(countChanges([member("A", "delete")]), "done")).toBe("1 member deleted");
    expect(describeCounts(countChanges([]), "planned")).toBe("nothing");
  });

  it("counts over every step of a plan, and after a run only the steps that changed", () => {
    const plan = [step("a", [member("A", "create"), job("J")]), step("b", [command("V")]), step("c", [member("C", "update")])];
    expect(describeCounts(planCounts(plan), "planned")).toBe("1 member to create, 1 to update, 1 job, 1 command");
    const outcome = (id: string, state: StepOutcome["state"]): StepOutcome => ({ id, title: id, state, durationMs: 1, notes: [] });
    const done = doneCounts(plan, [outcome("a", "changed"), outcome("b", "unchanged"), outcome("c", "failed")]);
    expect(describeCounts(done, "done")).toBe("1 member created, 1 job");
  });

  it("stands above the details of a dry run, and under the table after an apply", () => {
    const plan = [step("a", [member("A", "create"), job("J")])];
    const base = { sysplex: "PLEX1", plan, sent: [] };
    const dry = renderRunResult({
      ...base,
      dryRun: true,
      status: "planned",
      outcomes: [],
      summary: summarize(plan, [], 1),
      counts: planCounts(plan),
    });
    expect(dry.split("\n")[0]).toBe("Plan: 1 member to create, 1 job.");
    const outcomes: StepOutcome[] = [{ id: "a", title: "a", state: "changed", durationMs: 1, notes: [] }];
    const applied = renderRunResult({
      ...base,
      dryRun: false,
      status: "succeeded",
      outcomes,
      summary: summarize(plan, outcomes, 1),
      counts: doneCounts(plan, outcomes),
    });
    expect(applied).toContain("Done: 1 member created, 1 job.");
  });
});
