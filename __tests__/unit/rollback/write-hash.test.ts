import { describe, expect, it } from "vitest";
import { safeWriteMember, safeWriteUss } from "../../../src/provision/ops/safe-write";
import { PaddingFiles, applyContext, hashOf } from "./fixtures";

describe("writes are recorded with the hash of their records", () => {
  it("for a member created and one updated", async () => {
    const files = new PaddingFiles();
    files.put("SYS1.PARMLIB", "IZUPRM00", "OLD\n");
    files.datasets.add("HA.BACKUP");
    const ctx = applyContext();
    const client = files.client();
    const base = { client, ctx, stepId: "s", runToken: "T0000001", backupDsn: "HA.BACKUP", dsn: "SYS1.PARMLIB" };
    await safeWriteMember({ ...base, member: "IZUPRM0A", observed: { text: null, etag: null }, text: "NEW   \n" });
    const observed = await client.files.read("SYS1.PARMLIB", "IZUPRM00");
    await safeWriteMember({
      ...base,
      member: "IZUPRM00",
      observed: { text: observed.text, etag: observed.etag ?? null },
      text: "CHANGED\n",
    });
    expect(ctx.writes.map((w) => w.textSha256)).toEqual([hashOf("NEW"), hashOf("CHANGED")]);
  });

  it("for a z/OS UNIX file", async () => {
    const files = new PaddingFiles();
    files.uss.set("/z/zowe.yaml", { text: "a: 1\n", etag: "E0" });
    const ctx = applyContext();
    await safeWriteUss({
      client: files.client(),
      ctx,
      stepId: "s",
      runToken: "T0000001",
      path: "/z/zowe.yaml",
      observed: { text: "a: 1\n", etag: "E0" },
      text: "a: 2\n",
    });
    expect(ctx.writes[0]!.textSha256).toBe(hashOf("a: 2"));
  });
});
