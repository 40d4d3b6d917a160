import { describe, expect, it } from "vitest";
import { runIdcamsStatements } from "../../../emulator/programs";
import type { VsamCluster } from "../../../emulator/state";
import { cc, instream, newState, NOW, run, sysout } from "./helpers";

/** ZWECSVSM's DEFINE with the MODE DD spliced in (facts §6.1). */
const zwecsvsm = (name: string, mode: "RLS" | "NONRLS") => `
  DEFINE CLUSTER -
   (NAME(${name}) -
${mode === "RLS" ? "    STORCLAS(SCRLS) -\n    LOG(NONE) -" : "    VOLUME(ZOSVOL) -\n    SHAREOPTIONS(2 3) -"}
    REC(80 20) -
    INDEXED) -
   DATA(NAME(${name}.DATA) -
    RECSZ(4096 4096) -
    UNIQUE -
    KEYS(128 0)) -
   INDEX(NAME(${name}.INDEX) -
    UNIQUE)
`;

const idcams = (state: ReturnType<typeof newState>, text: string) => {
  const r = run(state, "IDCAMS", [sysout("SYSPRINT"), instream("SYSIN", text)]);
  return { r, out: r.outputs.SYSPRINT };
};

describe("IDCAMS DEFINE CLUSTER", () => {
  it("defines the RLS caching-service KSDS with keys, record size, storage class and LOG", () => {
    const state = newState();
    const { r, out } = idcams(state, zwecsvsm("ZWE.CACHE.VSAM", "RLS"));
    expect(cc(r)).toBe(0);
    expect(out).toContain("IDC0002I IDCAMS PROCESSING COMPLETE. MAXIMUM CONDITION CODE WAS 0");
    const ds = state.datasets["ZWE.CACHE.VSAM"] as VsamCluster;
    expect(ds).toMatchObject({
      dsorg: "VS",
      type: "INDEXED",
      keys: { length: 128, offset: 0 },
      recordSize: { average: 4096, maximum: 4096 },
      storageClass: "SCRLS",
      log: "NONE",
      dataComponent: "ZWE.CACHE.VSAM.DATA",
      indexComponent: "ZWE.CACHE.VSAM.INDEX",
      space: { unit: "RECORDS", primary: 80, secondary: 20 },
    });
  });

  it("defines the NONRLS variant on a volume with SHAREOPTIONS(2 3)", () => {
    const state = newState();
    const { r } = idcams(state, zwecsvsm("ZWE.CACHE.VSAM", "NONRLS"));
    expect(cc(r)).toBe(0);
    const ds = state.datasets["ZWE.CACHE.VSAM"] as VsamCluster;
    expect(ds.volser).toBe("ZOSVOL");
    expect(ds.shareOptions).toEqual([2, 3]);
    expect(ds.storageClass).toBeUndefined();
  });

  it("answers a second DEFINE of the same name with IDC3013I and IDC3009I, CC 12, and goes on", () => {
    const state = newState();
    idcams(state, zwecsvsm("ZWE.CACHE.VSAM", "NONRLS"));
    const { r, out } = idcams(state, zwecsvsm("ZWE.CACHE.VSAM", "NONRLS") + "\n  LISTCAT ENTRIES(ZWE.CACHE.VSAM)\n");
    expect(cc(r)).toBe(12);
    expect(out).toContain("IDC3013I DUPLICATE DATA SET NAME");
    expect(out).toMatch(/IDC3009I \*\* VSAM CATALOG RETURN CODE IS 8 - REASON CODE IS/);
    expect(out).toContain("IDC3003I FUNCTION TERMINATED. CONDITION CODE IS 12");
    // The later LISTCAT still ran.
    expect(out).toContain("CLUSTER ------- ZWE.CACHE.VSAM");
    expect(out.trimEnd().split("\n").at(-1)).toBe("IDC0002I IDCAMS PROCESSING COMPLETE. MAXIMUM CONDITION CODE WAS 12");
  });

  it("needs a volume (NONRLS) or a storage class (RLS)", () => {
    const state = newState();
    const { r, out } = idcams(state, "DEFINE CLUSTER (NAME(A.B) CYL(1 1) INDEXED KEYS(8 0) RECSZ(80 80))");
    expect(cc(r)).toBe(12);
    expect(out).toMatch(/VOLUMES .* STORAGECLASS/);
    expect(state.datasets["A.B"]).toBeUndefined();
  });

  it("rejects a name longer than 38 characters because .INDEX would not fit", () => {
    const state = newState();
    const name = "ABCDEFGH.ABCDEFGH.ABCDEFGH.ABCDEFGH.ABC"; // 39
    const { r, out } = idcams(
      state,
      zwecsvsm(name, "NONRLS")
        .replace(/ DATA\(NAME\([^)]*\) -/, " DATA( -")
        .replace(/ INDEX\(NAME\([^)]*\) -/, " INDEX( -"),
    );
    expect(cc(r)).toBe(12);
    expect(out).toContain(`${name}.INDEX`);
  });

  it("accepts comments, abbreviations, + continuation and a ZFS/LINEAR cluster", () => {
    const state = newState();
    const { r } = idcams(
      state,
      `
  /* the z/OSMF user file system */
  DEF CL (NAME(IZU.SIZUUSRD) LIN -  /* linear */
     CYL(200 20) VOL(ZOSVOL) SHR(3 3))
  DEFINE CLUSTER(NAME(IZU.ZFS2) ZFS MB(10 5) STORCLAS(SCSTD))
`,
    );
    expect(cc(r)).toBe(0);
    expect(state.datasets["IZU.SIZUUSRD"]).toMatchObject({
      type: "LINEAR",
      formatted: false,
      shareOptions: [3, 3],
      space: { unit: "CYLINDERS" },
    });
    expect(state.datasets["IZU.ZFS2"]).toMatchObject({ type: "LINEAR", zfs: true, storageClass: "SCSTD" });
  });

  it("reports syntax errors with CC 12", () => {
    const state = newState();
    const { r, out } = idcams(
      state,
      "DEFINE CLUSTER (NAME(A.B) BOGUS(1) CYL(1) VOL(V1))\nFROB X\nDEFINE CLUSTER (NAME(A.C) CYL(1) VOL(V1)",
    );
    expect(cc(r)).toBe(12);
    expect(out).toContain("IDC3211I KEYWORD 'BOGUS' IS IMPROPER");
    expect(out).toContain("IDC3202I ABOVE TEXT BYPASSED UNTIL NEXT COMMAND. CONDITION CODE IS 12");
    expect(out).toContain("FROB");
    expect(out).toContain("IDC3209I");
  });
});

