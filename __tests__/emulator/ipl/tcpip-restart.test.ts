/**
 * A TCP/IP stack restart (facts §10.4): what VARY OBEYFILE added is gone, what the profile
 * (and the members it INCLUDEs) says comes back; profile errors are reported, not fatal.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { vdpt } from "../tcpip/sysplex-fixture";
import { act, holder, plex, readMember, say, state, writeMember, type Plex } from "./helpers";

const XCF_A = "198.51.100.1";
const XCF_B = "198.51.100.2";
const DVIPA = "192.0.2.50";

let p: Plex;
beforeEach(async () => {
  p = await plex();
});
afterEach(async () => {
  await p.em.stop();
});

const obey = async (system: string, member: string, text: string) => {
  await writeMember(p.c, `TCPIP.HA.OBEY(${member})`, text);
  const lines = await say(p.c, system, `V TCPIP,TCPIP,OBEYFILE,DSN=TCPIP.HA.OBEY(${member})`);
  expect(lines.some((l) => l.startsWith("EZZ0053I"))).toBe(true);
};

/** The DVIPA defined in a member the profile of SYSA INCLUDEs, after its other statements. */
const includeDvipa = async (extra = "") => {
  await writeMember(
    p.c,
    "SYS1.TCPPARMS(HADVIPA)",
    `IPCONFIG SYSPLEXROUTING DYNAMICXCF ${XCF_A} 255.255.255.0 1\nVIPADYNAMIC\n  VIPADEFINE 255.255.255.0 ${DVIPA}\nENDVIPADYNAMIC\n`,
  );
  const profile = await readMember(p.c, "SYS1.TCPPARMS(PROFSA)");
  await writeMember(p.c, "SYS1.TCPPARMS(PROFSA)", `${profile}\n${extra}INCLUDE SYS1.TCPPARMS(HADVIPA)\n`);
};

