/** Console NETSTAT displays (§5.3 frame, §5.4 VIPADCFG, §5.6 VIPADYN, §5.8 PORTLIST, CONN, HOME). */
import { describe, expect, it } from "vitest";
import { cmd, DVIPA, hotStandbyPlex, newSysplex, putMember, XCF_A, XCF_B } from "./sysplex-fixture";

const SERVERWLM = `IPCONFIG SYSPLEXROUTING DYNAMICXCF ${XCF_A} 255.255.255.0 1
VIPADYNAMIC
  VIPADEFINE MOVEABLE IMMEDIATE 255.255.255.0 192.0.2.1
  VIPADISTRIBUTE DEFINE DISTMETHOD SERVERWLM OPTLOCAL 1 192.0.2.1
    PORT 5595 5801 DESTIP ${XCF_A} ${XCF_B}
  VIPADISTRIBUTE DEFINE DISTMETHOD WEIGHTEDACTIVE 192.0.2.1 PORT 9080
    DESTIP ${XCF_A} WEIGHT 30 ${XCF_B} WEIGHT 10
ENDVIPADYNAMIC
`;

describe("NETSTAT frame (§5.3)", () => {
  it("header EZD0101I with proc and increasing sequence, upper-case body, END OF THE REPORT", () => {
    const state = newSysplex();
    const first = cmd(state, "SYSA", "D TCPIP,TCPIP,NETSTAT,HOME");
    const second = cmd(state, "SYSA", "D TCPIP,,N,HOME");
    const seq = (l: string) => Number(l.split(" ").at(-1));
    expect(first[0]).toMatch(/^EZD0101I NETSTAT CS V2R5 TCPIP \d+$/);
    expect(seq(second[0])).toBe(seq(first[0]) + 1);
    expect(first.slice(1).every((l) => l.startsWith("  ") && l === l.toUpperCase())).toBe(true);
    expect(first).toContain("  1 OF 1 RECORDS DISPLAYED");
    expect(first.at(-1)).toBe("  END OF THE REPORT");
  });

  it("an unknown stack proc gives the not-found form (forms.ts stackNotFound)", () => {
    expect(cmd(newSysplex(), "SYSA", "D TCPIP,TCPIPX,N,VIPADCFG")).toEqual(["IEE341I TCPIPX NOT ACTIVE"]);
  });

  it("EZZ2502I and EZZ2503I precede VIPADCFG on a stack outside the sysplex group", () => {
    const lines = cmd(newSysplex(), "SYSA", "D TCPIP,,N,VIPADCFG");
    expect(lines[0]).toMatch(/^EZZ2502I/);
    expect(lines[1]).toMatch(/^EZZ2503I/);
    expect(lines[2]).toMatch(/^EZD0101I/);
  });

  it("EZZ8269I for D TCPIP,,SYSPLEX,VIPADYN outside a sysplex group", () => {
    expect(cmd(newSysplex(), "SYSA", "D TCPIP,,SYSPLEX,VIPADYN")).toEqual(["EZZ8269I TCPIP SYSA IS NOT A MEMBER OF A SYSPLEX GROUP"]);
  });
});

describe("VIPADCFG (§5.4)", () => {
  it("shows the hot-standby configuration with roles, rank and switch settings", () => {
    const state = hotStandbyPlex();
    const a = cmd(state, "SYSA", "D TCPIP,,N,VIPADCFG").join("\n");
    expect(a).toContain("  VIPA DEFINE:");
    expect(a).toContain(`IPADDR/PREFIXLEN: ${DVIPA}/24`);
    expect(a).toContain("MOVEABLE: IMMEDIATE  SRVMGR: NO");
    expect(a).toContain(`DEST:         ${DVIPA}..443`);
    expect(a).toContain("DISTMETHOD: HOTSTANDBY  SRVTYPE: PREFERRED");
    expect(a).toContain("DISTMETHOD: HOTSTANDBY  SRVTYPE: BACKUP  RANK: 001");
    expect(a).toContain("AUTOSWITCHBACK: YES   HEALTHSWITCH: NO");
    expect(a).not.toContain("OPTLOC");
    const b = cmd(state, "SYSB", "D TCPIP,,N,VIPADCFG").join("\n");
    expect(b).toContain("  VIPA BACKUP:");
    expect(b).toContain("RANK: 000100");
  });

  it("DETAIL shows OPTLOCAL and WEIGHTEDACTIVE weights for other methods", () => {
    const state = newSysplex();
    putMember(state, "USER.TCPPARMS", "WLM", SERVERWLM);
    expect(cmd(state, "SYSA", "V TCPIP,,O,DSN=USER.TCPPARMS(WLM)").at(-1)).toMatch(/^EZZ0053I/);
    const plain = cmd(state, "SYSA", "D TCPIP,,N,VIPADCFG").join("\n");
    expect(plain).toContain("DISTMETHOD: SERVERWLM");
    expect(plain).not.toContain("OPTLOC");
    const detail = cmd(state, "SYSA", "D TCPIP,,N,VIPADCFG,DETAIL").join("\n");
    expect(detail).toContain("DEST:         192.0.2.1..5595");
    expect(detail).toContain("DEST:         192.0.2.1..5801");
    expect(detail).toContain("OPTLOC: 1");
    expect(detail).toContain("DISTMETHOD: WEIGHTEDACTIVE");
    expect(detail).toContain("WEIGHT: 30");
    expect(detail).toContain("OPTLOC: NO");
  });
});