describe("IDCAMS LISTCAT, DELETE and SET", () => {
  it("lists the attributes a reader checks", () => {
    const state = newState();
    idcams(state, zwecsvsm("ZWE.CACHE.VSAM", "NONRLS"));
    idcams(state, zwecsvsm("ZWE.CACHE.RLS", "RLS"));
    const { r, out } = idcams(state, "LISTCAT ENTRIES(ZWE.CACHE.VSAM ZWE.CACHE.RLS) ALL");
    expect(cc(r)).toBe(0);
    expect(out).toMatch(/KEYLEN-+128/);
    expect(out).toMatch(/AVGLRECL-+4096/);
    expect(out).toMatch(/MAXLRECL-+4096/);
    expect(out).toContain("SHROPTNS(2,3)");
    expect(out).toMatch(/VOLSER-+ZOSVOL/);
    expect(out).toMatch(/STORAGECLASS[ -]+SCRLS/);
    expect(out).toContain("INDEX ------ ZWE.CACHE.VSAM.INDEX");
  });

  it("LISTCAT of a missing entry is CC 4", () => {
    const { r, out } = idcams(newState(), "LISTCAT ENTRIES(NO.SUCH.THING)");
    expect(cc(r)).toBe(4);
    expect(out).toContain("IDC3012I ENTRY NO.SUCH.THING NOT FOUND");
  });

  it("deletes a cluster with its components, then reports ENTRY NOT FOUND with CC 8", () => {
    const state = newState();
    idcams(state, zwecsvsm("ZWE.CACHE.VSAM", "NONRLS"));
    const first = idcams(state, "DELETE 'ZWE.CACHE.VSAM' CLUSTER PURGE");
    expect(cc(first.r)).toBe(0);
    expect(first.out).toContain("IDC0550I ENTRY (C) ZWE.CACHE.VSAM DELETED");
    expect(first.out).toContain("IDC0550I ENTRY (I) ZWE.CACHE.VSAM.INDEX DELETED");
    expect(state.datasets["ZWE.CACHE.VSAM"]).toBeUndefined();
    const again = idcams(state, "DELETE ZWE.CACHE.VSAM CLUSTER");
    expect(cc(again.r)).toBe(8);
    expect(again.out).toContain("IDC3012I ENTRY ZWE.CACHE.VSAM NOT FOUND");
    expect(again.out).toContain("MAXIMUM CONDITION CODE WAS 8");
  });

  it("SET MAXCC = 0 resets the final code", () => {
    const { r, out } = idcams(newState(), "DELETE NO.SUCH.DS\nSET MAXCC = 0");
    expect(cc(r)).toBe(0);
    expect(out).toContain("MAXIMUM CONDITION CODE WAS 0");
  });

  it("reads SYSIN from a data set member and ignores columns 73-80", () => {
    const state = newState();
    state.datasets["USER.CNTL"] = {
      name: "USER.CNTL",
      volser: "V1",
      created: NOW,
      dsorg: "PO",
      recfm: "FB",
      lrecl: 80,
      blksize: 27920,
      members: {
        DEF: {
          content: ["  DEFINE CLUSTER (NAME(X.Y) LINEAR -".padEnd(72) + "00010000", "  CYL(1 1) VOL(V1))".padEnd(72) + "00020000"].join(
            "\n",
          ),
          etag: "1",
          user: "U",
          changed: NOW,
        },
      },
    };
    const r = run(state, "IDCAMS", [sysout("SYSPRINT"), { ddname: "SYSIN", dsn: "USER.CNTL(DEF)", disp: "SHR" }]);
    expect(cc(r)).toBe(0);
    expect(state.datasets["X.Y"]).toMatchObject({ type: "LINEAR", volser: "V1" });
  });

  it("ends CC 16 without SYSIN", () => {
    const r = run(newState(), "IDCAMS", [sysout("SYSPRINT")]);
    expect(cc(r)).toBe(16);
  });
});

describe("runIdcamsStatements (PUT /zosmf/restfiles/ams)", () => {
  it("returns the rc and the output lines", () => {
    const state = newState();
    const lines = zwecsvsm("ZWE.REST.VSAM", "RLS")
      .split("\n")
      .filter((l) => l.trim() !== "");
    const ok = runIdcamsStatements(state, lines, { user: "IBMUSER", nowIso: NOW });
    expect(ok.rc).toBe(0);
    expect(ok.output.at(-1)).toBe("IDC0002I IDCAMS PROCESSING COMPLETE. MAXIMUM CONDITION CODE WAS 0");
    expect(state.datasets["ZWE.REST.VSAM"]).toBeDefined();
    const dup = runIdcamsStatements(state, lines, { user: "IBMUSER", nowIso: NOW });
    expect(dup.rc).toBe(12);
    expect(dup.output.some((l) => l.startsWith("IDC3013I"))).toBe(true);
    expect(dup.output.every((l) => !l.includes("\n"))).toBe(true);
  });
});
