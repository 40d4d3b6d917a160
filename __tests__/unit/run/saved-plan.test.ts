import { mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readPlanFile, writePlanFile } from "../../../src/engine/plan-file";
import type { Change, PlannedStep, StepPlan } from "../../../src/engine/types";
import { HaError } from "../../../src/errors";
import { toStepPlan } from "../../../src/run/apply-run";
import { assertSamePlan, comparePlans, savedPlanOf, type PlanInputs } from "../../../src/run/saved-plan";

const INPUTS: PlanInputs = {
  sysplex: "PLEX1",
  topologyHash: "a".repeat(64),
  topologyFile: "/p/plex.yaml",
  window: "",
  pluginVersion: "0.1.0",
  startServers: false,
};
const PARM = { target: "SYS1.PARMLIB(IZUPRM0A)", etag: "1A2B", sha256: "1".repeat(64) };
const update: Change = { kind: "member", dsn: "SYS1.PARMLIB", member: "IZUPRM0A", action: "update", diff: "+HOSTNAME(X)" };
const obey: Change = { kind: "command", system: "SYSA", command: "V TCPIP,,OBEYFILE,DSN=TCPIP.HA.OBEY(HASYSA)", purpose: "apply" };

const step = (over: Partial<StepPlan> = {}): StepPlan => ({
  id: "zosmf-ha/parmlib/SYSA",
  workflow: "zosmf-ha",
  title: "IZUPRM0A on SYSA",
  system: "SYSA",
  dependsOn: [],
  observed: "IZUPRM0A without HOSTNAME",
  changes: [update],
  fingerprint: "f1",
  reads: [PARM],
  ...over,
});

/** What the command would say: the refusal's class (exit code) and its lines. */
function refusal(d: ReturnType<typeof comparePlans>): { failureClass: string; lines: readonly string[] } | undefined {
  try {
    assertSamePlan("plan.json", d);
    return undefined;
  } catch (err) {
    const e = err as HaError;
    return { failureClass: e.failureClass, lines: e.details };
  }
}

describe("comparing a fresh plan with a saved one", () => {
  const saved = savedPlanOf(INPUTS, "AB12CD34", [step()]);

  it("accepts the same plan, whatever it observed in words", () => {
    expect(refusal(comparePlans(saved, INPUTS, [step({ observed: "said otherwise this time", sameInputsAs: "RUN-1" })]))).toBeUndefined();
  });

  it("names a member whose ETag moved, as z/OS having changed (exit 2)", () => {
    const moved = step({ reads: [{ ...PARM, etag: "3C4D", sha256: "2".repeat(64) }] });
    expect(refusal(comparePlans(saved, INPUTS, [moved]))).toEqual({
      failureClass: "zos-failure",
      lines: ["SYS1.PARMLIB(IZUPRM0A) changed since the plan: ETag 1A2B → 3C4D"],
    });
  });

  it("names a member created or deleted since, and content changed under the same ETag", () => {
    const absent = savedPlanOf(INPUTS, "AB12CD34", [step({ reads: [{ ...PARM, etag: null, sha256: null }] })]);
    expect(refusal(comparePlans(absent, INPUTS, [step()]))?.lines).toEqual([
      "SYS1.PARMLIB(IZUPRM0A) was created since the plan (ETag 1A2B)",
    ]);
    expect(refusal(comparePlans(saved, INPUTS, [step({ reads: [{ ...PARM, etag: null, sha256: null }] })]))?.lines).toEqual([
      "SYS1.PARMLIB(IZUPRM0A) was deleted since the plan (it had ETag 1A2B)",
    ]);
    expect(refusal(comparePlans(saved, INPUTS, [step({ reads: [{ ...PARM, sha256: "9".repeat(64) }] })]))?.lines).toEqual([
      "SYS1.PARMLIB(IZUPRM0A) changed since the plan: its content differs under the same ETag 1A2B",
    ]);
  });

  it("names a step whose changes are no longer the plan's, and what differs", () => {
    const more = refusal(comparePlans(saved, INPUTS, [step({ changes: [update, obey] })]));
    expect(more?.failureClass).toBe("zos-failure");
    expect(more?.lines).toEqual([
      "step zosmf-ha/parmlib/SYSA would now change 1 member to update, 1 command (the plan: 1 member to update): " +
        "now issue on SYSA: V TCPIP,,OBEYFILE,DSN=TCPIP.HA.OBEY(HASYSA)",
    ]);
    const other = refusal(comparePlans(saved, INPUTS, [step({ changes: [{ ...update, diff: "+HOSTNAME(Y)" }] })]));
    expect(other?.lines).toEqual(["step zosmf-ha/parmlib/SYSA would now make other changes: update member SYS1.PARMLIB(IZUPRM0A) differs"]);
    const none = refusal(comparePlans(saved, INPUTS, [step({ changes: [] })]));
    expect(none?.lines[0]).toMatch(/would now change nothing \(the plan: 1 member to update\): no longer update member/);
  });

  it("names steps added to or gone from the plan", () => {
    const extra = step({ id: "datasets/obey", changes: [obey], reads: [] });
    expect(refusal(comparePlans(saved, INPUTS, [step(), extra]))?.lines).toEqual([
      "step datasets/obey is new since the plan: it would change 1 command",
    ]);
    expect(refusal(comparePlans(saved, INPUTS, []))?.lines).toEqual(["step zosmf-ha/parmlib/SYSA is no longer in the plan"]);
  });

  it("refuses a plan of another topology, plug-in version or --start-servers as input (exit 3), before what moved", () => {
    const other = refusal(
      comparePlans(saved, { ...INPUTS, topologyHash: "b".repeat(64), pluginVersion: "0.2.0", startServers: true }, [
        step({ fingerprint: "f2", changes: [] }),
      ]),
    );
    expect(other?.failureClass).toBe("invalid-input");
    expect(other?.lines).toEqual([
      "the plan was made by zowe-ha 0.1.0; this is zowe-ha 0.2.0",
      `the topology differs from the one the plan was made from (/p/plex.yaml, hash ${"a".repeat(12)} → ${"b".repeat(12)})`,
      "the plan was made without --start-servers; this command is with it",
      "step zosmf-ha/parmlib/SYSA: its inputs (topology, workflow) differ from the plan's",
    ]);
    expect(refusal(comparePlans(saved, { ...INPUTS, sysplex: "PLEX2" }, [step()]))?.lines).toEqual([
      "the plan is for sysplex PLEX1; the topology is of sysplex PLEX2",
    ]);
  });

  it("refuses a plan made for another --limit/--only window as input (exit 3), not as z/OS having moved", () => {
    const limited = savedPlanOf({ ...INPUTS, window: "--limit SYSA" }, "AB12CD34", [step()]);
    const other = refusal(comparePlans(limited, INPUTS, [step()]));
    expect(other?.failureClass).toBe("invalid-input");
    expect(other?.lines).toEqual(["the plan was made with --limit SYSA; this command has no --limit or --only"]);
    expect(refusal(comparePlans(limited, { ...INPUTS, window: "--limit SYSA" }, [step()]))).toBeUndefined();
  });
});

