/** Operator commands: routing (§3.2), S/P of z/OSMF servers (§7.1, §7.4) and plain procedures. */
import { describe, expect, it } from "vitest";
import { parseIzuprm, setting } from "../../../emulator/operator/izuprm";
import { resolveDvipa } from "../../../emulator/operator/index";
import { runRacfCommands } from "../../../emulator/programs/racf";
import { cmd, DVIPA, hotStandbyPlex, IZUPRM, newSysplex, putMember } from "./sysplex-fixture";

describe("routing (§3.2)", () => {
  it("RO to a known system runs the command there", () => {
    const state = hotStandbyPlex();
    const lines = cmd(state, "SYSA", "RO SYSB,D TCPIP,,N,VIPADCFG");
    expect(lines.join("\n")).toContain("RANK: 000100");
  });

  it("RO to an unknown system gives IEE618I", () => {
    expect(cmd(newSysplex(), "SYSA", "RO SYSZ,D TCPIP,,N,HOME")).toEqual(["IEE618I ROUTE COMMAND REJECTED, INVALID SYSTEM NAME"]);
  });

  it("RO *ALL groups every up system's response", () => {
    const lines = cmd(newSysplex(), "SYSA", "RO *ALL,D TCPIP,,N,HOME");
    expect(lines[0]).toMatch(/^IEE421I/);
    expect(lines.filter((l) => l.includes("RESPONSES"))).toHaveLength(2);
  });

  it("RO *ALL answers one-line responses as the SYSNAME table, sorted by system name, with 16 characters of the command (IEE421I)", () => {
    const lines = cmd(newSysplex(), "SYSB", "RO *ALL,D T");
    expect(lines[0]).toBe("IEE421I RO *ALL,D T");
    expect(lines[1]).toMatch(/^\s+SYSNAME\s+RESPONSES -+$/);
    expect(lines.slice(2).map((l) => l.trim().split(/\s+/)[0])).toEqual(["SYSA", "SYSB"]);
    expect(lines.slice(2).every((l) => /IEE136I/.test(l))).toBe(true);
    expect(cmd(newSysplex(), "SYSA", "RO *ALL,D TCPIP,TCPIP,NETSTAT,VIPADCFG")[0]).toBe("IEE421I RO *ALL,D TCPIP,TCPIP,NE");
  });

  it("an unknown verb gives IEE305I", () => {
    expect(cmd(newSysplex(), "SYSA", "XYZZY 1")).toEqual(["IEE305I XYZZY COMMAND INVALID"]);
  });
});

describe("IZUPRMxx reader (§7.1)", () => {
  it("reads columns 1-71, comments, quotes and sub-keywords", () => {
    const text = [
      "/* member */ HOSTNAME('192.0.2.10') HTTP_SSL_PORT(443)",
      "COMMON_TSO ACCT(izuacct) REGION(50000),",
      "  PROC(IZUFPROC)",
      "KEYRING_NAME('IZUKeyring.IZUDFLT')".padEnd(71) + "XXXXXXXX",
    ].join("\n");
    const s = parseIzuprm(text);
    expect(s.errors).toEqual([]);
    expect(s.values).toMatchObject({
      HOSTNAME: "192.0.2.10",
      HTTP_SSL_PORT: "443",
      "COMMON_TSO.ACCT": "IZUACCT",
      "COMMON_TSO.PROC": "IZUFPROC",
      KEYRING_NAME: "IZUKeyring.IZUDFLT",
    });
    expect(setting(s, "USER_DIR")).toBe("/global/zosmf");
  });

  it("reports unbalanced parentheses and a bad port", () => {
    expect(parseIzuprm("HOSTNAME('x'").errors[0]).toMatch(/PARENTHESIS NOT CLOSED/);
    expect(parseIzuprm("HTTP_SSL_PORT(99999)").errors[0]).toMatch(/HTTP_SSL_PORT/);
  });
});

