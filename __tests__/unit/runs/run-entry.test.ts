import { describe, expect, it } from "vitest";
import type { RunRecordData } from "../../../src/engine/run-record";
import { entryOf } from "../../../src/runs/run-entry";

function record(over: Partial<RunRecordData>): RunRecordData {
  return {
    formatVersion: 1,
    runId: "PLEX1-20261203T100000000-abcd",
    kind: "provision",
    sysplex: "PLEX1",
    topologyFile: "/tmp/plex.yaml",
    topologySha256: "0".repeat(64),
    startedAt: "2026-12-03T10:00:00.000Z",
    status: "running",
    plan: [],
    outcomes: [],
    backups: [],
    writes: [],
    jobs: [],
    commands: [],
    datasets: [],
    ...over,
  } as RunRecordData;
}

describe("whether a run in the list changed something", () => {
  it("counts a run still running (as the index first saw it, or killed since) as one that may have", () => {
    expect(entryOf(record({ status: "running" })).changedSomething).toBe(true);
  });

  it("counts a finished run that changed nothing as one that did not, and one that wrote a member as one that did", () => {
    expect(entryOf(record({ status: "succeeded", endedAt: "2026-12-03T10:01:00.000Z" })).changedSomething).toBe(false);
    const wrote = record({
      status: "succeeded",
      writes: [{ stepId: "s", target: { kind: "member", dsn: "A.B", member: "C" }, etagBefore: null, etagAfter: null }],
    } as Partial<RunRecordData>);
    expect(entryOf(wrote).changedSomething).toBe(true);
  });

  it("counts an interrupted run that sent a job as one that may have changed something", () => {
    const cut = record({
      status: "interrupted",
      jobs: [{ stepId: "s", jobname: "IZUSEC", jobid: null, retcode: null }],
    } as Partial<RunRecordData>);
    expect(entryOf(cut).changedSomething).toBe(true);
  });
});
