import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { RunHistory } from "../../../src/engine/run-history";
import { readRecord, RunRecord } from "../../../src/engine/run-record";

describe("run record", () => {
  it("is on disk from the start and keeps every entry, without secrets in commands", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "ha-rec-"));
    const rec = await RunRecord.create({ kind: "provision", sysplex: "PLEX1", topologyFile: path.join(dir, "t.yaml"), topologyText: "x" });
    expect(rec.file.startsWith(path.join(dir, "ha-runs"))).toBe(true);
    expect((await readRecord(rec.file)).status).toBe("running");

    await rec.backup({
      stepId: "s1",
      target: { kind: "member", dsn: "SYS1.PARMLIB", member: "IZUPRM0A" },
      original: "HOSTNAME('X')\n",
      etag: "E1",
      zosCopy: "HA.BACKUP(B0000001)",
    });
    rec.command({
      stepId: "s2",
      system: "SYSA",
      command: "V TCPIP,TCPIP,OBEYFILE,DSN=TCPIP.HA.OBEY(HASYSA)",
      response: ["EZZ0053I COMMAND VARY OBEY COMPLETED SUCCESSFULLY", "password: leaked"],
    });
    await rec.finish("failed", [], []);

    const text = readFileSync(rec.file, "utf8");
    expect(text).not.toContain("leaked");
    const data = await readRecord(rec.file);
    expect(data.backups[0].original).toBe("HOSTNAME('X')\n");
    expect(data.commands[0].response[0]).toMatch(/EZZ0053I/);
    expect(data.status).toBe("failed");
  });

  it("has a submitted job on disk before it ends, and keeps one entry per job once it has ended", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "ha-rec-"));
    const rec = await RunRecord.create({ kind: "provision", sysplex: "PLEX1", topologyFile: path.join(dir, "t.yaml"), topologyText: "x" });
    const job = { stepId: "zosmf-ha/filesystem/SYSA", jobname: "IZUMKF0A", jobid: "JOB00042", token: "T-1", maxRc: 0 };
    await rec.job({ ...job, retcode: null });
    expect((await readRecord(rec.file)).jobs).toEqual([{ ...job, retcode: null }]);
    await rec.job({ ...job, retcode: "CC 0000" });
    expect((await readRecord(rec.file)).jobs).toEqual([{ ...job, retcode: "CC 0000" }]);
  });

  it("finds the newest run of a sysplex with the wanted status", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "ha-rec-"));
    const topologyFile = path.join(dir, "t.yaml");
    const first = await RunRecord.create({ kind: "provision", sysplex: "PLEX1", topologyFile, topologyText: "x" });
    await first.finish("succeeded", [], []);
    await new Promise((r) => setTimeout(r, 1100));
    const second = await RunRecord.create({ kind: "provision", sysplex: "PLEX1", topologyFile, topologyText: "x" });
    await second.finish("failed", [], []);
    const other = await RunRecord.create({ kind: "provision", sysplex: "PLEX9", topologyFile, topologyText: "x" });
    await other.finish("failed", [], []);

    const history = await RunHistory.open({ topologyFile, sysplex: "PLEX1" });
    expect((await history.latest("provision"))?.runId).toBe(second.data.runId);
    expect((await history.latest("provision", ["succeeded"]))?.runId).toBe(first.data.runId);
    expect(await history.latest("rollback")).toBeUndefined();
  });
});
