import { describe, expect, it } from "vitest";
import { colourWanted, palette } from "../../../src/report/colour";
import { countChanges } from "../../../src/report/plan-summary";
import { renderPlan, renderRunResult } from "../../../src/report/run-text";
import { renderVerifyResult } from "../../../src/report/verify-text";
import { barStatus } from "../../../src/report/wrap";
import type { RunResult } from "../../../src/run/apply-run";
import { serversNotStarted, verifyNext } from "../../../src/run/next-commands";
import { planRestore } from "../../../src/rollback/restore-step";
import type { RollbackPlanOptions } from "../../../src/rollback/plan";
import type { Topology } from "../../../src/topology";
import type { VerifyResult } from "../../../src/verify";
import { toStepPlan } from "../../../src/run/apply-run";
import { PaddingFiles, backupOf, member, record, writeOf } from "../rollback/fixtures";

const ESC = "\u001b[";
const longest = (text: string) => Math.max(...text.split("\n").map((l) => l.length));

const run = (over: Partial<RunResult> = {}): RunResult => ({
  sysplex: "PLEXPRODUCTION1",
  dryRun: false,
  status: "failed",
  runId: "PLEXPRODUCTION1-20261203-160000",
  plan: [],
  outcomes: [
    { id: "zosmf-ha/parmlib/SYSA", system: "SYSA", title: "t", state: "changed", durationMs: 5, notes: [] },
    {
      id: "zosmf-ha/tcpip/SYSA",
      system: "SYSA",
      title: "t",
      state: "failed",
      durationMs: 1,
      notes: [],
      error: { message: "OBEYFILE did not apply", details: [], failureClass: "zos-failure" },
    },
  ],
  summary: { steps: 12, changed: 10, unchanged: 100, failed: 1, skipped: 1000, durationMs: 123456 },
  counts: countChanges([]),
  sent: [],
  next: ["nothing was changed on z/OS; fix the cause above and run: zowe ha provision -t plex.yaml"],
  ...over,
});

