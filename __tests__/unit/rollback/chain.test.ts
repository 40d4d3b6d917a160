import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { RunHistory } from "../../../src/engine/run-history";
import type { RunRecordData } from "../../../src/engine/run-record";
import { lastResumer, loadChain, mergeChain } from "../../../src/rollback/chain";
import { backupOf, member, record, writeOf } from "./fixtures";

const T = member("SYS1.PARMLIB", "IZUPRM0A");

function dirWith(...records: RunRecordData[]): Promise<RunHistory> {
  const dir = mkdtempSync(path.join(tmpdir(), "ha-chain-"));
  for (const r of records) writeFileSync(path.join(dir, `${r.runId}.${r.kind}.json`), JSON.stringify(r));
  return RunHistory.open({ dir, sysplex: "PLEX1" });
}

describe("the runs a resumed run continued", () => {
  it("are loaded oldest first through basedOn", async () => {
    const a = record("PLEX1-A");
    const b = record("PLEX1-B", { basedOn: "PLEX1-A" });
    const c = record("PLEX1-C", { basedOn: "PLEX1-B", status: "succeeded" });
    const chain = await loadChain(c, await dirWith(a, b, c));
    expect(chain.map((r) => r.runId)).toEqual(["PLEX1-A", "PLEX1-B", "PLEX1-C"]);
  });

  it("must all be there: a missing record is refused by name", async () => {
    const b = record("PLEX1-B", { basedOn: "PLEX1-A" });
    const err = await loadChain(b, await dirWith(b)).catch((e: unknown) => e);
    expect(err).toMatchObject({ failureClass: "invalid-input" });
    expect((err as Error).message).toMatch(/resumed run PLEX1-A/);
  });

  it("stop at a record that points back into the chain", async () => {
    const a = record("PLEX1-A", { basedOn: "PLEX1-B" });
    const b = record("PLEX1-B", { basedOn: "PLEX1-A" });
    expect((await loadChain(b, await dirWith(a, b))).map((r) => r.runId)).toEqual(["PLEX1-A", "PLEX1-B"]);
  });

  it("end with the run that resumed the last, whatever order their ids sort in", async () => {
    // Same second: the random tail puts the failed run after its resume.
    const a = record("PLEX1-20240101T000000-ffff");
    const b = record("PLEX1-20240101T000000-0000", { basedOn: a.runId, status: "succeeded" });
    const dry = record("PLEX1-20240101T000001-0000", { basedOn: b.runId, status: "planned" });
    expect((await lastResumer(a, await dirWith(a, b, dry))).runId).toBe(b.runId);
  });

  it("merge into one record: first backups first, last writes last, everything else joined", () => {
    const a = record("PLEX1-A", {
      backups: [backupOf("p", T, null)],
      writes: [writeOf("p", T, "first")],
      outcomes: [{ id: "p", title: "p", state: "changed", durationMs: 1, notes: [] }],
      jobs: [{ stepId: "j", jobname: "J1", jobid: "JOB1", token: "t", retcode: "CC 0000", maxRc: 0 }],
    });
    const b = record("PLEX1-B", {
      basedOn: "PLEX1-A",
      backups: [backupOf("p", T, "first")],
      writes: [writeOf("p", T, "second")],
      outcomes: [{ id: "p", title: "p", state: "unchanged", durationMs: 1, notes: [] }],
      commands: [{ stepId: "c", system: "SYSA", command: "S X", response: [] }],
    });
    const merged = mergeChain([a, b]);
    expect(merged.runId).toBe("PLEX1-B");
    expect(merged.backups[0]!.existed).toBe(false);
    expect(merged.writes.at(-1)).toEqual(b.writes[0]);
    expect(merged.outcomes.map((o) => o.state)).toEqual(["changed", "unchanged"]);
    expect(merged.jobs).toHaveLength(1);
    expect(merged.commands).toHaveLength(1);
  });
});
