import { describe, expect, it } from "vitest";
import { setIzu } from "../../../src/ipl/ieasys-edit";
import { parseIeasys, suffixParameter } from "../../../src/ipl/ieasys-parse";
import { IplMemberRefusal } from "../../../src/ipl/records";

/** A member as sites keep them: one parameter a record, a description after the blank, sequence numbers in 73-80. */
const MEMBER = [
  "/* IEASYSSA - SYSTEM PARAMETERS FOR SYSA                            */  00001000",
  "CLOCK=00,                     TOD CLOCK: CLOCK00                        00002000",
  "CLPA,                         LOAD THE LINK PACK AREA                   00003000",
  "CMD=(SA,00),                  COMMNDSA THEN COMMND00                    00004000",
  "LNK=(00,01,                   LINKLIST MEMBERS, CONTINUED               00005000",
  "     SA),                                                               00006000",
  "OMVS=(00,SA),                 BPXPRM00 SHARED, BPXPRMSA OWN             00007000",
  "PROG=(00,SA)                  LAST PARAMETER: NO COMMA                  00008000",
].join("\n");

const records = (text: string) => text.split("\n");

describe("IEASYSxx as the system reads it", () => {
  it("reads every parameter, a list continued over two records, and OMVS=", () => {
    const list = parseIeasys(MEMBER);
    expect(list.problems).toEqual([]);
    expect(list.parameters.map((p) => `${p.name}=${p.value}`)).toEqual([
      "CLOCK=00",
      "CLPA=",
      "CMD=(SA,00)",
      "LNK=(00,01,SA)",
      "OMVS=(00,SA)",
      "PROG=(00,SA)",
    ]);
    const omvs = suffixParameter(list, "OMVS");
    expect(omvs.state === "listed" && omvs.suffixes).toEqual(["00", "SA"]);
    expect(suffixParameter(list, "IZU").state).toBe("absent");
  });

  it("does not take text after a record without a trailing comma for a parameter", () => {
    const list = parseIeasys(`${MEMBER}\nIZU=SA`);
    expect(list.problems.join("\n")).toContain("line 9: IZU=SA (after the end of the list on line 8");
    expect(suffixParameter(list, "IZU").state).toBe("unreadable");
  });
});

describe("IZU= naming the system's IZUPRMxx", () => {
  it("adds IZU= as a new first record that continues into the old one; every other byte stays", () => {
    const edit = setIzu(MEMBER, "SA");
    expect(edit.changed).toBe(true);
    const after = records(edit.text);
    expect(after[1]).toBe("IZU=SA,");
    expect([after[0], ...after.slice(2)]).toEqual(records(MEMBER));
    const izu = suffixParameter(parseIeasys(edit.text), "IZU");
    expect(izu.state === "listed" && izu.suffixes).toEqual(["SA"]);
  });

  it("keeps what IEASYS00 named, since a later member's IZU= replaces it", () => {
    const edit = setIzu(MEMBER, "SA", ["00"]);
    expect(records(edit.text)[1]).toBe("IZU=(00,SA),");
  });

  it("adds the suffix to an IZU=(xx,yy) list and keeps the others, the description and the sequence number in place", () => {
    const member = MEMBER.replace("CLPA,                         LOAD", "IZU=(AA,BB),                  LOAD");
    const edit = setIzu(member, "SA");
    const line = records(edit.text)[2]!;
    expect(line).toBe("IZU=(AA,BB,SA),               LOAD THE LINK PACK AREA                   00003000");
    expect(line.length).toBe(records(member)[2]!.length);
    const others = records(edit.text).filter((_, i) => i !== 2);
    expect(others).toEqual(records(member).filter((_, i) => i !== 2));
    const izu = suffixParameter(parseIeasys(edit.text), "IZU");
    expect(izu.state === "listed" && izu.suffixes).toEqual(["AA", "BB", "SA"]);
  });

  it("changes nothing when IZU= already lists the suffix", () => {
    const member = MEMBER.replace("CLPA,                         LOAD", "IZU=(SA,BB),                  LOAD");
    const edit = setIzu(member, "SA");
    expect(edit).toEqual({ text: member, changed: false, suffixes: ["SA", "BB"] });
  });

  it("refuses an IZU= value it cannot read as suffixes, and a member it cannot read", () => {
    const symbolic = MEMBER.replace("CLPA,                         LOAD", "IZU=&SYSCLONE.,               LOAD");
    expect(() => setIzu(symbolic, "SA")).toThrow(IplMemberRefusal);
    expect(() => setIzu(`${MEMBER}\nIZU=SA`, "SA")).toThrow(/cannot be read as the system reads it/);
  });

  it("refuses when the longer IZU= would pass column 71, rather than move the sequence number", () => {
    const crowded = `${"IZU=AA,".padEnd(9)}${"Z/OSMF MEMBERS OF THIS SYSTEM ".padEnd(62, ".")} 00002000`;
    const member = [crowded, "PROG=00"].join("\n");
    expect(crowded.length).toBe(80);
    try {
      setIzu(member, "SA");
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(IplMemberRefusal);
      expect((err as IplMemberRefusal).lines).toEqual([`line 1: ${crowded}`]);
    }
  });

  it("writes IZU= alone into a member without data", () => {
    const edit = setIzu("/* EMPTY */\n", "SA");
    expect(edit.text).toBe("/* EMPTY */\nIZU=SA\n");
  });
});