describe("VIPADYN and SYSPLEX VIPADYN (§5.6)", () => {
  it("reports the DVIPA active on the distributor and in backup on SYSB", () => {
    const state = hotStandbyPlex();
    const a = cmd(state, "SYSA", "D TCPIP,,N,VIPADYN").join("\n");
    expect(a).toContain(`IP ADDRESS/PREFIXLEN: ${DVIPA}/24`);
    expect(a).toMatch(/STATUS: ACTIVE\s+ORIGIN: VIPADEFINE\s+DISTSTAT: DIST\/DEST/);
    expect(a).toMatch(/ACTTIME:\s+\d\d\/\d\d\/\d{4} \d\d:\d\d:\d\d/);
    const b = cmd(state, "SYSB", "D TCPIP,,N,VIPADYN").join("\n");
    expect(b).toMatch(/STATUS: BACKUP\s+ORIGIN: VIPABACKUP\s+DISTSTAT: DEST/);
    const plex = cmd(state, "SYSB", "D TCPIP,,SYSPLEX,VIPADYN");
    expect(plex[0]).toMatch(/^EZZ8260I/);
    expect(plex.join("\n")).toMatch(/TCPIP\s+SYSA\s+ACTIVE\s+BOTH/);
    expect(plex.join("\n")).toMatch(/TCPIP\s+SYSB\s+BACKUP 100\s+DEST/);
  });
});

describe("port sharing: PORTLIST and CONN (§5.8, seed 000)", () => {
  function sharedPort() {
    const state = newSysplex();
    putMember(state, "USER.TCPPARMS", "SHARE", "PORT 9443 TCP ZCHA* SHAREPORT\n");
    putMember(state, "SYS1.PROCLIB", "BAQSTRT", "//BAQSTRT  PROC\n//* LISTEN PORT=9443 ADDR=0.0.0.0\n//STEP1    EXEC PGM=BPXBATA2\n");
    cmd(state, "SYSA", "V TCPIP,,OBEYFILE,DSN=USER.TCPPARMS(SHARE)");
    return state;
  }

  it("two listeners ZCHA1 and ZCHA2 share the port and show in CONN; PORTLIST shows the share flag", () => {
    const state = sharedPort();
    expect(cmd(state, "SYSA", "S BAQSTRT,JOBNAME=ZCHA1")[0]).toMatch(/^\$HASP373 ZCHA1/);
    expect(cmd(state, "SYSA", "S BAQSTRT,JOBNAME=ZCHA2")[0]).toMatch(/^\$HASP373 ZCHA2/);
    const conn = cmd(state, "SYSA", "D TCPIP,,N,CONN,PORT=9443");
    const text = conn.join("\n");
    expect(text).toContain("USER ID  CONN     STATE");
    expect(text).toMatch(/ZCHA1\s+[0-9A-F]{8} LISTEN/);
    expect(text).toMatch(/ZCHA2\s+[0-9A-F]{8} LISTEN/);
    expect(text).toContain("LOCAL SOCKET:   0.0.0.0..9443");
    expect(text).toContain("FOREIGN SOCKET: 0.0.0.0..0");
    expect(conn).toContain("  2 OF 2 RECORDS DISPLAYED");
    const portlist = cmd(state, "SYSA", "D TCPIP,,N,PORTLIST");
    expect(portlist[1]).toBe("  PORT# PROT USER     FLAGS    RANGE       IP ADDRESS       SAF NAME");
    expect(portlist).toContain("  09443 TCP  ZCHA*    DAS");
  });

  it("a job outside the reservation, or a second listener without SHAREPORT, cannot bind", () => {
    const state = sharedPort();
    const other = cmd(state, "SYSA", "S BAQSTRT,JOBNAME=OTHER1");
    expect(other.join("\n")).toContain("PORT RESERVED FOR ANOTHER JOB");
    expect(other.at(-1)).toMatch(/^\$HASP395 OTHER1/);
    putMember(state, "USER.TCPPARMS", "EXCL", "PORT 9443 TCP ZCHA*\n");
    cmd(state, "SYSA", "V TCPIP,,O,DSN=USER.TCPPARMS(EXCL)");
    cmd(state, "SYSA", "S BAQSTRT,JOBNAME=ZCHA1");
    expect(cmd(state, "SYSA", "S BAQSTRT,JOBNAME=ZCHA2").join("\n")).toContain("ADDRESS IN USE BY ZCHA1");
  });
});

describe("HOME", () => {
  it("lists dynamic XCF, the active DVIPA and loopback", () => {
    const text = cmd(hotStandbyPlex(), "SYSA", "D TCPIP,,N,HOME").join("\n");
    expect(text).toContain(`ADDRESS:  ${XCF_A}`);
    expect(text).toContain("LINKNAME:   VIPLC000020A");
    expect(text).toContain("ADDRESS:  127.0.0.1");
  });
});
