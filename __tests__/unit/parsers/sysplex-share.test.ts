import { describe, expect, it } from "vitest";
import { answersDisplayTime, parseJes2Members, parseOmvsSysplex, parseRvaryList, racfDatabaseName } from "../../../src/parsers";

describe("RVARY LIST (ICH15013I)", () => {
  const answer = (rows: string[]) =>
    [
      " ICH15013I RACF DATABASE STATUS:",
      "  ACTIVE USE  NUM VOLUME   DATASET",
      "  ------ ---  --- ------   -------",
      ...rows,
      " ICH15020I RVARY COMMAND HAS FINISHED PROCESSING.",
    ].join("\r");

  it("reads the active primary data sets, in NUM order, and leaves out backups", () => {
    const r = parseRvaryList(
      answer([
        "    YES  PRIM   2 RACF02   SYS1.RACF.PRIM2",
        "    YES  PRIM   1 RACF01   SYS1.RACF.PRIM1",
        "    YES  BACK   1 RACF03   SYS1.RACF.BACK1",
      ]),
    );
    expect(r).toEqual({
      state: "known",
      primary: [
        { num: 1, volume: "RACF01", dsn: "SYS1.RACF.PRIM1" },
        { num: 2, volume: "RACF02", dsn: "SYS1.RACF.PRIM2" },
      ],
    });
    expect(racfDatabaseName(r.state === "known" ? r.primary : [])).toBe("SYS1.RACF.PRIM1 on RACF01, SYS1.RACF.PRIM2 on RACF02");
  });

  it("an inactive primary names no database: unknown", () => {
    expect(parseRvaryList(answer(["     NO  PRIM   1 RACF01   SYS1.RACF.PRIM1"])).state).toBe("unknown");
  });

  it("an answer without ICH15013I is unknown, with its lines, even when it names a data set", () => {
    const text = " ICH15009I RVARY COMMAND TERMINATED\r  YES  PRIM   1 RACF01   SYS1.RACF.PRIM1";
    expect(parseRvaryList(text)).toEqual({ state: "unknown", lines: text.split("\r") });
  });
});

describe("$D MEMBER ($HASP673)", () => {
  it("reads each member's NAME, STATUS and SYSNAME, over continuation lines and repeated ids", () => {
    const text = [
      " $HASP673 MEMBER(1)",
      "   NAME=SYSA,STATUS=ACTIVE,IND=NO,",
      "   TIME=(2025.001,00:00:01.00),SSNAME=JES2,SYSNAME=SYSA",
      " $HASP673 MEMBER(2)   NAME=SYSB,STATUS=DOWN,IND=NO,",
      " $HASP673             SYSNAME=SYSB",
      " $HASP673 MEMBER(3)   NAME=SYSC,STATUS=DORMANT",
    ].join("\r");
    expect(parseJes2Members(text)).toEqual({
      state: "known",
      members: [
        { name: "SYSA", status: "ACTIVE", sysname: "SYSA" },
        { name: "SYSB", status: "DOWN", sysname: "SYSB" },
        { name: "SYSC", status: "DORMANT" },
      ],
    });
  });

  it("a member without STATUS, or an answer without $HASP673, is unknown", () => {
    expect(parseJes2Members(" $HASP673 MEMBER(1)\r   NAME=SYSA,SYSNAME=SYSA").state).toBe("unknown");
    expect(parseJes2Members(" $HASP003 RC=(52),D MEMBER - NO SELECTABLE ENTRIES FOUND").state).toBe("unknown");
  });
});

describe("D OMVS,O (BPXO043I)", () => {
  const answer = (sysplex: string) =>
    [
      " BPXO043I 12.00.01 DISPLAY OMVS 44",
      "  OMVS     000E ACTIVE          OMVS=(00,SA)",
      "  CURRENT UNIX CONFIGURATION SETTINGS:",
      "  MAXPROCSYS      =       1000   MAXPROCUSER     =         25",
      `  SYSPLEX         = ${sysplex}`,
    ].join("\r");

  it("reads SYSPLEX = YES and NO", () => {
    expect(parseOmvsSysplex(answer("YES"))).toEqual({ state: "known", sysplex: true });
    expect(parseOmvsSysplex(answer("NO"))).toEqual({ state: "known", sysplex: false });
  });

  it("without BPXO043I, or without the SYSPLEX setting, it is unknown", () => {
    expect(parseOmvsSysplex(" IEE305I OMVS COMMAND INVALID\r  SYSPLEX = YES").state).toBe("unknown");
    expect(parseOmvsSysplex(answer("MAYBE")).state).toBe("unknown");
  });
});

describe("D T (IEE136I)", () => {
  it("IEE136I is an answer; a routing rejection is not", () => {
    expect(answersDisplayTime(" IEE136I LOCAL: TIME=12.00.01 DATE=2025.001  UTC: TIME=12.00.01 DATE=2025.001")).toBe(true);
    expect(answersDisplayTime(" IEE618I ROUTE COMMAND REJECTED, INVALID SYSTEM NAME")).toBe(false);
  });
});
