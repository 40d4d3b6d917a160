import { describe, expect, it } from "vitest";
import type { RollbackPlanOptions } from "../../../src/rollback/plan";
import { planRestore } from "../../../src/rollback/restore-step";
import type { Topology } from "../../../src/topology";
import { PaddingFiles, applyContext, backupOf, member, record, writeOf } from "./fixtures";

const IZUPRM = member("SYS1.PARMLIB", "IZUPRM00");
const ORIGINAL = "HOSTNAME('a')\nHTTP_SSL_PORT(443)\n";
const WRITTEN = "HOSTNAME('a')\nHTTP_SSL_PORT(443)\nSESSION_EXPIRE(495)\n";

function options(files: PaddingFiles, written: string | undefined, force = false): RollbackPlanOptions {
  return {
    topology: { datasets: { backup: "HA.BACKUP" } } as unknown as Topology,
    client: files.client(),
    record: record("PLEX1-A", {
      backups: [backupOf("zosmf-ha/parmlib/SYSA", IZUPRM, ORIGINAL)],
      writes: [writeOf("zosmf-ha/parmlib/SYSA", IZUPRM, written)],
    }),
    force,
    runToken: "T0000001",
  };
}

describe("restoring a member from the run record", () => {
  it("restores a member that reads back padded to its record length", async () => {
    const files = new PaddingFiles();
    files.put("SYS1.PARMLIB", "IZUPRM00", WRITTEN);
    files.datasets.add("HA.BACKUP");
    const o = options(files, WRITTEN);
    const step = await planRestore(o, o.record.backups[0]!);
    expect(step.observed).toMatch(/as the run left it/);
    const result = await step.apply(applyContext());
    expect(result.state).toBe("changed");
    expect(files.members.get("SYS1.PARMLIB(IZUPRM00)")!.text).toBe(ORIGINAL);
  });

  it("takes a member whose records equal the original as already restored", async () => {
    const files = new PaddingFiles();
    files.put("SYS1.PARMLIB", "IZUPRM00", ORIGINAL);
    const o = options(files, WRITTEN);
    const step = await planRestore(o, o.record.backups[0]!);
    expect(step.observed).toMatch(/already as before the run/);
    expect(step.changes).toEqual([]);
    expect(step.warnings).toEqual([]);
  });

  it("sees an edit made after the run by its content, whatever the ETag", async () => {
    const files = new PaddingFiles();
    files.put("SYS1.PARMLIB", "IZUPRM00", `${WRITTEN}/* operator */\n`);
    const o = options(files, WRITTEN);
    // The write record's ETag is made to match the one the member has now.
    const etag = files.members.get("SYS1.PARMLIB(IZUPRM00)")!.etag;
    const rec = { ...o.record, writes: [{ ...o.record.writes[0]!, etagAfter: etag }] };
    const step = await planRestore({ ...o, record: rec }, rec.backups[0]!);
    expect(step.observed).toMatch(/changed since the run/);
    await expect(step.apply(applyContext())).rejects.toThrow(/changed after run PLEX1-A/);
    expect(files.members.get("SYS1.PARMLIB(IZUPRM00)")!.text).toMatch(/operator/);
  });
});
