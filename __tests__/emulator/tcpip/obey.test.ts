/** V TCPIP OBEYFILE / SYNTAXCHECK message sequences and effects (§5.2). */
import { describe, expect, it } from "vitest";
import { cmd, DVIPA, newSysplex, PROFILE_A, putMember, XCF_A } from "./sysplex-fixture";

const BAD_HS = `VIPADYNAMIC
  VIPADEFINE 255.255.255.0 ${DVIPA}
  VIPADISTRIBUTE DEFINE DISTM HOTSTANDBY ${DVIPA} PORT 443
    DESTIP ${XCF_A} PREFERRED
ENDVIPADYNAMIC
IPCONFIG SYSPLEXROUTING DYNAMICXCF ${XCF_A} 255.255.255.0 1
`;

describe("OBEYFILE (§5.2)", () => {
  it("prints EZZ0060I then EZZ0053I and applies the profile", () => {
    const state = newSysplex();
    putMember(state, "USER.TCPPARMS", "HAA", PROFILE_A());
    const lines = cmd(state, "SYSA", "V TCPIP,TCPIP,OBEYFILE,DSN=USER.TCPPARMS(HAA)");
    expect(lines).toEqual([
      "EZZ0060I PROCESSING COMMAND: VARY TCPIP,TCPIP,OBEYFILE,DSN=USER.TCPPARMS(HAA)",
      "EZZ0053I COMMAND VARY OBEY COMPLETED SUCCESSFULLY",
    ]);
    const stack = state.systems.SYSA.tcpip;
    expect(stack.dynamicXcf).toEqual({ address: XCF_A, mask: "255.255.255.0", cost: 1 });
    expect(stack.sysplexRouting).toBe(true);
    expect(stack.vipaDefine).toEqual([{ address: DVIPA, mask: "255.255.255.0", moveable: "IMMEDIATE" }]);
    expect(stack.distributions[0]).toMatchObject({ dvipa: DVIPA, ports: [443], method: "HOTSTANDBY" });
  });

  it("accepts CMD=OBEYFILE, a quoted DSN, the short O form and an omitted proc", () => {
    for (const c of [
      "V TCPIP,,CMD=OBEYFILE,DSN=USER.TCPPARMS(HAA)",
      "V TCPIP,TCPIP,O,DSN='USER.TCPPARMS(HAA)'",
      "VARY TCPIP,,OBEY,USER.TCPPARMS(HAA)",
    ]) {
      const state = newSysplex();
      putMember(state, "USER.TCPPARMS", "HAA", PROFILE_A());
      expect(cmd(state, "SYSA", c).at(-1)).toMatch(/^EZZ0053I/);
    }
  });

  it("ignores a statement failing EZZ0827I, keeps going, and still prints EZZ0053I", () => {
    const state = newSysplex();
    putMember(state, "USER.TCPPARMS", "BAD", BAD_HS);
    const lines = cmd(state, "SYSA", "V TCPIP,TCPIP,OBEYFILE,DSN=USER.TCPPARMS(BAD)");
    expect(lines[0]).toMatch(/^EZZ0060I/);
    expect(lines[1]).toMatch(/^EZZ0827I/);
    expect(lines[2]).toBe("EZZ0053I COMMAND VARY OBEY COMPLETED SUCCESSFULLY");
    const stack = state.systems.SYSA.tcpip;
    expect(stack.distributions).toEqual([]);
    expect(stack.vipaDefine).toHaveLength(1);
    expect(stack.dynamicXcf?.address).toBe(XCF_A);
  });

  it("EZZ0059I when the data set or member is missing", () => {
    const state = newSysplex();
    expect(cmd(state, "SYSA", "V TCPIP,,OBEYFILE,DSN=NO.SUCH(DS)")[1]).toMatch(/^EZZ0059I .*DATA SET NOT FOUND/);
    putMember(state, "USER.TCPPARMS", "HAA", PROFILE_A());
    expect(cmd(state, "SYSA", "V TCPIP,,OBEYFILE,DSN=USER.TCPPARMS(NOPE)")[1]).toMatch(/^EZZ0059I .*MEMBER NOT FOUND/);
  });

  it("names a stack that is not this system's with a not-found message (forms.ts)", () => {
    const state = newSysplex();
    expect(cmd(state, "SYSA", "V TCPIP,TCPIPB,OBEYFILE,DSN=USER.TCPPARMS(HAA)")).toEqual(["IEE341I TCPIPB NOT ACTIVE"]);
  });

  it("DELETE PORT removes a reservation added by PORT (forms.ts PORT removal)", () => {
    const state = newSysplex();
    putMember(state, "USER.TCPPARMS", "ADD", "PORT 9443 TCP ZCHA* SHAREPORT\nPORT 9444 TCP ZCHA*\n");
    putMember(state, "USER.TCPPARMS", "DEL", "DELETE PORT 9443 TCP ZCHA* SHAREPORT\n");
    cmd(state, "SYSA", "V TCPIP,,O,DSN=USER.TCPPARMS(ADD)");
    expect(state.systems.SYSA.tcpip.ports.map((p) => p.port)).toEqual([9443, 9444]);
    cmd(state, "SYSA", "V TCPIP,,O,DSN=USER.TCPPARMS(DEL)");
    expect(state.systems.SYSA.tcpip.ports.map((p) => p.port)).toEqual([9444]);
  });

  it("VIPADISTRIBUTE DELETE and VIPADELETE roll the DVIPA back", () => {
    const state = newSysplex();
    putMember(state, "USER.TCPPARMS", "HAA", PROFILE_A());
    putMember(
      state,
      "USER.TCPPARMS",
      "UNDO",
      `VIPADYNAMIC\n VIPADISTRIBUTE DELETE ${DVIPA} PORT 443 DESTIP ALL\n VIPADELETE ${DVIPA}\nENDVIPADYNAMIC\n`,
    );
    cmd(state, "SYSA", "V TCPIP,,O,DSN=USER.TCPPARMS(HAA)");
    expect(state.systems.SYSA.tcpip.activeDvipas?.map((d) => d.address)).toEqual([DVIPA]);
    expect(cmd(state, "SYSA", "V TCPIP,,O,DSN=USER.TCPPARMS(UNDO)").at(-1)).toMatch(/^EZZ0053I/);
    const stack = state.systems.SYSA.tcpip;
    expect(stack.distributions).toEqual([]);
    expect(stack.vipaDefine).toEqual([]);
    expect(stack.activeDvipas).toEqual([]);
  });
});

