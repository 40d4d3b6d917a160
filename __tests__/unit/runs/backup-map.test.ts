import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { readRecord, RunRecord } from "../../../src/engine/run-record";

describe("the backup map of a run record", () => {
  it("says which original each backup member holds, for which run and when", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "ha-map-"));
    const record = await RunRecord.create({
      kind: "provision",
      sysplex: "PLEX1",
      topologyFile: path.join(dir, "p.yaml"),
      topologyText: "x",
      recordDir: dir,
    });
    await record.backup({
      stepId: "s",
      target: { kind: "member", dsn: "SYS1.PARMLIB", member: "IZUPRM00" },
      original: "A\n",
      etag: "E",
      zosCopy: "HA.BACKUP(B1234567)",
    });
    // A member that did not exist has no copy, so no line in the map.
    await record.backup({ stepId: "s", target: { kind: "member", dsn: "SYS1.PARMLIB", member: "IZUPRM0A" }, original: null, etag: null });
    const saved = await readRecord(record.file);
    expect(saved.backupMap).toEqual([
      {
        copy: "HA.BACKUP(B1234567)",
        of: "SYS1.PARMLIB(IZUPRM00)",
        runId: record.data.runId,
        at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      },
    ]);
  });
});
