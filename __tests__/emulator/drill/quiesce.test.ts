/** VARY TCPIP,,SYSPLEX,QUIESCE and RESUME on a hot-standby target (halu101 varysysl), seen through VDPT and new connections. */
import { describe, expect, it } from "vitest";
import { resolveDvipa } from "../../../emulator/operator/index";
import { cmd, DVIPA, hotStandbyPlex, newSysplex, PROFILE_B, putMember, vdpt, XCF_A, XCF_B } from "../tcpip/sysplex-fixture";

function running(options = "") {
  const state = hotStandbyPlex(options);
  cmd(state, "SYSA", "S IZUSVRA");
  cmd(state, "SYSB", "S IZUSVRB");
  return state;
}

const table = (state: ReturnType<typeof running>, system = "SYSA") => vdpt(cmd(state, system, "D TCPIP,TCPIP,N,VDPT"));

describe("VARY TCPIP,,SYSPLEX,QUIESCE / RESUME: the forms of the syntax diagram", () => {
  const ok = (text: string) => [
    `EZZ0060I PROCESSING COMMAND: ${text.toUpperCase()}`,
    "EZZ0053I COMMAND VARY SYSPLEX COMPLETED SUCCESSFULLY",
  ];

  it.each([
    ["VARY TCPIP,TCPIP,SYSPLEX,QUIESCE,PORT=443", "VARY TCPIP,TCPIP,SYSPLEX,RESUME,PORT=443"],
    ["V TCPIP,,SYSPLEX,QUIESCE,PORT=443,JOBNAME=IZUSVRA", "V TCPIP,,SYSPLEX,RESUME,PORT=443,JOBNAME=IZUSVRA"],
    ["V TCPIP,,SYSPLEX,QUIESCE,PORT=443,JOBNAME=IZUSVRA,ASID=3C", "V TCPIP,,SYSPLEX,RESUME,PORT=443,JOBNAME=IZUSVRA,ASID=3C"],
    ["V TCPIP,,SYSPLEX,QUIESCE,JOBNAME=IZUSVRA", "V TCPIP,,SYSPLEX,RESUME,JOBNAME=IZUSVRA"],
    ["V TCPIP,,SYSPLEX,QUIESCE,JOBNAME=IZUSVRA,ASID=003C", "V TCPIP,,SYSPLEX,RESUME,JOBNAME=IZUSVRA,ASID=003C"],
    ["V TCPIP,,SYSPLEX,QUIESCE,TARGET", "V TCPIP,,SYSPLEX,RESUME,TARGET"],
    ["V TCPIP,,SYS,QUI,PO=443", "V TCPIP,,SYSPL,RESUME,PO=443"],
  ])("%s then %s: SYSA stops and starts taking new connections", (quiesce, resume) => {
    const state = running();
    expect(cmd(state, "SYSA", quiesce)).toEqual(ok(quiesce.replace(/^V /, "VARY ")));
    expect(table(state)).toEqual([
      { xcf: XCF_A, rdy: "000", flg: "BACKUP" },
      { xcf: XCF_B, rdy: "001", flg: "ACTIVE" },
    ]);
    expect(resolveDvipa(state, DVIPA, 443)).toBe("SYSB");
    // The server itself keeps running and listening: quiesce is not a stop.
    expect(Object.keys(state.systems.SYSA.tasks)).toContain("IZUSVRA");
    expect(state.systems.SYSA.tcpip.listeners).toMatchObject([{ jobName: "IZUSVRA", port: 443 }]);
    expect(cmd(state, "SYSA", resume)).toEqual(ok(resume.replace(/^V /, "VARY ")));
    expect(table(state)).toEqual([
      { xcf: XCF_A, rdy: "001", flg: "ACTIVE" },
      { xcf: XCF_B, rdy: "001", flg: "BACKUP" },
    ]);
    expect(resolveDvipa(state, DVIPA, 443)).toBe("SYSA");
  });

  it.each([
    ["V TCPIP,,SYSPLEX,QU,PORT=443", /QUIESCE OR RESUME IS REQUIRED/], // QUIesce: three letters at least
    ["V TCPIP,,SYSPLEX,RES,PORT=443", /QUIESCE OR RESUME IS REQUIRED/], // RESUME has no abbreviation
    ["V TCPIP,,SYSPLEX,QUIESCE,P=443", /P=443: NOT VALID HERE/], // POrt: two letters at least
    ["V TCPIP,,SYSPLEX,QUIESCE", /PORT=, JOBNAME= OR TARGET IS REQUIRED/],
    ["V TCPIP,,SYSPLEX,QUIESCE,PORT=0", /PORT=0: A PORT NUMBER 1-65535 IS REQUIRED/],
    ["V TCPIP,,SYSPLEX,QUIESCE,PORT=70000", /PORT=70000/],
    ["V TCPIP,,SYSPLEX,QUIESCE,JOBNAME=IZUSVRA,PORT=443", /PORT=443: NOT VALID HERE/], // PORT comes first
    ["V TCPIP,,SYSPLEX,QUIESCE,PORT=443,ASID=3C", /ASID=3C: NOT VALID HERE/], // ASID only after JOBNAME
    ["V TCPIP,,SYSPLEX,QUIESCE,JOBNAME=IZUSVRA,ASID=XYZ", /ASID=XYZ: AN ADDRESS SPACE ID/],
    ["V TCPIP,,SYSPLEX,QUIESCE,JOBNAME=TOOLONGNAME", /JOBNAME=TOOLONGNAME: A JOB NAME OF 1-8/],
    ["V TCPIP,,SYSPLEX,QUIESCE,TARGET,PORT=443", /TARGET: NOT VALID HERE/],
    ["V TCPIP,,SYSPLEX,LEAVEGROUP", /LEAVEGROUP IS NOT MODELLED/],
  ])("%s is refused with a line that carries no message id, and changes nothing", (text, why) => {
    const state = running();
    const lines = cmd(state, "SYSA", text);
    expect(lines[0]).toMatch(/^EZZ0060I PROCESSING COMMAND: /);
    expect(lines.slice(1)).toHaveLength(1);
    expect(lines[1]).toMatch(/^EMULATOR: VARY TCPIP,,SYSPLEX FAILED: /);
    expect(lines[1]).toMatch(why);
    expect(lines.join("\n")).not.toMatch(/EZZ0053I/);
    expect(table(state).find((t) => t.flg === "ACTIVE")?.xcf).toBe(XCF_A);
  });

  it("refuses a job or port with no distributed listener on that stack, and a stack that is not a target", () => {
    const state = running();
    expect(cmd(state, "SYSA", "V TCPIP,,SYSPLEX,QUIESCE,JOBNAME=IZUSVRB")[1]).toMatch(
      /FAILED: NO DISTRIBUTED LISTENER ON SYSA MATCHES JOBNAME=IZUSVRB/,
    );
    expect(cmd(state, "SYSA", "V TCPIP,,SYSPLEX,QUIESCE,PORT=8443")[1]).toMatch(
      /FAILED: NO DISTRIBUTED LISTENER ON SYSA MATCHES PORT=8443/,
    );
    // The command acts on the stack it is issued on: SYSB's server is not SYSA's to quiesce.
    expect(table(state).find((t) => t.flg === "ACTIVE")?.xcf).toBe(XCF_A);
    // A stack in the sysplex group that no distribution in force sends work to.
    const plain = newSysplex();
    putMember(plain, "USER.TCPPARMS", "HAB", PROFILE_B);
    cmd(plain, "SYSB", "V TCPIP,,OBEYFILE,DSN=USER.TCPPARMS(HAB)");
    expect(cmd(plain, "SYSB", "V TCPIP,,SYSPLEX,QUIESCE,TARGET")[1]).toMatch(/FAILED: TCPIP ON SYSB IS NOT A TARGET/);
  });

  it("names another stack's procedure: IEE341I as for the other VARY TCPIP commands", () => {
    const state = running();
    expect(cmd(state, "SYSA", "V TCPIP,TCPIPX,SYSPLEX,QUIESCE,TARGET")).toEqual(["IEE341I TCPIPX NOT ACTIVE"]);
  });
});

