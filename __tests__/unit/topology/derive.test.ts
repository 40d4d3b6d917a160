import { describe, expect, test } from "vitest";
import { infinispanInitialHosts, loadTopology, parseTopology, splitMember, systemByName, zosmfHaSystems } from "../../../src/topology";
import { all, remove, set, THREE_SYSTEM, TWO_SYSTEM, variant } from "./variants";

describe("systemByName", () => {
  test("finds a system whatever the case", async () => {
    const t = await loadTopology(TWO_SYSTEM);
    expect(systemByName(t, "sysb").hostname).toBe("sysb.example.com");
  });

  test("refuses an unknown name as an input error naming the known ones", async () => {
    const t = await loadTopology(TWO_SYSTEM);
    expect(() => systemByName(t, "SYSQ")).toThrow(
      expect.objectContaining({ failureClass: "invalid-input", message: expect.stringContaining("SYSA, SYSB") }),
    );
  });

  test("quotes at most 60 characters of a runaway name, typed or in the topology", async () => {
    const t = await loadTopology(TWO_SYSTEM);
    t.systems[1]!.name = `SYSB${"Y".repeat(300)}`;
    const err = (() => {
      try {
        systemByName(t, `SYSQ${"Q".repeat(300)}`);
      } catch (e) {
        return e as Error;
      }
    })();
    expect(err?.message).not.toMatch(/Q{61}|Y{61}/);
    expect(err?.message).toContain("SYSA");
  });
});

describe("zosmfHaSystems", () => {
  test("the preferred system first, then the backups by rank, highest first", async () => {
    const t = await loadTopology(THREE_SYSTEM);
    expect(zosmfHaSystems(t).map((m) => [m.system.name, m.role, m.rank])).toEqual([
      ["SYSA", "PREFERRED", undefined],
      ["SYSB", "BACKUP", 100],
      ["SYSC", "BACKUP", 50],
    ]);
  });

  test("orders backups written in the wrong order", async () => {
    const t = await loadTopology(THREE_SYSTEM);
    const reordered = {
      ...t,
      zosmfHa: {
        ...t.zosmfHa!,
        backups: [
          { system: "SYSC", rank: 50 },
          { system: "SYSB", rank: 100 },
        ],
      },
    };
    expect(zosmfHaSystems(reordered).map((m) => m.system.name)).toEqual(["SYSA", "SYSB", "SYSC"]);
  });

  test("each member carries its z/OSMF server", async () => {
    const [preferred] = zosmfHaSystems(await loadTopology(TWO_SYSTEM));
    expect(preferred.system.zosmf.serverProc).toBe("IZUSVRA");
  });

  test("is empty without zosmfHa", () => {
    const t = parseTopology(variant(remove(["zosmfHa"])));
    expect(zosmfHaSystems(t)).toEqual([]);
  });
});

describe("infinispanInitialHosts", () => {
  test("each instance's host name with the JGroups port", async () => {
    expect(infinispanInitialHosts(await loadTopology(TWO_SYSTEM))).toBe("sysa.example.com[7600],sysb.example.com[7600]");
  });

  test("follows a changed JGroups port", () => {
    const t = parseTopology(variant(all(set(["cachingService", "storage", "infinispan", "jgroupsPort"], 7800))));
    expect(infinispanInitialHosts(t)).toBe("sysa.example.com[7800],sysb.example.com[7800]");
  });

  test("an explicit initialHosts wins", () => {
    const t = parseTopology(variant(set(["cachingService", "storage", "infinispan", "initialHosts"], "cache1.example.com[7600]")));
    expect(infinispanInitialHosts(t)).toBe("cache1.example.com[7600]");
  });
});

describe("splitMember", () => {
  test("splits DSN(MEMBER)", () => {
    expect(splitMember("SITE.CUSTOM.JCL(IZUSEC)")).toEqual({ dataSet: "SITE.CUSTOM.JCL", member: "IZUSEC" });
  });

  test("refuses anything else", () => {
    expect(() => splitMember("SITE.CUSTOM.JCL")).toThrow(/DSN\(MEMBER\)/);
  });
});