describe("starting z/OSMF (§7.1, §7.4)", () => {
  it("a procedure that is not in PROCLIB gives IEFC612I", () => {
    expect(cmd(newSysplex(), "SYSA", "S NOSUCH")).toEqual(["IEFC612I PROCEDURE NOSUCH WAS NOT FOUND", "IEE122I START COMMAND JCL ERROR"]);
  });

  it("detects z/OSMF by content, not name, and takes the IZUPRM suffix from the S command", () => {
    const state = hotStandbyPlex();
    putMember(state, "SYS1.PROCLIB", "MYZOSMF", "//MYZOSMF PROC IZUPRM=00\n//STEP1 EXEC PGM=BPXBATSL\n");
    runRacfCommands(state, "IBMUSER", ["RDEFINE STARTED MYZOSMF.* UACC(NONE) STDATA(USER(IZUSVR))"]);
    const lines = cmd(state, "SYSA", "S MYZOSMF,IZUPRM=0A");
    expect(lines.at(-1)).toMatch(/^CWWKF0011I/);
    expect(state.systems.SYSA.tasks.MYZOSMF).toMatchObject({ kind: "zosmf", autostartGroup: "IZUDFLA", izuprm: ["0A"] });
  });

  it("fails with an IZUG message when the IZUPRMxx member is missing, and the task ends", () => {
    const state = hotStandbyPlex();
    const lines = cmd(state, "SYSA", "S IZUSVRA,IZUPRM=0Z");
    expect(lines.join("\n")).toMatch(/IZUG\d{3}E .*PARMLIB MEMBER IZUPRM0Z NOT FOUND/);
    expect(lines.at(-1)).toMatch(/^\$HASP395 IZUSVRA/);
    expect(state.systems.SYSA.tasks.IZUSVRA).toBeUndefined();
  });

  it("fails when USER_DIR is not mounted, and starts when another system owns the mount (§7.1: shared file system)", () => {
    const unmounted = hotStandbyPlex();
    unmounted.mounts = unmounted.mounts.filter((m) => !m.mountpoint.startsWith("/global/zosmf/zosmfa"));
    expect(cmd(unmounted, "SYSA", "S IZUSVRA").join("\n")).toMatch(/USER_DIR \/global\/zosmf\/zosmfa IS NOT MOUNTED/);
    const foreign = hotStandbyPlex();
    foreign.mounts = foreign.mounts.map((m) => ({ ...m, sysname: "SYSB" }));
    expect(cmd(foreign, "SYSA", "S IZUSVRA").join("\n")).toMatch(/IZUG400I/);
  });

  it("fails when another running server already serves the autostart group", () => {
    const state = hotStandbyPlex();
    putMember(state, "SYS1.PARMLIB", "IZUPRM0B", IZUPRM("B").replace("'IZUDFLB'", "'IZUDFLA'"));
    cmd(state, "SYSA", "S IZUSVRA");
    expect(cmd(state, "SYSB", "S IZUSVRB").join("\n")).toMatch(/AUTOSTART GROUP IZUDFLA IS ALREADY SERVED BY IZUSVRA ON SYSA/);
  });

  it("fails when the angel procedure is missing", () => {
    const state = hotStandbyPlex();
    delete (state.datasets["SYS1.PROCLIB"] as { members: Record<string, unknown> }).members.IZUANG1;
    expect(cmd(state, "SYSA", "S IZUSVRA").join("\n")).toMatch(/ANGEL PROCESS IZUANG1 IS NOT ACTIVE/);
  });

  it("cannot bind to a DVIPA the stack neither owns, backs up nor receives", () => {
    const state = newSysplex();
    const fresh = hotStandbyPlex();
    state.datasets = fresh.datasets;
    state.mounts = fresh.mounts;
    state.racf = fresh.racf;
    const lines = cmd(state, "SYSA", "S IZUSVRA");
    expect(lines.some((l) => l.startsWith("CWWKO0221E"))).toBe(true);
    expect(resolveDvipa(state, DVIPA, 443)).toBeNull();
  });

  it("P of a task that is not running gives IEE341I; a started angel shows CWWKB0069I", () => {
    const state = hotStandbyPlex();
    expect(cmd(state, "SYSA", "P NOTHERE")).toEqual(["IEE341I NOTHERE NOT ACTIVE"]);
    expect(cmd(state, "SYSA", "S IZUANG1").at(-1)).toBe("CWWKB0069I INITIALIZATION IS COMPLETE FOR THE IZUANG1 ANGEL PROCESS.");
    expect(cmd(state, "SYSA", "S IZUANG1")[0]).toMatch(/ALREADY ACTIVE/);
    expect(cmd(state, "SYSA", "D A,L").join("\n")).toContain("IZUANG1");
  });

  it("a plain procedure declares its port with PORT= on the PROC statement", () => {
    const state = hotStandbyPlex();
    putMember(state, "SYS1.PROCLIB", "IMSCON1", "//IMSCON1 PROC PORT=5801,\n//         ADDR=0.0.0.0\n//STEP1 EXEC PGM=HWSHWS00\n");
    cmd(state, "SYSB", "S IMSCON1");
    expect(state.systems.SYSB.tcpip.listeners).toMatchObject([{ jobName: "IMSCON1", address: "0.0.0.0", port: 5801 }]);
  });
});
