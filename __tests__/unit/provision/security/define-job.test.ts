/**
 * The RACF define job passes above its allowed return code only when every line of its
 * SYSTSPRT was read and a command's ids say "already defined"; lines tied to no command
 * (before the first READY, after END) fail it, shown.
 */
import { describe, expect, it } from "vitest";
import type { SecurityItem } from "../../../../src/racf/security-catalogue";
import { judgeDefineJob } from "../../../../src/provision/zosmf-ha/security-step";

const command = "RDEFINE FACILITY BPX.CONSOLE UACC(NONE)";
// An item without classes: its define job holds exactly its one command.
const profile: SecurityItem[] = [
  {
    id: "FACILITY BPX.CONSOLE",
    list: "RLIST FACILITY BPX.CONSOLE",
    subject: { kind: "profile", cls: "FACILITY", name: "BPX.CONSOLE" },
    define: [command],
    classes: [],
  },
];
const job = (text: string) => ({ job: {} as never, retcode: "CC 0008", rc: 8, spool: [{ ddname: "SYSTSPRT", stepname: "DEFINE", text }] });

describe("the RACF define job's return code", () => {
  it("passes above maxRc only when a command's id says already defined", () => {
    const notes: string[] = [];
    expect(judgeDefineJob(job(`READY\n ${command}\nICH10102I PROFILE ALREADY DEFINED\nREADY\nEND`), profile, notes)).toEqual({
      failures: [],
      acceptRc: true,
    });
    expect(notes).toEqual([`already defined: ${command}`]);
  });

  it("does not pass above maxRc when every command was read as defined: nothing explains the code", () => {
    expect(judgeDefineJob(job(`READY\n ${command}\nREADY\nEND`), profile, [])).toEqual({ failures: [], acceptRc: false });
  });

  it("fails on lines after END or before the first READY, showing them", () => {
    const after = judgeDefineJob(
      job(`READY\n ${command}\nICH10102I PROFILE ALREADY DEFINED\nREADY\nEND\nIKJ56500I COMMAND X NOT FOUND`),
      profile,
      [],
    );
    expect(after).toEqual({ failures: ["SYSTSPRT line tied to no command: IKJ56500I COMMAND X NOT FOUND"], acceptRc: false });
    const before = judgeDefineJob(job(`IKJ56621I INVALID COMMAND NAME\nREADY\n ${command}\nREADY\nEND`), profile, []);
    expect(before.failures).toEqual(["SYSTSPRT line tied to no command: IKJ56621I INVALID COMMAND NAME"]);
  });

  it("fails on the output of a command the job was not given", () => {
    const r = judgeDefineJob(job(`READY\n ${command}\nREADY\n DELUSER IZUSVR\nREADY\nEND`), profile, []);
    expect(r.failures).toEqual(["output of a command the job was not given: DELUSER IZUSVR"]);
    expect(r.acceptRc).toBe(false);
  });
});
