import { describe, expect, it } from "vitest";
import type { RunRecordData } from "../../../src/engine/run-record";
import { loadResumeFamily, mergeChain, type RunSource } from "../../../src/rollback/chain";
import { entryOf } from "../../../src/runs/run-entry";
import { backupOf, member, record, writeOf } from "./fixtures";

const T = member("SYS1.PARMLIB", "IZUPRM0A");

function sourceOf(...records: RunRecordData[]): RunSource {
  return {
    runs: records.map(entryOf),
    places: "the test",
    read: async (id) => records.find((r) => r.runId === id)!,
  };
}
const at = (second: number) => `2024-01-01T00:00:0${second}.000Z`;
const ids = (chain: RunRecordData[]) => chain.map((r) => r.runId);

describe("the runs a rollback undoes with a resumed run", () => {
  it("are loaded oldest first through basedOn", async () => {
    const a = record("PLEX1-A", { startedAt: at(1) });
    const b = record("PLEX1-B", { basedOn: "PLEX1-A", startedAt: at(2) });
    const c = record("PLEX1-C", { basedOn: "PLEX1-B", status: "succeeded", startedAt: at(3) });
    const source = sourceOf(a, b, c);
    expect(ids(await loadResumeFamily(entryOf(c), source))).toEqual(["PLEX1-A", "PLEX1-B", "PLEX1-C"]);
    // Named by the failed run in the middle, the whole family is undone too.
    expect(ids(await loadResumeFamily(entryOf(b), source))).toEqual(["PLEX1-A", "PLEX1-B", "PLEX1-C"]);
  });

  it("include a resume that succeeded when a second --resume named the first failed run again", async () => {
    const a = record("PLEX1-A", { status: "interrupted", startedAt: at(1) });
    const b = record("PLEX1-B", { basedOn: "PLEX1-A", status: "succeeded", startedAt: at(2) });
    const c = record("PLEX1-C", { basedOn: "PLEX1-A", status: "succeeded", startedAt: at(3) });
    const other = record("PLEX1-D", { status: "succeeded", startedAt: at(4) });
    expect(ids(await loadResumeFamily(entryOf(c), sourceOf(a, b, c, other)))).toEqual(["PLEX1-A", "PLEX1-B", "PLEX1-C"]);
  });

  it("must all be there: a missing record is refused by name", async () => {
    const b = record("PLEX1-B", { basedOn: "PLEX1-A" });
    const err = await loadResumeFamily(entryOf(b), sourceOf(b)).catch((e: unknown) => e);
    expect(err).toMatchObject({ failureClass: "invalid-input" });
    expect((err as Error).message).toMatch(/resumed run PLEX1-A/);
  });

  it("stop at a record that points back into the chain", async () => {
    const a = record("PLEX1-A", { basedOn: "PLEX1-B", startedAt: at(1) });
    const b = record("PLEX1-B", { basedOn: "PLEX1-A", startedAt: at(2) });
    expect(ids(await loadResumeFamily(entryOf(b), sourceOf(a, b)))).toEqual(["PLEX1-A", "PLEX1-B"]);
  });

  it("leave out dry runs", async () => {
    const a = record("PLEX1-A", { startedAt: at(1) });
    const b = record("PLEX1-B", { basedOn: a.runId, status: "succeeded", startedAt: at(2) });
    const dry = record("PLEX1-C", { basedOn: b.runId, status: "planned", startedAt: at(3) });
    expect(ids(await loadResumeFamily(entryOf(a), sourceOf(a, b, dry)))).toEqual(["PLEX1-A", "PLEX1-B"]);
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
