import { describe, expect, it } from "vitest";
import type { PdsDataset, SeqDataset } from "../../../emulator/state";
import { cc, instream, newState, NOW, run, sysout } from "./helpers";

const pds = (name: string, members: Record<string, string>): PdsDataset => ({
  name,
  volser: "V1",
  created: NOW,
  dsorg: "PO",
  recfm: "FB",
  lrecl: 80,
  blksize: 27920,
  members: Object.fromEntries(
    Object.entries(members).map(([k, v]) => [k, { content: v, etag: "OLD", user: "OTHER", changed: "2020-01-01" }]),
  ),
});

describe("IEBCOPY", () => {
  it("copies selected members exactly, renames, and replaces only with R", () => {
    const state = newState();
    const izusvr1 = "//IZUSVR1  PROC ROOT='/usr/lpp/zosmf'   \n//  EXEC PGM=BPXBATSL\n";
    state.datasets["SYS1.IBM.PROCLIB"] = pds("SYS1.IBM.PROCLIB", { IZUSVR1: izusvr1, IZUANG1: "ANGEL\n", IZUFPROC: "F" });
    state.datasets["SYS1.PROCLIB"] = pds("SYS1.PROCLIB", { IZUANG1: "KEEP ME" });
    const r = run(state, "IEBCOPY", [
      sysout("SYSPRINT"),
      { ddname: "IN", dsn: "SYS1.IBM.PROCLIB", disp: "SHR" },
      { ddname: "OUT", dsn: "SYS1.PROCLIB", disp: "OLD" },
      instream("SYSIN", "  COPY OUTDD=OUT,INDD=IN\n  SELECT MEMBER=(IZUANG1,(IZUSVR1,IZUSVRB,R),MISSING)"),
    ]);
    const out = r.outputs.SYSPRINT;
    const target = state.datasets["SYS1.PROCLIB"] as PdsDataset;
    expect(target.members.IZUSVRB.content).toBe(izusvr1);
    expect(target.members.IZUSVRB).toMatchObject({ user: "IBMUSER", changed: NOW });
    expect(target.members.IZUSVRB.etag).not.toBe("OLD");
    expect(target.members.IZUANG1.content).toBe("KEEP ME");
    expect(target.members.IZUFPROC).toBeUndefined();
    expect(out).toContain("IEB167I FOLLOWING MEMBER(S) COPIED FROM INPUT DATA SET REFERENCED BY IN");
    expect(out).toContain("MISSING");
    expect(cc(r)).toBe(4);
  });

  it("copies all members with a replace-all input and gives each a fresh ETag", () => {
    const state = newState();
    state.datasets["A.SRC"] = pds("A.SRC", { M1: "one", M2: "two\n\n" });
    state.datasets["A.DST"] = pds("A.DST", { M1: "old" });
    const r = run(state, "IEBCOPY", [
      sysout("SYSPRINT"),
      { ddname: "I1", dsn: "A.SRC", disp: "SHR" },
      { ddname: "O1", dsn: "A.DST", disp: "OLD" },
      instream("SYSIN", " C O=O1,I=((I1,R))"),
    ]);
    expect(cc(r)).toBe(0);
    const dst = state.datasets["A.DST"] as PdsDataset;
    expect(dst.members.M1.content).toBe("one");
    expect(dst.members.M2.content).toBe("two\n\n");
    expect(dst.members.M1.etag).not.toBe(dst.members.M2.etag);
  });
});

