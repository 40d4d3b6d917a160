import { describe, expect, it } from "vitest";
import { planReadCache } from "../../../src/provision/plan-cache";
import { ZosmfError, type ZosmfClient } from "../../../src/zosmf";

/** A client whose member reads count and answer from a map (absent: not found). */
function countingClient(members: Record<string, string>): { client: ZosmfClient; reads: string[] } {
  const reads: string[] = [];
  const files = {
    read: async (dsn: string, member?: string) => {
      const key = `${dsn}(${member})`;
      reads.push(key);
      const text = members[key];
      if (text === undefined) throw new ZosmfError({ kind: "not-found", method: "GET", path: key, status: 404, summary: "not found" });
      return { text, etag: `E${reads.length}` };
    },
    listDatasets: async (level: string) => {
      reads.push(`list ${level}`);
      return [{ dsname: level }];
    },
  };
  return { client: { files } as unknown as ZosmfClient, reads };
}

describe("the plan's read cache", () => {
  it("asks z/OS once for a member that several steps read, absence included", async () => {
    const { client, reads } = countingClient({ "SYS1.SAMPLIB(IZUPRM00)": "HOSTNAME('x')" });
    const cache = planReadCache();
    const a = cache.wrap(client);
    const b = cache.wrap(client);
    const [one, two] = await Promise.all([a.files.read("SYS1.SAMPLIB", "IZUPRM00"), b.files.read("SYS1.SAMPLIB", "IZUPRM00")]);
    expect(one).toEqual(two);
    await expect(a.files.read("SYS1.PARMLIB", "IEASYS00")).rejects.toMatchObject({ kind: "not-found" });
    await expect(b.files.read("SYS1.PARMLIB", "IEASYS00")).rejects.toMatchObject({ kind: "not-found" });
    expect(reads).toEqual(["SYS1.SAMPLIB(IZUPRM00)", "SYS1.PARMLIB(IEASYS00)"]);
  });

  it("hands each caller its own copy of a list", async () => {
    const { client } = countingClient({});
    const wrapped = planReadCache().wrap(client);
    const first = await wrapped.files.listDatasets("SYS1.PARMLIB");
    first.pop();
    expect(await wrapped.files.listDatasets("SYS1.PARMLIB")).toHaveLength(1);
  });

  it("once the plan is made, every read goes to z/OS again: an apply never works from a plan-time answer", async () => {
    const members = { "SYS1.PARMLIB(IZUPRM0A)": "old" };
    const { client, reads } = countingClient(members);
    const cache = planReadCache();
    const wrapped = cache.wrap(client);
    expect((await wrapped.files.read("SYS1.PARMLIB", "IZUPRM0A")).text).toBe("old");
    cache.close();
    members["SYS1.PARMLIB(IZUPRM0A)"] = "changed by someone";
    expect((await wrapped.files.read("SYS1.PARMLIB", "IZUPRM0A")).text).toBe("changed by someone");
    expect(reads).toHaveLength(2);
  });
});