describe("provision and rollback text at 80 columns", () => {
  const verb = "Rollback of runs PLEXPRODUCTION1-20261203-150000, PLEXPRODUCTION1-20261203-160000";

  it("breaks a long summary between words and keeps every summary line within 80 columns", () => {
    const text = renderRunResult(run(), { verb, width: 80 });
    const summary = text.slice(text.indexOf("Rollback of"), text.indexOf("Nothing was changed")).trimEnd();
    expect(longest(summary)).toBeLessThanOrEqual(80);
    // Every word of the sentence is still whole on some line.
    for (const word of ["PLEXPRODUCTION1-20261203-160000", "unchanged,", "skipped", "123.5"]) expect(summary).toContain(word);
    expect(summary.split("\n").length).toBeGreaterThan(1);
  });

  it("colours states only when asked, and a failed run always ends with Next", () => {
    const plain = renderRunResult(run(), { verb });
    expect(plain).not.toContain(ESC);
    expect(plain).toMatch(/\nNext:\n {4}nothing was changed on z\/OS; fix the cause above/);
    const coloured = renderRunResult(run(), { verb, colour: palette(true) });
    expect(coloured).toContain(`${ESC}31mfailed${ESC}39m`);
    expect(coloured).toContain(`${ESC}36mchanged${ESC}39m`);
    // The table still lines up: colour is added after padding.
    expect(coloured.replace(/\u001b\[\d+m/g, "")).toBe(plain);
  });

  it("shows several observed facts one a line", () => {
    const text = renderPlan([
      { id: "s", title: "t", workflow: "w", dependsOn: [], observed: "jobs of run R: HAJOB 0000; started: IZUSVRA", changes: [] },
    ]);
    expect(text).toContain("   observed:\n     - jobs of run R: HAJOB 0000\n     - started: IZUSVRA");
  });
});

describe("colour decision", () => {
  it("is on only for a terminal, without --rfj and without NO_COLOR", () => {
    expect(colourWanted({ json: false, noColor: undefined, isTTY: true })).toBe(true);
    expect(colourWanted({ json: true, noColor: undefined, isTTY: true })).toBe(false);
    expect(colourWanted({ json: false, noColor: "1", isTTY: true })).toBe(false);
    expect(colourWanted({ json: false, noColor: undefined, isTTY: false })).toBe(false);
  });

  it("colours diff content lines, not the file headers", () => {
    const p = palette(true);
    expect(p.diffLine("+ADD")).toBe(`${ESC}32m+ADD${ESC}39m`);
    expect(p.diffLine("-DEL")).toBe(`${ESC}31m-DEL${ESC}39m`);
    expect(p.diffLine("--- A (now)")).toBe("--- A (now)");
  });
});

describe("progress bar status", () => {
  it("fits one 80-column line together with the bar", () => {
    const status = barStatus(`[3/40] zosmf-ha/tcpip/SYSA: ${"Add the hot-standby VIPADISTRIBUTE statements ".repeat(3)}`, 80);
    expect(status.length + 23).toBeLessThanOrEqual(80);
    expect(status.endsWith("…")).toBe(true);
    expect(barStatus("short", 80)).toBe("short");
  });
});

describe("verify text", () => {
  const result: VerifyResult = {
    sysplex: "PLEXPRODUCTION1",
    checks: [
      {
        id: "tcpip.vdpt.ready",
        system: "SYSA",
        title: "t",
        expected: "Rdy >= 1",
        found: "Rdy 0",
        verdict: "failed",
        reason: "SYSA has no ready listener",
      },
    ],
    summary: { healthy: 140, degraded: 12, failed: 1, notApplicable: 9, total: 162 },
    unreadable: [],
    down: [],
    durationMs: 1500,
  } as unknown as VerifyResult;

  it("ends a failure with Next, the summary within 80 columns, and colour only when asked", () => {
    const next = [
      serversNotStarted([{ proc: "IZUSVRA", system: "SYSA" }], { topologyFile: "plex.yaml" }),
      verifyNext({ topologyFile: "plex.yaml" }),
    ];
    const text = renderVerifyResult(result, { width: 80, next });
    expect(longest(text.slice(text.indexOf("Verify PLEX"), text.indexOf("Next:")))).toBeLessThanOrEqual(80);
    expect(text).toContain(
      "Next:\n    the z/OSMF servers are not started: run zowe ha provision -t plex.yaml --start-servers, or S IZUSVRA on SYSA",
    );
    expect(text).toContain("    fix the failed checks above, then run: zowe ha verify -t plex.yaml");
    expect(text).not.toContain(ESC);
    expect(renderVerifyResult(result, { width: 80, colour: palette(true) })).toContain(`${ESC}31mFAILED${ESC}39m`);
  });

  it("after a provision, the servers line says to run again", () => {
    expect(serversNotStarted([{ proc: "IZUSVRA", system: "SYSA" }])).toBe(
      "the z/OSMF servers are not started: run again with --start-servers, or S IZUSVRA on SYSA",
    );
  });
});

describe("a deletion in a rollback plan", () => {
  it("reads as a deletion: every line removed, nothing added", async () => {
    const target = member("SYS1.PARMLIB", "IZUPRM0A");
    const files = new PaddingFiles();
    files.put("SYS1.PARMLIB", "IZUPRM0A", "HOSTNAME('a')\n");
    const o: RollbackPlanOptions = {
      topology: { datasets: { backup: "HA.BACKUP" } } as unknown as Topology,
      client: files.client(),
      record: record("PLEX1-A", { backups: [backupOf("s", target, null)], writes: [writeOf("s", target, "HOSTNAME('a')\n")] }),
      force: false,
      runToken: "T0000001",
    };
    const text = renderPlan([toStepPlan(await planRestore(o, o.record.backups[0]!))]);
    expect(text).toContain("delete member SYS1.PARMLIB(IZUPRM0A):");
    expect(text).toContain("-HOSTNAME('a')");
    expect(text).not.toMatch(/^ *\+(?!\+\+)/m);
    expect(text).not.toContain("update member");
  });
});
