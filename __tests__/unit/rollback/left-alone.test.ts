import { describe, expect, it } from "vitest";
import type { JobEntry } from "../../../src/engine/types";
import { leftAloneStep } from "../../../src/rollback/left-alone";
import { record } from "./fixtures";

const job = (jobname: string, jobid: string, retcode: string | null): JobEntry => ({
  stepId: "s",
  jobname,
  jobid,
  token: "T",
  retcode,
  maxRc: 0,
});

describe("what rollback leaves in place", () => {
  it("names jobs whose end the run never saw as possibly still running", () => {
    const step = leftAloneStep(record("PLEX1-A", { jobs: [job("IZUMKF0B", "JOB00042", null)] }))!;
    expect(step).toBeDefined();
    expect(step.warnings!.join("\n")).toMatch(/may still be running \(IZUMKF0B\(JOB00042\)\)/);
    expect(step.observed).toMatch(/may still be running: IZUMKF0B\(JOB00042\)/);
  });

  it("does not count a job recorded at submit and again at its end as running", () => {
    const step = leftAloneStep(
      record("PLEX1-A", {
        jobs: [job("IZUSEC", "JOB00001", null), job("IZUSEC", "JOB00001", "CC 0000"), job("IZUMKF0A", "JOB00002", null)],
      }),
    )!;
    const text = step.warnings!.join("\n");
    expect(text).toMatch(/IZUMKF0A\(JOB00002\)/);
    expect(text).not.toMatch(/IZUSEC/);
    expect(step.observed).toBe("jobs of run PLEX1-A: IZUSEC(JOB00001) CC 0000; may still be running: IZUMKF0A(JOB00002)");
  });

  it("says that the data sets the run created stay, even when it ran no job", () => {
    const attributes = { dsorg: "PO" as const, recfm: "FB", lrecl: 80, blksize: 27920, alcunit: "TRK" as const, primary: 5, secondary: 5 };
    const step = leftAloneStep(record("PLEX1-A", { datasets: [{ stepId: "datasets/obey", dsn: "TCPIP.HA.OBEY", attributes }] }))!;
    expect(step).toBeDefined();
    expect(step.warnings!.join("\n")).toMatch(/Data sets the run created are left in place \(TCPIP\.HA\.OBEY\)/);
    expect(step.observed).toBe("created: TCPIP.HA.OBEY");
  });

  it("has nothing to say when the run ran no job and started nothing", () => {
    expect(leftAloneStep(record("PLEX1-A"))).toBeUndefined();
  });
});