describe("the plan file", () => {
  const dir = mkdtempSync(join(tmpdir(), "ha-plan-"));

  it("is written owner-only, read back as it was, and holds no secret the dry run masked", async () => {
    const jcl = "//HASEC JOB (ACCT),'HA',USER=HAADMIN,PASSWORD=JOBPW01\n//S1 EXEC PGM=IKJEFT01";
    const secretStep: PlannedStep = {
      ...step(),
      observed: "masterNodeUri redis://:OBSERVEDPW@cache:6379",
      warnings: ["the member has password: WARNPW"],
      changes: [
        { kind: "job", jobname: "HASEC", jcl, maxRc: 0, purpose: "connect token=PURPOSEPW" },
        { kind: "uss-file", path: "/global/zowe/zowe.yaml", action: "update", diff: "+  keystorePassword: DIFFPW1" },
      ],
      apply: async () => ({ state: "changed" }),
    };
    const file = join(dir, "plan.json");
    writeFileSync(file, "old", { mode: 0o644 });
    const plan = savedPlanOf(INPUTS, "AB12CD34", [toStepPlan(secretStep)]);
    await writePlanFile(file, plan);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const text = readFileSync(file, "utf8");
    expect(text).not.toMatch(/JOBPW01|OBSERVEDPW|WARNPW|PURPOSEPW|DIFFPW1/);
    expect(text).toContain("PASSWORD=********");
    expect(await readPlanFile(file)).toEqual(plan);
  });

  it("refuses a malformed or foreign file naming the field (exit 3)", async () => {
    const bad = async (content: string): Promise<HaError> => {
      const file = join(dir, `bad-${Math.random().toString(36).slice(2)}.json`);
      writeFileSync(file, content);
      return readPlanFile(file).then(
        () => {
          throw new Error("accepted");
        },
        (e: HaError) => e,
      );
    };
    const good = savedPlanOf(INPUTS, "AB12CD34", [step()]);
    const noFormat = await bad(JSON.stringify({ ...good, planFormat: undefined }));
    expect(noFormat.failureClass).toBe("invalid-input");
    expect(noFormat.message).toMatch(/planFormat: .*1 \(the only plan format/);
    const wrongChange = await bad(JSON.stringify({ ...good, steps: [{ ...good.steps[0], changes: [{ kind: "reboot" }] }] }));
    expect(wrongChange.message).toContain("steps.0.changes.0.kind");
    const noEtag = await bad(JSON.stringify({ ...good, steps: [{ ...good.steps[0], reads: [{ target: "X" }] }] }));
    expect(noEtag.message).toContain("steps.0.reads.0.etag");
    expect((await bad("{ not json")).message).toMatch(/is not JSON/);
    expect((await bad(JSON.stringify({ formatVersion: 1, runId: "PLEX1-1" }))).failureClass).toBe("invalid-input");
    const missing = await readPlanFile(join(dir, "none.json")).catch((e: HaError) => e);
    expect((missing as HaError).message).toMatch(/cannot read .*none\.json: ENOENT/);
  });
});
