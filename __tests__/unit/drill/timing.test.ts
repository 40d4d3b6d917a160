import { describe, expect, it } from "vitest";
import type { Sample } from "../../../src/drill/observe";
import type { DrillTarget } from "../../../src/drill/target";
import { answeredFromBackup, longestOutage, stayedOnBackup, takeoverPhases, tookOver } from "../../../src/drill/timing";

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
  autoSwitchBack: true,
  zosmf: true,
  preferred: inst("SYSA"),
  backups: [inst("SYSB")],
};
const s = (at: number, receiving: string[] | null, answered: boolean, extra: Partial<Sample> = {}): Sample => ({
  at,
  receiving,
  ready: receiving ?? [],
  answered,
  ...extra,
});

describe("drill timing", () => {
  it("takes the takeover time from the first look where a backup receives and the preferred does not", () => {
    const looks = [s(0, ["SYSA"], false), s(500, [], false), s(1000, ["SYSB"], false), s(1500, ["SYSB"], true)];
    const phases = takeoverPhases(looks, target, 60_000, undefined);
    expect(phases.find((p) => p.id === "takeover")).toMatchObject({ verdict: "passed", timeMs: 1000 });
    expect(phases.find((p) => p.id === "answer")).toMatchObject({ verdict: "passed", timeMs: 1500 });
    expect(phases.find((p) => p.id === "outage")).toMatchObject({ verdict: "passed", timeMs: 1500 });
  });

  it("an answer that names the preferred system is not an answer from the backup, whatever the VDPT says", () => {
    expect(answeredFromBackup(s(0, ["SYSB"], true, { answeredBy: "SYSA" }), target)).toBe(false);
    expect(answeredFromBackup(s(0, ["SYSB"], true, { answeredBy: "SYSB" }), target)).toBe(true);
  });

  it("an unreadable VDPT is never a takeover", () => {
    expect(tookOver(s(0, null, true), target)).toBe(false);
  });

  it("reports the longest outage, and one still open at the last look as failed", () => {
    expect(
      longestOutage([s(0, [], true), s(100, [], false), s(200, [], true), s(300, [], false), s(600, [], false), s(900, [], true)]),
    ).toEqual({
      fromMs: 300,
      toMs: 900,
      durationMs: 600,
    });
    const phases = takeoverPhases([s(0, ["SYSA"], false), s(500, ["SYSA"], false)], target, 500, undefined);
    expect(phases.map((p) => p.verdict)).toEqual(["failed", "failed", "failed"]);
    expect(phases[0]!.detail).toMatch(/not seen within 500 ms \(receiving: SYSA\)/);
  });

  it("says the takeover was cut short by an interrupt rather than by the bound", () => {
    const phases = takeoverPhases([s(0, ["SYSA"], true)], target, 60_000, "interrupted before it was seen");
    expect(phases[0]!.detail).toMatch(/^interrupted before it was seen/);
  });

  it("NOAUTOSWITCHBACK is as intended only once the preferred instance is ready again", () => {
    expect(stayedOnBackup({ ...s(0, ["SYSB"], true), ready: ["SYSB"] }, target)).toBe(false);
    expect(stayedOnBackup({ ...s(0, ["SYSB"], true), ready: ["SYSA", "SYSB"] }, target)).toBe(true);
  });
});
