import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { executePlan } from "../../../src/engine/execute";
import type { Change, EngineEvent, PlannedStep, RunRecorder, StepResult } from "../../../src/engine/types";
import { HaError } from "../../../src/errors";
import { renderPlan, renderRunResult } from "../../../src/report/run-text";
import { reportAndApply, toStepPlan } from "../../../src/run/apply-run";

const recorder: RunRecorder = { backup: async () => undefined, job: () => undefined, command: () => undefined, write: () => undefined };

const JCL =
  "//HASEC JOB (ACCT),'HA',USER=HAADMIN,PASSWORD=JOBPW01\n//S1 EXEC PGM=IKJEFT01\n//SYSTSIN DD *\n ALTUSER HAUSER PASSWORD(RACFPW1) PHRASE('my long phrase')\n/*";
const CHANGES: Change[] = [
  { kind: "job", jobname: "HASEC", jcl: JCL, maxRc: 0, purpose: "connect token=PURPOSEPW" },
  { kind: "command", system: "SYSA", command: "F ZWESLSTC,APPL=SET,PASSWORD=CMDPW01", purpose: "refresh" },
  { kind: "uss-file", path: "/global/zowe/zowe.yaml", action: "update", diff: "+  keystorePassword: DIFFPW1" },
  { kind: "member", dsn: "SYS1.PARMLIB", member: "IZUPRM00", action: "update", diff: '+{ "password": "MEMBERPW" }' },
];
const SECRETS = /JOBPW01|RACFPW1|my long phrase|PURPOSEPW|CMDPW01|DIFFPW1|MEMBERPW|SPOOLPW|MSGPW01|NOTEPW1|OBSERVEDPW|WARNPW/;

function planned(apply: () => Promise<StepResult>, changes: Change[] = CHANGES): PlannedStep {
  return {
    id: "sec",
    workflow: "test",
    title: "security set-up",
    dependsOn: [],
    observed: "masterNodeUri redis://:OBSERVEDPW@cache:6379",
    warnings: ["the member has password: WARNPW"],
    changes,
    apply,
  };
}

describe("toStepPlan", () => {
  it("masks every text of every change, and what the step observed and warns about", () => {
    const plan = toStepPlan(planned(async () => ({ state: "changed" })));
    const text = JSON.stringify(plan) + renderPlan([plan]);
    expect(text).not.toMatch(SECRETS);
    const job = plan.changes[0] as Extract<Change, { kind: "job" }>;
    expect(job.jcl).toContain("PASSWORD(********)");
    expect(job.maxRc).toBe(0);
    expect(plan.changes.map((c) => c.kind)).toEqual(["job", "command", "uss-file", "member"]);
  });

  it("leaves the step itself, and so what is submitted, untouched", async () => {
    let submitted = "";
    const step = planned(async () => {
      submitted = (CHANGES[0] as Extract<Change, { kind: "job" }>).jcl;
      return { state: "changed" };
    });
    toStepPlan(step);
    expect((step.changes[0] as Extract<Change, { kind: "job" }>).jcl).toBe(JCL);
    await step.apply({ record: recorder, progress: () => undefined });
    expect(submitted).toBe(JCL);
  });
});

describe("executePlan outcomes", () => {
  it("mask the error message and details of a failed step", async () => {
    const events: EngineEvent[] = [];
    const [outcome] = await executePlan(
      [
        planned(async () => {
          throw new HaError("job HASEC failed: PASSWORD=MSGPW01 rejected", {
            failureClass: "zos-failure",
            details: [" ALTUSER HAUSER PASSWORD(SPOOLPW)"],
          });
        }),
      ],
      { recorder, sink: { onEvent: (e) => events.push(e) } },
    );
    expect(outcome.error!.message).toBe("job HASEC failed: PASSWORD=******** rejected");
    expect(outcome.error!.details).toEqual([" ALTUSER HAUSER PASSWORD(********)"]);
    expect(JSON.stringify(events)).not.toMatch(SECRETS);
  });

  it("mask a plain Error too", async () => {
    const [outcome] = await executePlan([planned(async () => Promise.reject(new Error("connect to redis://:MSGPW01@cache failed")))], {
      recorder,
    });
    expect(outcome.error!.message).toBe("connect to redis://:********@cache failed");
  });

  it("mask the notes of a step that succeeded", async () => {
    const [outcome] = await executePlan([planned(async () => ({ state: "changed", notes: ["set keystorePassword: NOTEPW1"] }))], {
      recorder,
    });
    expect(outcome.notes).toEqual(["set keystorePassword: ********"]);
  });
});

describe("reportAndApply", () => {
  it("keeps secrets out of the events, the result, its text and the run record", async () => {
    const dir = mkdtempSync(join(tmpdir(), "ha-redact-"));
    const events: EngineEvent[] = [];
    const result = await reportAndApply(
      [
        planned(async () => {
          throw new HaError("PASSWORD=MSGPW01", { failureClass: "zos-failure", details: ["PHRASE('my long phrase')"] });
        }),
      ],
      {
        kind: "provision",
        sysplex: "PLEX1",
        topologyFile: join(dir, "topology.yaml"),
        topologyText: "",
        recordDir: dir,
        startedAt: Date.now(),
        sink: { onEvent: (e) => events.push(e) },
      },
    );
    expect(result.status).toBe("failed");
    expect(JSON.stringify(events)).not.toMatch(SECRETS);
    expect(JSON.stringify(result)).not.toMatch(SECRETS);
    expect(renderRunResult(result)).not.toMatch(SECRETS);
    expect(readFileSync(result.recordFile!, "utf8")).not.toMatch(SECRETS);
  });
});
