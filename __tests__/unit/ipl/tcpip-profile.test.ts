import { describe, expect, it } from "vitest";
import { addIncludes, readProfile, removeIncludes } from "../../../src/ipl/tcpip-profile";
import { holdsStatements, includedAnywhere, walkProfile } from "../../../src/ipl/tcpip-profile-walk";

const seq = (text: string, n: number) => `${text.padEnd(72)}${String(n * 100).padStart(8, "0")}`;

/** A profile as sites keep it: comments, sequence numbers in 73-80, a nested INCLUDE, its own VIPADYNAMIC, STARTs last. */
const PROFILE = [
  seq("; TCP/IP profile for SYSA", 1),
  seq("ARPAGE 20", 2),
  seq("TCPCONFIG RESTRICTLOWPORTS ; keep low ports for APF programs", 3),
  seq("INCLUDE SYS1.TCPPARMS(PORTSA)", 4),
  seq("DEVICE OSA1 MPCIPA", 5),
  seq("LINK OSA1L IPAQENET OSA1", 6),
  seq("HOME 10.1.1.1 OSA1L", 7),
  seq("VIPADYNAMIC", 8),
  seq("  VIPARANGE DEFINE 255.255.255.0 10.9.9.0", 9),
  seq("ENDVIPADYNAMIC", 10),
  seq("", 11),
  seq("; devices last", 12),
  seq("START OSA1", 13),
  "",
].join("\n");

const HA = { dsn: "TCPIP.HA.OBEY", member: "HASYSA" };
const HP = { dsn: "TCPIP.HA.OBEY", member: "HPSYSA" };

describe("the TCP/IP profile editor", () => {
  it("adds the INCLUDEs after the last statement and before the closing START, every other record byte for byte", () => {
    const edit = addIncludes(PROFILE, [HA, HP], "SYS1.TCPPARMS(PROFSA)");
    const lines = edit.text.split("\n");
    const original = PROFILE.split("\n");
    expect(lines.slice(10, 12)).toEqual(["INCLUDE TCPIP.HA.OBEY(HASYSA)", "INCLUDE TCPIP.HA.OBEY(HPSYSA)"]);
    expect([...lines.slice(0, 10), ...lines.slice(12)]).toEqual(original);
    expect(edit.added).toEqual([HA, HP]);
  });

  it("changes nothing when the profile already INCLUDEs the members", () => {
    const once = addIncludes(PROFILE, [HA], "P").text;
    const twice = addIncludes(once, [HA], "P");
    expect(twice.text).toBe(once);
    expect(twice.added).toEqual([]);
  });

  it("reads INCLUDE as TCP/IP does: lower case, the name on the next record, comments and columns 72-80 ignored", () => {
    const read = readProfile(["include", "  sys1.tcpparms(portsa) ; ports", seq("ARPAGE 20", 1), "; INCLUDE X.Y(Z)"].join("\n"));
    expect(read.includes.map((i) => i.target)).toEqual([{ dsn: "SYS1.TCPPARMS", member: "PORTSA" }]);
    expect(read.beyondColumn71).toEqual([3]);
    expect(read.words).not.toContain("00000100");
  });

  it("refuses a profile whose statements end inside an open block, naming it", () => {
    expect(() => addIncludes("VIPADYNAMIC\n  VIPARANGE DEFINE 255.255.255.0 10.9.9.0\n", [HA], "SYS1.TCPPARMS(PROFSA)")).toThrow(
      /SYS1\.TCPPARMS\(PROFSA\) ends its statements inside a VIPADYNAMIC block/,
    );
  });

  it("refuses a target that is not a valid data set and member, so nothing unchecked reaches the profile", () => {
    expect(() => addIncludes(PROFILE, [{ dsn: "TCPIP.HA.OBEY) START X", member: "HASYSA" }], "P")).toThrow(/is not a member/);
  });

  it("removes exactly the records it adds", () => {
    const edit = addIncludes(PROFILE, [HA, HP], "P");
    expect(removeIncludes(edit.text, [HA, HP])).toBe(PROFILE);
    expect(removeIncludes(PROFILE, [{ dsn: "SYS1.TCPPARMS", member: "PORTSA" }])).toBe(PROFILE);
  });
});

describe("walking a profile's INCLUDEs", () => {
  const members: Record<string, string> = {
    "SYS1.TCPPARMS(PROFSA)": "ARPAGE 20\nINCLUDE SYS1.TCPPARMS(NESTSA)\n",
    "SYS1.TCPPARMS(NESTSA)": "INCLUDE TCPIP.HA.OBEY(HASYSA) ; HA\n",
    "TCPIP.HA.OBEY(HASYSA)": "IPCONFIG SYSPLEXROUTING DYNAMICXCF 10.0.0.1 255.255.255.0 1\n",
  };
  const read = async (t: { dsn: string; member?: string }) => members[`${t.dsn}(${t.member})`] ?? null;

  it("finds a member included through a nested INCLUDE", async () => {
    const walk = await walkProfile({ dsn: "SYS1.TCPPARMS", member: "PROFSA" }, read);
    expect(includedAnywhere(walk, HA)).toBe(true);
    expect(includedAnywhere(walk, HP)).toBe(false);
    expect(walk.unreadable).toEqual([]);
  });

  it("sees the same statements copied into the profile", async () => {
    const copied = { "P(A)": "ARPAGE 20\nipconfig sysplexrouting\n  DYNAMICXCF 10.0.0.1 255.255.255.0 1 ; copied\n" };
    const walk = await walkProfile({ dsn: "P", member: "A" }, async (t) => copied[`${t.dsn}(${t.member})` as "P(A)"] ?? null);
    expect(holdsStatements(walk, members["TCPIP.HA.OBEY(HASYSA)"]!)).toBe(true);
    expect(holdsStatements(walk, "IPCONFIG SYSPLEXROUTING DYNAMICXCF 10.0.0.2 255.255.255.0 1\n")).toBe(false);
  });

  it("names what it cannot read or follow, and a loop", async () => {
    const loop = { "A(B)": "INCLUDE A(C)\n", "A(C)": "INCLUDE A(B)\nINCLUDE A(GONE)\n" };
    const boom = async (t: { dsn: string; member?: string }) => {
      if (t.member === "GONE") throw new Error("HTTP 500");
      return loop[`${t.dsn}(${t.member})` as "A(B)"] ?? null;
    };
    const walk = await walkProfile({ dsn: "A", member: "B" }, boom);
    expect(walk.unreadable).toEqual(["A(B) includes itself through A(B) -> A(C)", "A(GONE) could not be read: HTTP 500"]);
  });
});
