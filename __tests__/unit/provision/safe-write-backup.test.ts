import { describe, expect, it } from "vitest";
import { safeWriteMember } from "../../../src/provision/ops/safe-write";
import { PaddingFiles, applyContext } from "../rollback/fixtures";

describe("a member update without its backup library", () => {
  it("is refused with nothing written and no data set created behind the plan's back", async () => {
    const files = new PaddingFiles();
    files.put("SYS1.PARMLIB", "IZUPRM0A", "OLD\n");
    const client = files.client();
    const ctx = applyContext();
    const observed = await client.files.read("SYS1.PARMLIB", "IZUPRM0A");
    const write = safeWriteMember({
      client,
      ctx,
      stepId: "s",
      runToken: "T0000001",
      backupDsn: "HA.BACKUP",
      dsn: "SYS1.PARMLIB",
      member: "IZUPRM0A",
      observed: { text: observed.text, etag: observed.etag ?? null },
      text: "NEW\n",
    });
    await expect(write).rejects.toThrow(/backup library HA\.BACKUP does not exist.*nothing was written/);
    expect(files.datasets.has("HA.BACKUP")).toBe(false);
    expect(files.members.get("SYS1.PARMLIB(IZUPRM0A)")!.text).toBe("OLD\n");
    expect(ctx.writes).toEqual([]);
  });
});