describe("POST /__emulator/system/<n>/tcpip-restart", () => {
  it("drops a DVIPA and PORT reservations that VARY OBEYFILE added, keeps what the profile says", async () => {
    await obey(
      "SYSA",
      "DYN",
      `IPCONFIG SYSPLEXROUTING DYNAMICXCF ${XCF_A} 255.255.255.0 1\nVIPADYNAMIC\n VIPADEFINE 255.255.255.0 ${DVIPA}\nENDVIPADYNAMIC\nPORT 9443 TCP ZCHA* SHAREPORT\n`,
    );
    expect(await holder(p.c, DVIPA)).toBe("SYSA");

    const { status, log } = await act(p.c, "SYSA", "tcpip-restart");
    expect(status).toBe(200);
    expect(log[0]).toMatch(/^EZZ4201I/);
    expect(log[log.length - 1]).toMatch(/^EZAIN11I/);
    expect(await holder(p.c, DVIPA)).toBeUndefined();
    expect((await say(p.c, "SYSA", "D TCPIP,TCPIP,N,VIPADYN")).join("\n")).not.toContain(DVIPA);
    const ports = (await state(p.c)).systems.SYSA.tcpip.ports.map((r) => `${r.port}/${r.protocol}/${r.jobName}`);
    expect(ports).not.toContain("9443/TCP/ZCHA*");
    // The profile's own reservations (its INCLUDE of SYS1.TCPPARMS(PORTS)) and home address are back.
    expect(ports).toContain("21/TCP/FTPD1");
    expect((await say(p.c, "SYSA", "D TCPIP,TCPIP,N,HOME")).join("\n")).toContain("192.0.2.101");
  });

  it("brings back a DVIPA written into a member the profile INCLUDEs", async () => {
    await includeDvipa();
    expect(await holder(p.c, DVIPA)).toBeUndefined();
    const { log } = await act(p.c, "SYSA", "tcpip-restart");
    expect(log).toContain("EZZ0300I OPENED INCLUDE FILE 'SYS1.TCPPARMS(HADVIPA)'");
    expect(await holder(p.c, DVIPA)).toBe("SYSA");
    const dyn = (await say(p.c, "SYSA", "D TCPIP,TCPIP,N,VIPADYN")).join("\n");
    expect(dyn).toContain(DVIPA);
    expect(dyn).toMatch(/ORIGIN: VIPADEFINE/);
  });

  it("reports a statement in error with its file and line and processes the rest", async () => {
    await includeDvipa("PORT 70000 TCP BADPORT\n");
    const profileLines = (await readMember(p.c, "SYS1.TCPPARMS(PROFSA)")).split(/\r?\n/);
    const line = profileLines.findIndex((l) => l.startsWith("PORT 70000")) + 1;
    const { log } = await act(p.c, "SYSA", "tcpip-restart");
    expect(log).toContain(`EZZ0401I SYNTAX ERROR IN FILE: DD:PROFILE ON LINE: ${line} AT: '70000'`);
    // The statement in error is ignored; the INCLUDE after it is read and its DVIPA is active.
    expect((await state(p.c)).systems.SYSA.tcpip.ports.some((r) => r.jobName === "BADPORT")).toBe(false);
    expect(await holder(p.c, DVIPA)).toBe("SYSA");
  });

  it("reports an INCLUDE of a member that is not there and starts the stack from the rest", async () => {
    const profile = await readMember(p.c, "SYS1.TCPPARMS(PROFSA)");
    await writeMember(p.c, "SYS1.TCPPARMS(PROFSA)", `${profile}\nINCLUDE SYS1.TCPPARMS(NOTHERE)\n`);
    const { status, log } = await act(p.c, "SYSA", "tcpip-restart");
    expect(status).toBe(200);
    expect(log.find((l) => l.includes("SYS1.TCPPARMS(NOTHERE)"))).toMatch(/^EMULATOR: .*MEMBER NOT FOUND/);
    expect(log[log.length - 1]).toMatch(/^EZAIN11I/);
    expect((await state(p.c)).systems.SYSA.tcpip.homeAddresses).toEqual([{ address: "192.0.2.101", link: "OSDL1" }]);
  });

  it("lets the backup stack take the DVIPA over while the stack is down, then reclaims it (MOVEABLE IMMEDIATE)", async () => {
    await includeDvipa();
    await act(p.c, "SYSA", "tcpip-restart");
    await obey(
      "SYSB",
      "BKB",
      `IPCONFIG SYSPLEXROUTING DYNAMICXCF ${XCF_B} 255.255.255.0 1\nVIPADYNAMIC\n VIPABACKUP 100 ${DVIPA}\nENDVIPADYNAMIC\n`,
    );
    const { log } = await act(p.c, "SYSA", "tcpip-restart");
    expect(log[0]).toMatch(/^EZZ4201I/);
    expect(await holder(p.c, DVIPA)).toBe("SYSA");
    // The backup's own definition (an OBEYFILE on SYSB) is untouched by SYSA's restart.
    expect((await state(p.c)).systems.SYSB.tcpip.vipaBackup).toEqual([{ address: DVIPA, rank: 100 }]);
  });

  it("leaves a server without its socket until restarted; then AUTOSWITCHBACK makes the preferred target active again", async () => {
    const distribute = `  VIPADISTRIBUTE DEFINE DISTMETHOD HOTSTANDBY\n    AUTOSWITCHBACK NOHEALTHSWITCH ${DVIPA}\n    PORT 8443 DESTIP ${XCF_A} PREFERRED ${XCF_B} BACKUP\n`;
    await includeDvipa();
    const member = await readMember(p.c, "SYS1.TCPPARMS(HADVIPA)");
    await writeMember(p.c, "SYS1.TCPPARMS(HADVIPA)", member.replace("ENDVIPADYNAMIC", `${distribute}ENDVIPADYNAMIC`));
    await obey(
      "SYSB",
      "BKB",
      `IPCONFIG SYSPLEXROUTING DYNAMICXCF ${XCF_B} 255.255.255.0 1\nVIPADYNAMIC\n VIPABACKUP 100 ${DVIPA}\nENDVIPADYNAMIC\n`,
    );
    for (const sys of ["A", "B"])
      await writeMember(p.c, `SYS1.PROCLIB(ZSRV${sys})`, `//ZSRV${sys}    PROC\n//* LISTEN PORT=8443\n//STEP1    EXEC PGM=IEFBR14\n`);
    await act(p.c, "SYSA", "tcpip-restart");
    await say(p.c, "SYSA", "S ZSRVA");
    await say(p.c, "SYSB", "S ZSRVB");
    const active = async () => vdpt(await say(p.c, "SYSA", "D TCPIP,TCPIP,N,VDPT")).find((r) => r.flg === "ACTIVE")?.xcf;
    expect(await active()).toBe(XCF_A);

    await act(p.c, "SYSA", "tcpip-restart");
    expect(await holder(p.c, DVIPA)).toBe("SYSA");
    expect(await active()).toBe(XCF_B);

    expect((await say(p.c, "SYSA", "P ZSRVA")).some((l) => l.startsWith("$HASP395"))).toBe(true);
    await say(p.c, "SYSA", "S ZSRVA");
    expect(await active()).toBe(XCF_A);
  });

  it("starts a stack with no configuration when the member its PROFILE DD names is not there", async () => {
    expect((await p.c.del("/zosmf/restfiles/ds/SYS1.TCPPARMS(PROFSB)")).status).toBeLessThan(300);
    const { log } = await act(p.c, "SYSB", "tcpip-restart");
    expect(log).toContain("EMULATOR: PROFILE FILE 'SYS1.TCPPARMS(PROFSB)' COULD NOT BE OPENED: MEMBER NOT FOUND");
    expect(log).toContain("EMULATOR: INITIAL PROFILE COULD NOT BE FOUND");
    const s = await state(p.c);
    expect(s.systems.SYSB.tcpip.homeAddresses).toEqual([]);
    expect(s.systems.SYSB.tcpip.ports).toEqual([]);
  });

  it("refuses to restart the stack of a system that is down", async () => {
    await p.c.control("POST", "system/SYSB/down");
    expect((await act(p.c, "SYSB", "tcpip-restart")).status).toBe(409);
  });
});
