/** Started tasks as z/OS runs them: converted JCL first, D A answers, a job on the spool. */
import { afterEach, describe, expect, it } from "vitest";
import type { Emulator } from "../../../emulator";
import { client, startPlain } from "../core/helpers";
import { cmd, hotStandbyPlex, IZUSVR, putMember } from "./sysplex-fixture";

const seq = (data: string, n: number) => data.padEnd(72) + String(n).padStart(8, "0");

describe("S converts the procedure first (§10.3)", () => {
  it("a PROC line whose sequence number spilled into column 72 ends with a JCL error and nothing runs", () => {
    const state = hotStandbyPlex();
    // Columns 68-75: column 72 is non-blank, and the next card starts a new statement.
    putMember(
      state,
      "SYS1.PROCLIB",
      "IZUSVRA",
      ["//IZUSVRA  PROC IZUPRM=0A".padEnd(67) + "00010000", "//IZUSVRA  EXEC PGM=BPXBATSL", "//STDOUT   DD SYSOUT=*"].join("\n"),
    );
    const lines = cmd(state, "SYSA", "S IZUSVRA");
    expect(lines).toEqual(["IEFC621I EXPECTED CONTINUATION NOT RECEIVED", "IEE122I START COMMAND JCL ERROR"]);
    expect(state.systems.SYSA.tasks.IZUSVRA).toBeUndefined();
    expect(state.systems.SYSA.tasks.IZUANG1).toBeUndefined();
    const stc = state.jobs.find((j) => j.jobname === "IZUSVRA")!;
    expect(stc).toMatchObject({ type: "STC", status: "OUTPUT", retcode: "JCL ERROR" });
    expect(stc.spool.find((f) => f.ddname === "JESMSGLG")!.text).toMatch(/IEFC621I EXPECTED CONTINUATION NOT RECEIVED/);
  });

  it("a trailing comma followed by a continuation beyond column 16 is a JCL error", () => {
    const state = hotStandbyPlex();
    putMember(
      state,
      "SYS1.PROCLIB",
      "IZUSVRA",
      "//IZUSVRA  PROC IZUPRM=0A,\n//                   USERDIR='/global/zosmf/zosmfa'\n//IZUSVRA  EXEC PGM=BPXBATSL\n",
    );
    expect(cmd(state, "SYSA", "S IZUSVRA").at(-1)).toBe("IEE122I START COMMAND JCL ERROR");
  });

  it("sequence numbers in columns 73-80 with column 72 blank convert and the server starts", () => {
    const state = hotStandbyPlex();
    putMember(
      state,
      "SYS1.PROCLIB",
      "IZUSVRA",
      [
        seq("//IZUSVRA  PROC IZUPRM=0A,", 1),
        seq("//             USERDIR='/global/zosmf/zosmfa'", 2),
        seq("//IZUSVRA  EXEC PGM=BPXBATSL", 3),
      ].join("\n"),
    );
    expect(cmd(state, "SYSA", "S IZUSVRA").at(-1)).toMatch(/^CWWKF0011I/);
  });
});

describe("the server's USER_DIR follows the procedure's USERDIR", () => {
  it("refuses to start when USERDIR and the IZUPRMxx USER_DIR name different directories, and the task ends", () => {
    const state = hotStandbyPlex();
    putMember(
      state,
      "SYS1.PROCLIB",
      "IZUSVRA",
      "//IZUSVRA  PROC IZUPRM=0A,\n//             USERDIR='/global/zosmf'\n//IZUSVRA  EXEC PGM=BPXBATSL\n",
    );
    expect(cmd(state, "SYSA", "S IZUSVRA").join("\n")).toMatch(
      /IZUG911E .*USER_DIR \/global\/zosmf\/zosmfa DOES NOT MATCH USERDIR \/global\/zosmf OF PROCEDURE IZUSVRA/,
    );
    expect(state.systems.SYSA.tasks.IZUSVRA).toBeUndefined();
  });

  it("uses the procedure's USERDIR when the member names none: it must be mounted", () => {
    const state = hotStandbyPlex();
    putMember(state, "SYS1.PARMLIB", "IZUPRM0A", "HOSTNAME('192.0.2.10')\nHTTP_SSL_PORT(443)\nAUTOSTART_GROUP('IZUDFLA')\n");
    putMember(
      state,
      "SYS1.PROCLIB",
      "IZUSVRA",
      "//IZUSVRA  PROC IZUPRM=0A,USERDIR='/global/zosmf/nothere'\n//IZUSVRA  EXEC PGM=BPXBATSL\n",
    );
    expect(cmd(state, "SYSA", "S IZUSVRA").join("\n")).toMatch(/USER_DIR \/global\/zosmf\/nothere IS NOT MOUNTED/);
  });
});

describe("D A,name (§10.2, IEE115I)", () => {
  it("lists a running task with its job, step and procstep names", () => {
    const state = hotStandbyPlex();
    cmd(state, "SYSA", "S IZUSVRA");
    const lines = cmd(state, "SYSA", "D A,IZUSVRA");
    expect(lines[0]).toMatch(/^IEE115I \d\d\.\d\d\.\d\d \d{4}\.\d{3} ACTIVITY \d+$/);
    expect(lines.slice(3)).toEqual([expect.stringMatching(/^ {2}IZUSVRA +IZUSVRA +IZUSVRA +NSW/)]);
  });

  it("answers the summary and `name NOT FOUND` for a task that ended", () => {
    const state = hotStandbyPlex();
    cmd(state, "SYSA", "S IZUSVRA,IZUPRM=0Z");
    const lines = cmd(state, "SYSA", "D A,IZUSVRA");
    expect(lines[0]).toMatch(/^IEE115I /);
    expect(lines.at(-1)).toBe("  IZUSVRA NOT FOUND");
    expect(lines.some((l) => /^ {2}IZUSVRA +IZUSVRA/.test(l))).toBe(false);
  });
});

describe("a started task on the spool", () => {
  let emu: Emulator | undefined;
  afterEach(async () => {
    await emu?.stop();
    emu = undefined;
  });

  it("an ended server's JESMSGLG is readable through the jobs REST API, found with owner * and its name", async () => {
    emu = await startPlain({ systems: ["SYSA", "SYSB"] });
    const c = client(emu);
    putMember(emu.state, "SYS1.PROCLIB", "IZUSVRA", IZUSVR("A"));
    const answer = await c.put("/zosmf/restconsoles/consoles/defcn", { cmd: "S IZUSVRA", system: "SYSA" });
    expect(answer.status).toBe(200);
    const jobs = (await c.get("/zosmf/restjobs/jobs?owner=*&prefix=IZUSVRA")).json<
      { jobname: string; jobid: string; type: string; status: string; retcode: string }[]
    >();
    expect(jobs).toHaveLength(1);
    expect(jobs[0]).toMatchObject({ jobname: "IZUSVRA", type: "STC", status: "OUTPUT", retcode: "CC 0012" });
    const files = (await c.get(`/zosmf/restjobs/jobs/IZUSVRA/${jobs[0].jobid}/files`)).json<{ id: number; ddname: string }[]>();
    const msglg = files.find((f) => f.ddname === "JESMSGLG")!;
    const log = (await c.get(`/zosmf/restjobs/jobs/IZUSVRA/${jobs[0].jobid}/files/${msglg.id}/records`)).text;
    expect(log).toMatch(/IZUG911E z\/OSMF SERVER IZUSVRA FAILED TO START: PARMLIB MEMBER IZUPRM0A NOT FOUND/);
    expect(log).toMatch(/\$HASP395 IZUSVRA +ENDED - RC=0012/);
  });
});