describe("hot standby across a quiesce and a server stop", () => {
  it("QUIESCE,TARGET on SYSB (the backup) leaves SYSA Active, and SYSA stopping then finds no backup", () => {
    const state = running();
    cmd(state, "SYSB", "V TCPIP,,SYSPLEX,QUIESCE,TARGET");
    expect(table(state)).toEqual([
      { xcf: XCF_A, rdy: "001", flg: "ACTIVE" },
      { xcf: XCF_B, rdy: "000", flg: "BACKUP" },
    ]);
    cmd(state, "SYSA", "P IZUSVRA");
    expect(resolveDvipa(state, DVIPA, 443)).toBeNull();
  });

  it("P IZUSVRA moves Active to SYSB; S IZUSVRA moves it back (AUTOSWITCHBACK)", () => {
    const state = running();
    cmd(state, "SYSA", "P IZUSVRA");
    expect(table(state)).toEqual([
      { xcf: XCF_A, rdy: "000", flg: "BACKUP" },
      { xcf: XCF_B, rdy: "001", flg: "ACTIVE" },
    ]);
    expect(resolveDvipa(state, DVIPA, 443)).toBe("SYSB");
    cmd(state, "SYSA", "S IZUSVRA");
    expect(table(state).find((t) => t.flg === "ACTIVE")?.xcf).toBe(XCF_A);
    expect(resolveDvipa(state, DVIPA, 443)).toBe("SYSA");
  });

  it("NOAUTOSWITCHBACK: after RESUME (or a restart) the traffic stays on SYSB", () => {
    const state = running("NOAUTOSWITCHBACK");
    cmd(state, "SYSA", "V TCPIP,,SYSPLEX,QUIESCE,JOBNAME=IZUSVRA");
    cmd(state, "SYSA", "V TCPIP,,SYSPLEX,RESUME,JOBNAME=IZUSVRA");
    expect(table(state)).toEqual([
      { xcf: XCF_A, rdy: "001", flg: "BACKUP" },
      { xcf: XCF_B, rdy: "001", flg: "ACTIVE" },
    ]);
    expect(resolveDvipa(state, DVIPA, 443)).toBe("SYSB");
    cmd(state, "SYSA", "P IZUSVRA");
    cmd(state, "SYSA", "S IZUSVRA");
    expect(resolveDvipa(state, DVIPA, 443)).toBe("SYSB");
  });

  it("a quiesced server that is stopped and started again listens unquiesced", () => {
    const state = running();
    cmd(state, "SYSA", "V TCPIP,,SYSPLEX,QUIESCE,JOBNAME=IZUSVRA");
    cmd(state, "SYSA", "P IZUSVRA");
    cmd(state, "SYSA", "S IZUSVRA");
    expect(table(state).find((t) => t.xcf === XCF_A)).toEqual({ xcf: XCF_A, rdy: "001", flg: "ACTIVE" });
  });

  it("VDPT DETAIL shows the quiesced target with no ready listener", () => {
    const state = running();
    cmd(state, "SYSA", "V TCPIP,,SYSPLEX,QUIESCE,PORT=443");
    const detail = cmd(state, "SYSA", "D TCPIP,,N,VDPT,DETAIL");
    expect(vdpt(detail)).toEqual([
      { xcf: XCF_A, rdy: "000", flg: "BACKUP" },
      { xcf: XCF_B, rdy: "001", flg: "ACTIVE" },
    ]);
    expect(detail.map((l) => l.trim())).toContain("TCSR: 0  CER: 0  SEF: 0");
  });
});