describe("IEBGENER", () => {
  it("copies a member to a member with exact bytes, and instream data into a new member", () => {
    const state = newState();
    const text = "HOSTNAME('sysb.example.com')   \nHTTP_SSL_PORT(443)\n";
    state.datasets["SYS1.PARMLIB"] = pds("SYS1.PARMLIB", { IZUPRM00: text });
    state.datasets["HA.BACKUP"] = pds("HA.BACKUP", {});
    const r = run(state, "IEBGENER", [
      sysout("SYSPRINT"),
      { ddname: "SYSIN", dummy: true },
      { ddname: "SYSUT1", dsn: "SYS1.PARMLIB(IZUPRM00)", disp: "SHR" },
      { ddname: "SYSUT2", dsn: "HA.BACKUP(IZUPRM00)", disp: "SHR" },
    ]);
    expect(cc(r)).toBe(0);
    expect(r.outputs.SYSPRINT).toContain("PROCESSING ENDED AT EOD");
    expect((state.datasets["HA.BACKUP"] as PdsDataset).members.IZUPRM00).toMatchObject({ content: text, user: "IBMUSER", changed: NOW });

    const r2 = run(state, "IEBGENER", [
      sysout("SYSPRINT"),
      instream("SYSUT1", "VIPADYNAMIC\n  VIPADEFINE 255.255.255.0 192.0.2.10\nENDVIPADYNAMIC"),
      { ddname: "SYSUT2", dsn: "HA.BACKUP(OBEY1)", disp: "SHR" },
    ]);
    expect(cc(r2)).toBe(0);
    expect((state.datasets["HA.BACKUP"] as PdsDataset).members.OBEY1.content).toBe(
      "VIPADYNAMIC\n  VIPADEFINE 255.255.255.0 192.0.2.10\nENDVIPADYNAMIC",
    );
  });

  it("fails when SYSUT1 is not cataloged (allocation, CC 8) or SYSUT2 names no member of a PDS (CC 12)", () => {
    const state = newState();
    state.datasets["HA.BACKUP"] = pds("HA.BACKUP", {});
    expect(
      cc(
        run(state, "IEBGENER", [
          sysout("SYSPRINT"),
          { ddname: "SYSUT1", dsn: "NOPE.X", disp: "SHR" },
          { ddname: "SYSUT2", dsn: "HA.BACKUP(X)", disp: "SHR" },
        ]),
      ),
    ).toBe(8);
    expect(
      cc(run(state, "IEBGENER", [sysout("SYSPRINT"), instream("SYSUT1", "x"), { ddname: "SYSUT2", dsn: "HA.BACKUP", disp: "SHR" }])),
    ).toBe(12);
  });
});

describe("IEFBR14 and step allocation", () => {
  it("allocates NEW,CATLG data sets (PDS with directory blocks or DSNTYPE=LIBRARY) and deletes OLD,DELETE", () => {
    const state = newState();
    const r = run(state, "IEFBR14", [
      { ddname: "DD1", dsn: "HA.OBEY", disp: "(NEW,CATLG,DELETE)", space: "(TRK,(5,5,10))", recfm: "FB", lrecl: 80 } as never,
      { ddname: "DD2", dsn: "HA.LIB", disp: "(NEW,CATLG)", dsntype: "LIBRARY" } as never,
      { ddname: "DD3", dsn: "HA.SEQ", disp: "(NEW,CATLG)", params: { SPACE: "(CYL,1)" } } as never,
    ]);
    expect(cc(r)).toBe(0);
    expect(state.datasets["HA.OBEY"]).toMatchObject({ dsorg: "PO", recfm: "FB", lrecl: 80 });
    expect(state.datasets["HA.LIB"]).toMatchObject({ dsorg: "PO" });
    expect(state.datasets["HA.SEQ"]).toMatchObject({ dsorg: "PS", content: "" });
    expect((state.datasets["HA.SEQ"] as SeqDataset).etag).not.toBe("");

    const del = run(state, "IEFBR14", [{ ddname: "DD1", dsn: "HA.SEQ", disp: "(OLD,DELETE)" }]);
    expect(cc(del)).toBe(0);
    expect(state.datasets["HA.SEQ"]).toBeUndefined();

    // NEW on an existing name fails the step, never silently.
    const dup = run(state, "IEFBR14", [{ ddname: "DD1", dsn: "HA.LIB", disp: "(NEW,CATLG)" }]);
    expect(cc(dup)).toBe(8);
    expect(dup.sysmsg?.join("\n")).toContain("IGD17101I");
  });
});
