import { describe, expect, it } from "vitest";
import type { Observer, Sample } from "../../../src/drill/observe";
import { measureSwitchBack } from "../../../src/drill/switch-back";
import type { DrillTarget } from "../../../src/drill/target";

const inst = (system: string) => ({
  system,
  job: `IZUSVR${system.slice(-1)}`,
  xcf: system,
  stack: "TCPIP",
  jobField: `systems[${system}].zosmf.serverProc`,
});
const target: DrillTarget = {
  name: "zosmf",
  dvipa: "192.0.2.10",
  port: 443,
  host: "192.0.2.10",
  distributor: "SYSA",
  hotStandby: true,
  autoSwitchBack: false,
  zosmf: true,
  preferred: inst("SYSA"),
  backups: [inst("SYSB")],
};
const observer = (sample: Omit<Sample, "at">): Observer => ({
  look: async (at) => ({ ...sample, at }),
  vdpt: async () => sample,
});

describe("switch-back under NOAUTOSWITCHBACK", () => {
  it("traffic answered by a system that is not a backup of the target is a failed phase naming it, not a crash", async () => {
    const o = observer({ receiving: ["SYSB"], ready: ["SYSA", "SYSB"], answered: true, answeredBy: "SYSC" });
    const back = await measureSwitchBack(o, target, { startedAt: performance.now(), timeoutMs: 1_000, intervalMs: 1 });
    expect(back.phase).toMatchObject({
      id: "switch-back",
      verdict: "failed",
      detail: expect.stringMatching(/served by SYSC, which is not a backup of zosmf/),
    });
    expect(back.operatorAction).toBeUndefined();
  });
});
