import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { readRecord, RunRecord, type RunRecordData } from "../../../src/engine/run-record";
import { submitOnce } from "../../../src/provision/ops/submit-once";
import type { ZosmfClient } from "../../../src/zosmf";

describe("submitOnce", () => {
  it("has the job's name, token and step on disk before the submit request leaves, then its job id", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "ha-intent-"));
    const record = await RunRecord.create({
      kind: "provision",
      sysplex: "PLEX1",
      topologyFile: path.join(dir, "t.yaml"),
      topologyText: "x",
    });
    let onDiskAtSubmit: RunRecordData | undefined;
    const job = { jobname: "IZUMKF0A", jobid: "JOB00012", status: "OUTPUT", retcode: "CC 0000" };
    const client = {
      jobs: {
        submitJcl: async () => {
          onDiskAtSubmit = await readRecord(record.file);
          return job;
        },
        waitForOutput: async () => ({ job }),
        spoolFiles: async () => [],
      },
    } as unknown as ZosmfClient;

    await submitOnce({
      client,
      ctx: { record, progress: () => undefined },
      stepId: "zosmf-ha/filesystem/SYSA",
      owner: "IBMUSER",
      jobname: "IZUMKF0A",
      jcl: "//IZUMKF0A JOB\n//* ZHA-TOKEN T1-x\n",
      token: "T1-x",
      maxRc: 0,
      timeoutMs: 1000,
      purpose: "the file system",
    });

    expect(onDiskAtSubmit?.jobs).toEqual([
      expect.objectContaining({ stepId: "zosmf-ha/filesystem/SYSA", jobname: "IZUMKF0A", jobid: null, token: "T1-x", owner: "IBMUSER" }),
    ]);
    // The intent becomes the job: one entry, with its id and return code.
    expect((await readRecord(record.file)).jobs).toEqual([
      expect.objectContaining({ jobid: "JOB00012", token: "T1-x", retcode: "CC 0000" }),
    ]);
  });
});
