import { describe, expect, it } from "vitest";
import { elementsOfCheck, elementStates } from "../../../src/graph";
import type { Check } from "../../../src/verify";
import { exampleGraph } from "./fixtures";

const check = (id: string, system: string | undefined, verdict: Check["verdict"], notRun?: boolean): Check => ({
  id,
  ...(system ? { system } : {}),
  title: id,
  expected: "",
  found: "",
  verdict,
  ...(notRun ? { notRun } : {}),
});

describe("which element a verify check judges", () => {
  const g = exampleGraph("three-system-all.yaml");
  it.each([
    ["system.active", "SYSB", ["sys1"]],
    ["tcpip.dynamicxcf", "SYSC", ["stack2"]],
    ["zosmf.parmlib.hostname", "SYSB", ["zt1"]],
    ["tcpip.vdpt.ready", "SYSC", ["zt2"]],
    ["tcpip.hotstandby", undefined, ["zdv"]],
    ["zosmf.reachable.dvipa", undefined, ["zdv"]],
    ["caching.ha-instance", "SYSB", ["cache1"]],
    ["caching.storage.mode", undefined, ["cache0", "cache1", "cache2"]],
    ["ports.zosconnect-api.listeners", "SYSA", ["pg0"]],
    ["ports.gateway.reservation", "SYSA", ["pg1"]],
    ["services.imsconnect.dvipa", "SYSB", ["dv1"]],
    ["services.zosconnect.targets", undefined, ["t0_0", "t0_1", "t0_2"]],
    ["services.gateway.vipadcfg", "SYSA", ["dv2"]],
    ["gateway.reachable.dvipa", undefined, ["dv2"]],
    // Sysplex-wide facts and settings of files are about no element of the picture.
    ["sysplex.saf", undefined, []],
    ["gateway.zowe-yaml", undefined, []],
    ["services.nosuch.dvipa", "SYSA", []],
  ] as [string, string | undefined, string[]][])("%s %s → %j", (id, system, ids) => {
    expect(elementsOfCheck(check(id, system, "healthy"), g).sort()).toEqual([...ids].sort());
  });
});

describe("an element's state", () => {
  const g = exampleGraph("two-system.yaml");
  const stateOf = (checks: Check[]) => elementStates(g, checks).get("zt1");

  it("is healthy only when its checks passed", () => {
    expect(stateOf([check("zosmf.parmlib.hostname", "SYSB", "healthy"), check("zosmf.user-dir.mounted", "SYSB", "healthy")])).toBe(
      "healthy",
    );
  });
  it("is unhealthy when one check failed, degraded when one is degraded", () => {
    expect(stateOf([check("zosmf.parmlib.hostname", "SYSB", "healthy"), check("zosmf.user-dir.mounted", "SYSB", "failed")])).toBe(
      "unhealthy",
    );
    expect(stateOf([check("zosmf.parmlib.hostname", "SYSB", "healthy"), check("zosmf.user-dir.mounted", "SYSB", "degraded")])).toBe(
      "degraded",
    );
  });
  it("is unknown, never healthy, when a check could not be run or none could tell", () => {
    expect(stateOf([check("zosmf.parmlib.hostname", "SYSB", "healthy"), check("zosmf.user-dir.mounted", "SYSB", "failed", true)])).toBe(
      "unknown",
    );
    expect(stateOf([check("zosmf.parmlib.hostname", "SYSB", "not-applicable")])).toBe("unknown");
  });
  it("is absent (drawn plain) when no check judges the element", () => {
    const states = elementStates(g, [check("system.active", "SYSA", "healthy")]);
    expect([...states.keys()]).toEqual(["sys0"]);
  });
});
