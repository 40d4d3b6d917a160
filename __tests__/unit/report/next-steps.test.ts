import { describe, expect, it } from "vitest";
import { countChanges } from "../../../src/report/plan-summary";
import type { RunResult } from "../../../src/run/apply-run";
import { provisionNextSteps } from "../../../src/run/provision-next";
import { verifyNextSteps } from "../../../src/run/verify-next";
import type { Check, VerifyResult } from "../../../src/verify";

const TOPOLOGY = "examples/two-system.yaml";

const provisioned = (status: RunResult["status"]): RunResult => ({
  sysplex: "PLEX1",
  dryRun: false,
  status,
  runId: "PLEX1-1",
  plan: [{ id: "zosmf-ha/parmlib/SYSA", system: "SYSA", title: "t", workflow: "zosmf-ha", dependsOn: [], observed: "o", changes: [] }],
  outcomes: [],
  summary: { steps: 1, changed: 1, unchanged: 0, failed: 0, skipped: 0, durationMs: 1 },
  counts: countChanges([]),
  sent: [],
});

const verified = (checks: Check[], down: string[] = []): VerifyResult =>
  ({ sysplex: "PLEX1", checks, down: down.map((system) => ({ system })), unreadable: [], durationMs: 1 }) as unknown as VerifyResult;

const notReady = (system: string): Check => ({
  id: "tcpip.vdpt.ready",
  system,
  title: "t",
  expected: "Rdy >= 1",
  found: "Rdy 0",
  verdict: "failed",
  reason: `${system} has no ready listener`,
});

describe("what to do next", () => {
  it("after a provision without --start-servers names the server procedures from the topology", async () => {
    expect(await provisionNextSteps(TOPOLOGY, provisioned("succeeded"), false)).toEqual([
      "this run did not start the z/OSMF servers (no --start-servers): run again with --start-servers, or S IZUSVRA on SYSA",
    ]);
    expect(await provisionNextSteps(TOPOLOGY, provisioned("succeeded"), true)).toEqual([]);
  });

  it("after a verify that failed because a server does not listen says how to start it, then to verify again", async () => {
    expect(await verifyNextSteps(TOPOLOGY, verified([notReady("SYSA")]))).toEqual([
      `the z/OSMF servers are not started: run zowe ha provision -t ${TOPOLOGY} --start-servers, or S IZUSVRA on SYSA`,
      `fix the failed checks above, then run: zowe ha verify -t ${TOPOLOGY}`,
    ]);
  });

  it("does not blame the server of a system that is down", async () => {
    expect(await verifyNextSteps(TOPOLOGY, verified([notReady("SYSA")], ["SYSA"]))).toEqual([
      `fix the failed checks above, then run: zowe ha verify -t ${TOPOLOGY}`,
    ]);
  });
});
