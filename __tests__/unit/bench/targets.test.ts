import { describe, expect, it } from "vitest";
import type { AuthFigure } from "../../../scripts/bench/auth";
import type { RunFigure } from "../../../scripts/bench/measure";
import { computeTargets, type CliFigures, type SizeFigures } from "../../../scripts/bench/targets";

// The benchmark's target table is what a reader trusts: each "holds" must follow from the figures.
const auth = (maxLogonsPerHost: number): AuthFigure => ({ logons: maxLogonsPerHost, maxLogonsPerHost, basic: 0, cookie: 40, refused: 0, hosts: 1 });
const job = { job: "J(JOB1)", runMs: 500, polls: 3, noticeMs: 50 };
const run = (requests: number, a = auth(1)): RunFigure => ({
  wallMs: 100,
  planMs: 10,
  status: "succeeded",
  requests,
  byKind: {},
  jobs: [job],
  medianRequestMs: 20,
  auth: a,
});
const size = (systems: number, verifyMs: number, verifyRequests: number, verifyAuth = auth(1)): SizeFigures => ({
  systems,
  provisionMs: [1000],
  provision: run(200),
  verifyMs: [verifyMs],
  verify: run(verifyRequests, verifyAuth),
  lowerBoundMs: 1000,
  lowerBoundModel: "model",
});
const cli = (over: Partial<CliFigures> = {}): CliFigures => ({
  cliProvisionMs: 2000,
  stock: { wallMs: 20_000, actions: 30, byKind: {} },
  startup: { nodeMs: 50, zoweVersionMs: 600, haHelpMs: 400, haVerifyMs: 1000 },
  daemon: { ms: [250, 260, 270] },
  inProcessVerifyMs: 150,
  importTime: { configMs: 3, handlerMs: 100, modules: 400, packages: {}, runs: [103] },
  ...over,
});
const holds = (targets: ReturnType<typeof computeTargets>, prefix: string) => {
  const t = targets.find((x) => x.target.startsWith(prefix));
  if (!t) throw new Error(`no target ${prefix}`);
  return t;
};

function targetsOf(sizes: SizeFigures[], c: CliFigures = cli(), rssMb = 150) {
  return computeTargets((n) => sizes.find((s) => s.systems === n)!, sizes, c, rssMb);
}

describe("the benchmark's targets", () => {
  const flat = [size(2, 100, 12), size(8, 110, 24), size(32, 140, 72)];

  it("holds a verify whose 32-system time and requests stay flat, and fails one that does not", () => {
    expect(holds(targetsOf(flat), "32-system verify").holds).toBe(true);
    expect(holds(targetsOf(flat), "verify requests grow").holds).toBe(true);
    const steep = [size(2, 100, 12), size(8, 200, 60), size(32, 500, 132)];
    expect(holds(targetsOf(steep), "32-system verify").holds).toBe(false);
    expect(holds(targetsOf(steep), "verify requests grow")).toMatchObject({ holds: false, figure: expect.stringContaining("4.0 per system") });
  });

  it("fails the authentication target when any one run logged on twice to a host, and names that run", () => {
    const twice = [size(2, 100, 12), size(8, 110, 24, auth(2)), size(32, 140, 72)];
    expect(holds(targetsOf(flat), "one logon per host").holds).toBe(true);
    expect(holds(targetsOf(twice), "one logon per host")).toMatchObject({ holds: false, figure: expect.stringContaining("8-system verify") });
  });

  it("says why daemon mode was not measured and does not count that as holding", () => {
    const t = holds(targetsOf(flat, cli({ daemon: { notMeasured: "zowe daemon enable failed: no native client" } })), "`zowe ha verify` (2 systems) in daemon mode");
    expect(t).toMatchObject({ holds: false, figure: expect.stringContaining("no native client") });
    expect(holds(targetsOf(flat), "`zowe ha verify` (2 systems) in daemon mode").holds).toBe(true);
  });

  it("counts the configuration module and the handler together against the import budget", () => {
    const slow = cli({ importTime: { configMs: 60, handlerMs: 100, modules: 400, packages: {}, runs: [160] } });
    expect(holds(targetsOf(flat, slow), "the plug-in's own import time").holds).toBe(false);
    expect(holds(targetsOf(flat), "the plug-in's own import time").holds).toBe(true);
  });
});
