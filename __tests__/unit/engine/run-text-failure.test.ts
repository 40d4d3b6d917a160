import { describe, expect, it } from "vitest";
import { renderRunResult } from "../../../src/report/run-text";
import type { RunResult } from "../../../src/run/apply-run";
import { countChanges } from "../../../src/report/plan-summary";
import { provisionNext, rollbackNext } from "../../../src/run/next-commands";

const failed = (sent: RunResult["sent"], next: string[]): RunResult => ({
  sysplex: "PLEX1",
  dryRun: false,
  status: "failed",
  runId: "PLEX1-1",
  plan: [],
  outcomes: [
    {
      id: "zosmf-ha/tcpip/SYSA",
      title: "t",
      state: "failed",
      durationMs: 1,
      notes: [],
      error: { message: "OBEYFILE did not apply cleanly", details: [], failureClass: "zos-failure" },
    },
  ],
  summary: { steps: 1, changed: 0, unchanged: 0, failed: 1, skipped: 0, durationMs: 1 },
  counts: countChanges([]),
  sent,
  next,
});

describe("the text of a failed run", () => {
  it("lists what the run changed on z/OS and the commands to resume or roll back", () => {
    const sent = [
      { stepId: "datasets/obey", kind: "dataset" as const, what: "data set TCPIP.HA.OBEY created" },
      { stepId: "zosmf-ha/tcpip/SYSA", kind: "member" as const, what: "TCPIP.HA.OBEY(HASYSA) written" },
    ];
    const text = renderRunResult(failed(sent, provisionNext({ topologyFile: "/plex dir/plex.yaml" }, "PLEX1-1", true)));
    expect(text).toMatch(
      /Changed on z\/OS by this run \(2\):\n\s+data set TCPIP\.HA\.OBEY created\s+\[datasets\/obey\]\n\s+TCPIP\.HA\.OBEY\(HASYSA\) written/,
    );
    expect(text).toContain("zowe ha provision -t '/plex dir/plex.yaml' --resume");
    expect(text).toContain("zowe ha rollback -t '/plex dir/plex.yaml' --run PLEX1-1");
  });

  it("says so when nothing was changed, and offers no rollback", () => {
    const text = renderRunResult(failed([], provisionNext({ topologyFile: "/p/plex.yaml", recordDir: "/p/runs" }, "PLEX1-1", false)));
    expect(text).toMatch(/Nothing was changed on z\/OS by this run/);
    expect(text).toContain("zowe ha provision -t /p/plex.yaml --record-dir /p/runs");
    expect(text).not.toMatch(/rollback|--resume/);
  });

  it("after a failed rollback offers to run the same rollback again", () => {
    const text = renderRunResult(
      failed(
        [{ stepId: "rollback/restore/SYS1.PARMLIB(IZUPRM0A)", kind: "member", what: "SYS1.PARMLIB(IZUPRM0A) written" }],
        rollbackNext({ topologyFile: "/p/plex.yaml" }, "PLEX1-0", true),
      ),
      {
        verb: "Rollback of run PLEX1-0",
      },
    );
    expect(text).toContain("zowe ha rollback -t /p/plex.yaml --run PLEX1-0");
    expect(text).toMatch(/SYS1\.PARMLIB\(IZUPRM0A\) written/);
  });
});
