import { XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { renderDrillJunit, renderDrillText, type DrillResult } from "../../../src/drill";

const base: DrillResult = {
  sysplex: "PLEX1",
  target: "zosmf",
  method: "quiesce",
  dryRun: false,
  status: "failed",
  commands: [
    { system: "SYSA", command: "VARY TCPIP,TCPIP,SYSPLEX,QUIESCE,PORT=443,JOBNAME=IZUSVRA", purpose: "stop new connections" },
    { system: "SYSA", command: "VARY TCPIP,TCPIP,SYSPLEX,RESUME,PORT=443,JOBNAME=IZUSVRA", purpose: "take them again" },
  ],
  phases: [
    { id: "takeover", title: "Backup receives in the VDPT", verdict: "failed", detail: "not seen within 60.0 s <none & nothing>" },
    { id: "restore", title: "Resume IZUSVRA on SYSA", verdict: "failed", detail: "not confirmed" },
    { id: "switch-back", title: "Traffic back", verdict: "not-reached", detail: "interrupted" },
  ],
  restored: "not-confirmed",
  operatorAction: ["RO SYSA,VARY TCPIP,TCPIP,SYSPLEX,RESUME,PORT=443,JOBNAME=IZUSVRA"],
  reasons: ['stopped at "Backup receives in the VDPT"'],
  durationMs: 1234,
};

describe("drill report", () => {
  it("an unconfirmed restore is never reported as done and names the command the operator must run", () => {
    const text = renderDrillText(base);
    expect(text).toMatch(/The restore was NOT confirmed\./);
    expect(text).not.toMatch(/was confirmed on/);
    expect(text).toMatch(/The operator must run:\n {2}RO SYSA,VARY TCPIP,TCPIP,SYSPLEX,RESUME,PORT=443,JOBNAME=IZUSVRA/);
  });

  it("moving traffic back under NOAUTOSWITCHBACK is offered, not demanded", () => {
    const text = renderDrillText({ ...base, status: "succeeded", restored: "confirmed", phases: [] });
    expect(text).toMatch(/To move traffic back to the preferred instance, run:/);
    expect(text).not.toMatch(/must run/);
  });

  it("writes well-formed JUnit with a failure per failed phase and a skipped one per phase not reached", () => {
    const xml = renderDrillJunit(base);
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(xml).toMatch(/tests="3" failures="2" errors="0"/);
    expect(xml).toMatch(/skipped="1"/);
    expect(xml).toContain("&lt;none &amp; nothing&gt;");
  });
});
