import { describe, expect, it } from "vitest";
import { renderVerifyResult, summaryLine } from "../../../src/report/verify-text";
import type { Check, VerifyResult } from "../../../src/verify";

const check = (id: string, system: string | undefined, verdict: Check["verdict"], reason?: string): Check => ({
  id,
  ...(system !== undefined ? { system } : {}),
  title: id,
  expected: "x",
  found: verdict === "healthy" ? "x" : "not read",
  verdict,
  ...(reason ? { reason } : {}),
});

function result(checks: Check[]): VerifyResult {
  const count = (v: Check["verdict"]) => checks.filter((c) => c.verdict === v).length;
  return {
    sysplex: "PLEX1",
    checks,
    summary: { healthy: count("healthy"), degraded: count("degraded"), failed: count("failed"), total: checks.length },
    verdict: count("failed") ? "failed" : count("degraded") ? "degraded" : "healthy",
    unreadable: ["SYSB"],
    durationMs: 1200,
  };
}

describe("verify text report", () => {
  it("says a reason shared by many checks once, naming the checks", () => {
    const lost = "SYSB: could not be read: connection refused";
    const text = renderVerifyResult(
      result([
        check("zosmf.parmlib.hostname", "SYSA", "healthy"),
        ...["a", "b", "c", "d", "e"].map((x) => check(`zosmf.parmlib.${x}`, "SYSB", "failed", lost)),
        check("tcpip.vdpt.ready", "SYSB", "degraded", "no standby on SYSB"),
      ]),
    );
    const reasons = text.split("Reasons:")[1]!;
    expect(reasons.split(lost).length - 1).toBe(1);
    expect(reasons).toMatch(
      /zosmf\.parmlib\.a \(SYSB\), zosmf\.parmlib\.b \(SYSB\), zosmf\.parmlib\.c \(SYSB\), 2 more: SYSB: could not be read/,
    );
    expect(reasons).toMatch(/DEGRADED tcpip\.vdpt\.ready \(SYSB\): no standby on SYSB/);
    expect(text).toMatch(/Could not read: SYSB/);
    expect(text.trimEnd().split("\n").at(-1)).toMatch(/^Verify PLEX1: 1 healthy, 1 degraded, 5 failed \(1\.2 s\)$/);
  });

  it("names the hot-standby verdict and its reason in the summary line", () => {
    const line = summaryLine(result([check("tcpip.hotstandby", undefined, "degraded", "SYSB is serving because SYSA is down")]));
    expect(line).toBe("Verify PLEX1: 0 healthy, 1 degraded, 0 failed — hot standby degraded: SYSB is serving because SYSA is down");
  });

  it("fits 80 columns with long findings, and still says every word of them", () => {
    const found = "z/OSMF 27.0 at plex.example.com:443; served by SYSA (Active in the VDPT of SYSA) since the last takeover of the DVIPA";
    const long: Check = {
      ...check("zosmf.reachable.dvipa", undefined, "healthy"),
      expected: "GET /zosmf/info answers at https://plex.example.com:443",
      found,
    };
    const text = renderVerifyResult(result([long, check("zosmf.parmlib.hostname", "SYSA", "failed", "wrong")]));
    for (const line of text.split("\n")) expect(line.length, line).toBeLessThanOrEqual(80);
    const table = text.split("Reasons:")[0]!;
    expect(table.replace(/\s+/g, " ")).toContain(found);
    expect(table).toMatch(/^zosmf\.reachable\.dvipa\s+-\s+healthy$/m);
  });

  it("keeps one row per check when the table fits the width", () => {
    const text = renderVerifyResult(result([check("zosmf.parmlib.hostname", "SYSA", "healthy")]));
    expect(text).toMatch(/^zosmf\.parmlib\.hostname\s+SYSA\s+x\s+x\s+healthy$/m);
  });
});
