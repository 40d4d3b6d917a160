import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { fingerprintOf } from "../../../src/engine/fingerprint";
import { sameInputsAs, RunHistory } from "../../../src/engine/run-history";
import type { RunRecordData } from "../../../src/engine/run-record";
import { record } from "../rollback/fixtures";

const step = { id: "caching-service/vsam", fingerprint: fingerprintOf("caching-service/vsam", { name: "ZWE.CACHE.VSAM", keyLength: 128 }) };
const outcome = { id: step.id, title: "define", state: "changed" as const, durationMs: 1, notes: [] };
const planned = (fingerprint?: string) => ({
  id: step.id,
  workflow: "caching-service",
  title: "define",
  dependsOn: [],
  observed: "",
  changes: [],
  ...(fingerprint ? { fingerprint } : {}),
});

describe("a step done by the last successful run", () => {
  it("is done when that run completed the step with the same fingerprint", () => {
    expect(sameInputsAs({ runId: "PLEX1-A", plan: [planned(step.fingerprint)], outcomes: [outcome] }, step)).toBe("PLEX1-A");
  });

  it("is not done when its inputs changed, the step failed, or the record has no fingerprint", () => {
    const other = fingerprintOf("caching-service/vsam", { name: "ZWE.CACHE.VSAM", keyLength: 64 });
    expect(sameInputsAs({ runId: "A", plan: [planned(other)], outcomes: [outcome] }, step)).toBeUndefined();
    expect(
      sameInputsAs({ runId: "A", plan: [planned(step.fingerprint)], outcomes: [{ ...outcome, state: "failed" }] }, step),
    ).toBeUndefined();
    // An older record: the plan's text may even name the same attributes; only a fingerprint counts.
    expect(sameInputsAs({ runId: "A", plan: [{ ...planned(), observed: "attributes 128" }], outcomes: [outcome] }, step)).toBeUndefined();
  });

  it("has a fingerprint that ignores key order but not values", () => {
    expect(fingerprintOf("s", { a: 1, b: "x" })).toBe(fingerprintOf("s", { b: "x", a: 1 }));
    expect(fingerprintOf("s", { a: 1 })).not.toBe(fingerprintOf("t", { a: 1 }));
    expect(fingerprintOf("s", { a: "1" })).not.toBe(fingerprintOf("s", { a: 1 }));
  });
});

function folder(...files: [string, unknown][]): string {
  const dir = mkdtempSync(path.join(tmpdir(), "ha-history-"));
  for (const [name, data] of files) writeFileSync(path.join(dir, name), typeof data === "string" ? data : JSON.stringify(data));
  return dir;
}
const file = (r: RunRecordData): [string, RunRecordData] => [`${r.runId}.${r.kind}.json`, r];

describe("the run history", () => {
  it("finds the newest run of a status without reading older records", async () => {
    const dir = folder(
      ["PLEX1-1.provision.json", "not json"],
      file(record("PLEX1-2", { status: "succeeded" })),
      file(record("PLEX1-3")),
      file(record("PLEX10-4", { sysplex: "PLEX10" })),
    );
    const history = await RunHistory.open({ dir, sysplex: "PLEX1" });
    expect((await history.lastSuccess())?.runId).toBe("PLEX1-2");
    expect((await history.latest("provision"))?.runId).toBe("PLEX1-3");
    await expect(history.all("provision")).rejects.toMatchObject({ failureClass: "invalid-input" });
  });

  it("is empty when the folder does not exist", async () => {
    const history = await RunHistory.open({ dir: path.join(tmpdir(), "ha-history-none", String(Date.now())), sysplex: "PLEX1" });
    expect(await history.latest("provision")).toBeUndefined();
  });

  it("refuses a file that is not a run record, naming what is wrong", async () => {
    const dir = folder([
      "PLEX1-1.provision.json",
      { formatVersion: 1, runId: "PLEX1-1", kind: "provision", status: "succeeded", plan: [] },
    ]);
    const history = await RunHistory.open({ dir, sysplex: "PLEX1" });
    const err = await history.latest("provision").catch((e: unknown) => e);
    expect(err).toMatchObject({ failureClass: "invalid-input" });
    expect((err as Error).message).toMatch(/outcomes is not a list/);
  });
});
