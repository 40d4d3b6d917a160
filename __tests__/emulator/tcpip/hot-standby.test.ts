/** Seed 002 scenario: z/OSMF hot standby through a sysplex-distributed DVIPA (§5.1, §5.5, §7.1, §7.4). */
import { describe, expect, it } from "vitest";
import { resolveDvipa, setSystemUp } from "../../../emulator/operator/index";
import { cmd, DVIPA, hotStandbyPlex, vdpt, XCF_A, XCF_B } from "./sysplex-fixture";

function startBoth(options = "") {
  const state = hotStandbyPlex(options);
  const a = cmd(state, "SYSA", "S IZUSVRA");
  const b = cmd(state, "SYSB", "S IZUSVRB");
  return { state, a, b };
}

describe("hot standby (§5.1 HOTSTANDBY, §5.5 VDPT Flg, seed 002)", () => {
  it("starts both servers bound to the DVIPA with §7.4 messages", () => {
    const { state, a, b } = startBoth();
    expect(a[0]).toMatch(/^\$HASP373 IZUSVRA\s+STARTED/);
    expect(a.some((l) => l.startsWith("IEF403I IZUSVRA - STARTED"))).toBe(true);
    expect(a.some((l) => l.startsWith("CWWKB0069I"))).toBe(true); // angel started implicitly
    expect(a).toContain("IZUG400I The z/OSMF Web application services are initialized.");
    expect(a[a.length - 1]).toMatch(/^CWWKF0011I/);
    expect(b[b.length - 1]).toMatch(/^CWWKF0011I/);
    expect(state.systems.SYSA.tcpip.listeners).toMatchObject([{ jobName: "IZUSVRA", address: DVIPA, port: 443 }]);
    expect(state.systems.SYSB.tcpip.listeners).toMatchObject([{ jobName: "IZUSVRB", address: DVIPA, port: 443 }]);
  });

  it("shows SYSA ACTIVE and SYSB standby, RDY 001 each, in VDPT on the distributor", () => {
    const { state } = startBoth();
    const lines = cmd(state, "SYSA", "D TCPIP,TCPIP,N,VDPT");
    expect(lines[0]).toMatch(/^EZD0101I NETSTAT CS V2R5 TCPIP \d+$/);
    expect(vdpt(lines)).toEqual([
      { xcf: XCF_A, rdy: "001", flg: "ACTIVE" },
      { xcf: XCF_B, rdy: "001", flg: "BACKUP" },
    ]);
    expect(lines).toContain("  2 OF 2 RECORDS DISPLAYED");
    expect(lines[lines.length - 1]).toBe("  END OF THE REPORT");
    expect(resolveDvipa(state, DVIPA, 443)).toBe("SYSA");
    // VDPT exists only on the distributing stack.
    expect(vdpt(cmd(state, "SYSB", "D TCPIP,,N,VDPT"))).toEqual([]);
  });

  it("moves to SYSB when SYSA goes down, with the DVIPA taken over by SYSB's stack", () => {
    const { state } = startBoth();
    setSystemUp(state, "SYSA", false, 5000);
    expect(state.systems.SYSA.tasks).toEqual({});
    expect(state.systems.SYSA.tcpip.listeners).toEqual([]);
    expect(state.systems.SYSB.tcpip.activeDvipas?.map((d) => d.address)).toEqual([DVIPA]);
    const lines = cmd(state, "SYSB", "D TCPIP,TCPIP,N,VDPT");
    expect(vdpt(lines)).toEqual([
      { xcf: XCF_A, rdy: "000", flg: "BACKUP" },
      { xcf: XCF_B, rdy: "001", flg: "ACTIVE" },
    ]);
    expect(resolveDvipa(state, DVIPA, 443)).toBe("SYSB");
    const dyn = cmd(state, "SYSB", "D TCPIP,,N,VIPADYN").join("\n");
    expect(dyn).toMatch(/STATUS: ACTIVE\s+ORIGIN: VIPABACKUP\s+DISTSTAT: DIST\/DEST/);
    // A command for the downed system is rejected (§3.2 IEE618I form).
    expect(cmd(state, "SYSA", "D TCPIP,,N,HOME")[0]).toMatch(/^IEE618I/);
  });

  it("switches back to SYSA once it is back and its server restarted (AUTOSWITCHBACK default)", () => {
    const { state } = startBoth();
    setSystemUp(state, "SYSA", false, 5000);
    setSystemUp(state, "SYSA", true, 9000);
    // Back, DVIPA reclaimed (MOVEABLE IMMEDIATE default), but no server yet: SYSB stays active.
    expect(state.systems.SYSA.tcpip.activeDvipas?.map((d) => d.address)).toEqual([DVIPA]);
    expect(vdpt(cmd(state, "SYSA", "D TCPIP,,N,VDPT")).find((t) => t.flg === "ACTIVE")?.xcf).toBe(XCF_B);
    expect(resolveDvipa(state, DVIPA, 443)).toBe("SYSB");
    cmd(state, "SYSA", "S IZUSVRA");
    expect(vdpt(cmd(state, "SYSA", "D TCPIP,,N,VDPT"))).toEqual([
      { xcf: XCF_A, rdy: "001", flg: "ACTIVE" },
      { xcf: XCF_B, rdy: "001", flg: "BACKUP" },
    ]);
    expect(resolveDvipa(state, DVIPA, 443)).toBe("SYSA");
  });

  it("stays on SYSB with NOAUTOSWITCHBACK", () => {
    const { state } = startBoth("NOAUTOSWITCHBACK");
    setSystemUp(state, "SYSA", false, 5000);
    setSystemUp(state, "SYSA", true, 9000);
    cmd(state, "SYSA", "S IZUSVRA");
    expect(vdpt(cmd(state, "SYSA", "D TCPIP,,N,VDPT"))).toEqual([
      { xcf: XCF_A, rdy: "001", flg: "BACKUP" },
      { xcf: XCF_B, rdy: "001", flg: "ACTIVE" },
    ]);
    expect(resolveDvipa(state, DVIPA, 443)).toBe("SYSB");
    expect(cmd(state, "SYSA", "D TCPIP,,N,VIPADCFG").join("\n")).toContain("AUTOSWITCHBACK: NO");
  });

  it("fails over when the preferred server stops, and back when it restarts (§5.1)", () => {
    const { state } = startBoth();
    const stop = cmd(state, "SYSA", "P IZUSVRA");
    expect(stop[0]).toMatch(/^IEF404I IZUSVRA - ENDED/);
    expect(stop[1]).toMatch(/^\$HASP395 IZUSVRA\s+ENDED/);
    expect(resolveDvipa(state, DVIPA, 443)).toBe("SYSB");
    cmd(state, "SYSA", "S IZUSVRA");
    expect(resolveDvipa(state, DVIPA, 443)).toBe("SYSA");
  });

  it("has nobody to accept when no server listens", () => {
    const state = hotStandbyPlex();
    expect(resolveDvipa(state, DVIPA, 443)).toBeNull();
    expect(vdpt(cmd(state, "SYSA", "D TCPIP,,N,VDPT")).map((t) => t.rdy)).toEqual(["000", "000"]);
  });
});