describe("SYNTAXCHECK (§5.2)", () => {
  it("brackets the findings with EZZ0061I and EZZ0065I, EZZ0064I for errors, and applies nothing", () => {
    const state = newSysplex();
    putMember(state, "USER.TCPPARMS", "BAD", BAD_HS);
    const lines = cmd(state, "SYSA", "V TCPIP,TCPIP,SYNTAXCHECK,DSN=USER.TCPPARMS(BAD)");
    expect(lines.map((l) => l.slice(0, 8))).toEqual(["EZZ0060I", "EZZ0061I", "EZZ0827I", "EZZ0064I", "EZZ0065I"]);
    expect(lines.at(-1)).toBe("EZZ0065I VARY SYNTAXCHECK COMMAND COMPLETE");
    expect(lines.some((l) => l.startsWith("EZZ0053I"))).toBe(false);
    const stack = state.systems.SYSA.tcpip;
    expect(stack.dynamicXcf).toBeNull();
    expect(stack.vipaDefine).toEqual([]);
  });

  it("a clean member gives no EZZ0064I", () => {
    const state = newSysplex();
    putMember(state, "USER.TCPPARMS", "HAA", PROFILE_A());
    const lines = cmd(state, "SYSA", "V TCPIP,,SYNTAXCHECK,DSN=USER.TCPPARMS(HAA)");
    expect(lines.map((l) => l.slice(0, 8))).toEqual(["EZZ0060I", "EZZ0061I", "EZZ0065I"]);
    expect(state.systems.SYSA.tcpip.vipaDefine).toEqual([]);
  });
});
