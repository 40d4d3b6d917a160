import { describe, expect, it } from "vitest";
import { HaError } from "../../../src/errors";
import { editIzuprm } from "../../../src/provision/zosmf-ha/izuprm-edit";
import { findJclProblems, assertValidJcl } from "../../../src/templates/jcl-check";
import { findObeyProblems, assertValidObey } from "../../../src/templates/obey-check";
import { renderTemplate, renderWithValues } from "../../../src/templates/render";
import { consoleCommandProblem } from "../../../src/zosmf/console";

const JOB = ["//ZHAJOB JOB (ACCT),'X',CLASS=A", "//STEP1 EXEC PGM=IKJEFT01", "//SYSTSIN DD *", "  LISTGRP IZUADMIN", "/*"];
const jcl = (...lines: string[]) => lines.join("\n");

describe("JCL is checked statement by statement", () => {
  it("refuses a second JOB statement anywhere in the job", () => {
    const problems = findJclProblems(jcl(...JOB, "//EVIL JOB (ACCT),'X',CLASS=A", "//S EXEC PGM=IEFBR14"));
    expect(problems).toEqual([expect.objectContaining({ line: 6, rule: expect.stringMatching(/second JOB/) })]);
  });

  it("refuses a JCL statement inside in-stream data the template closes with /*", () => {
    const injected = jcl(...JOB.slice(0, 4), "//EVIL EXEC PGM=IEFBR14", ...JOB.slice(4));
    expect(findJclProblems(injected, { closedInstream: true }).map((p) => p.line)).toContain(5);
  });

  it("refuses a JES2 command statement and a stray delimiter", () => {
    expect(findJclProblems(jcl(...JOB, "/*$VS,'S EVIL'"))[0]?.rule).toMatch(/not a JES2 control statement/);
    expect(findJclProblems(jcl(...JOB, "/*"))[0]?.rule).toMatch(/no in-stream data/);
    expect(findJclProblems(jcl(JOB[0]!, "/*JOBPARM SYSAFF=SYSA", ...JOB.slice(1)))).toEqual([]);
  });

  it("refuses statements after a null statement", () => {
    expect(findJclProblems(jcl(...JOB, "//", "//S EXEC PGM=IEFBR14"))[0]?.rule).toMatch(/null statement/);
  });

  it("refuses a BPXBATCH command line with a second command, and accepts one quoted word", () => {
    const step = (parm: string) => jcl(JOB[0]!, "//MKDIR EXEC PGM=BPXBATCH,", `//            PARM='${parm}'`);
    expect(findJclProblems(step("SH mkdir -p ''/z;rm -rf /''"))).toEqual([]);
    expect(findJclProblems(step("SH mkdir -p /z;rm -rf /"))[0]?.rule).toMatch(/outside quotes/);
    expect(findJclProblems(step("SH mkdir $(id)"))[0]?.rule).toMatch(/outside quotes/);
    expect(findJclProblems(step("SH ''rm'' x"))[0]?.rule).toMatch(/not a plain word/);
  });

  it("reads STDPARM records as one command line: a second command on a later record is refused, a quoted path record is accepted", () => {
    const step = (...records: string[]) => jcl(JOB[0]!, "//MKDIR EXEC PGM=BPXBATCH", "//STDPARM DD *", ...records, "/*");
    expect(findJclProblems(step("SH mkdir -p -m 755", "'/z;rm -rf /'"), { closedInstream: true })).toEqual([]);
    expect(findJclProblems(step("SH mkdir -p -m 755", "/z;rm -rf /"), { closedInstream: true })[0]?.rule).toMatch(/outside quotes/);
    expect(findJclProblems(step("SH mkdir -p -m 755", "/z", "$(id)"), { closedInstream: true })[0]?.rule).toMatch(/outside quotes/);
  });

  it("names the topology field whose value is on the refused line", () => {
    const r = renderWithValues(
      { name: "t.hbs", text: "//ZHAJOB JOB (ACCT),'X',CLASS=A\n//S EXEC PGM=BPXBATCH,PARM='SH mkdir {{jcl (sh dir)}}'" },
      { dir: `/u/${"d".repeat(60)}` },
      { fields: { dir: "systems[1].zosmf.userDir" } },
    );
    try {
      assertValidJcl(r.text, "t.hbs", r.values);
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(HaError);
      expect((err as HaError).failureClass).toBe("invalid-input");
      expect((err as HaError).message).toMatch(/systems\[1\]\.zosmf\.userDir.*t\.hbs.*line 2/);
    }
  });
});

describe("a template cannot write a value without its escaping helper", () => {
  it("refuses a bare value, naming its field", () => {
    expect(() =>
      renderTemplate(
        { name: "t.hbs", text: "PARM='SH mkdir {{userDir}}'" },
        { userDir: "/z;rm" },
        { fields: { userDir: "systems[0].zosmf.userDir" } },
      ),
    ).toThrowError(/t\.hbs writes systems\[0\]\.zosmf\.userDir without an escaping helper/);
    expect(() => renderTemplate({ name: "t.hbs", text: "{{{x}}}" }, { x: "a" })).toThrowError(/without an escaping helper/);
  });

  it("a helper's refusal names the field and the template line", () => {
    expect(() =>
      renderTemplate({ name: "m.hbs", text: "; x\nPORT {{obey p}} TCP" }, { p: "80 TCP EVIL" }, { fields: { p: "portSharing[0].port" } }),
    ).toThrowError(/^portSharing\[0\]\.port contains a blank/);
  });
});

describe("obey members and console commands", () => {
  it("refuses an obey record longer than 71 columns, naming the field on it", () => {
    const line = `  VIPADEFINE 255.255.255.0 ${"1".repeat(50)}`;
    expect(findObeyProblems(`; ok\n${line}`)).toEqual([expect.objectContaining({ line: 2 })]);
    expect(() => assertValidObey(line, "m.hbs", "SYSA", [{ field: "zosmfHa.dvipa", text: "1".repeat(50) }])).toThrowError(
      /zosmfHa\.dvipa.*line 1 for SYSA longer than 71/,
    );
  });

  it("refuses a console command over 126 characters or carrying a second command", () => {
    expect(consoleCommandProblem(`D TCPIP,${"X".repeat(120)}`)).toMatch(/126/);
    expect(consoleCommandProblem("D TCPIP,TCPIP,N,HOME;S EVIL")).toMatch(/second command/);
    expect(consoleCommandProblem("D TCPIP,TCPIP,N,HOME\nS EVIL")).toMatch(/more than one line/);
    // MVS replaces system symbols in a command: the command run would not be the one shown.
    expect(consoleCommandProblem("S IZUSVR&SYSCLONE.")).toMatch(/system symbol/);
    expect(consoleCommandProblem("V TCPIP,TCPIP,OBEYFILE,DSN=SYS1.TCPPARMS(HASYSA)")).toBeNull();
  });
});

describe("IZUPRMxx statements", () => {
  it("refuses a value that would close its quotes and add a statement, naming the field", () => {
    expect(() =>
      editIzuprm("HOSTNAME('a')\n", [{ keyword: "KEYRING_NAME", value: "IZU')AUTOSTART(LOCAL", quoted: true, field: "zosmfHa.keyring" }]),
    ).toThrowError(/^zosmfHa\.keyring contains '/);
    expect(() => editIzuprm("", [{ keyword: "SERVER_PROC", value: "IZUSVR1) AUTOSTART(LOCAL", quoted: false }])).toThrowError(
      /SERVER_PROC value/,
    );
  });

  it("refuses a statement longer than a record, instead of writing a value z/OSMF would read short", () => {
    expect(() =>
      editIzuprm("", [{ keyword: "USER_DIR", value: `/global/${"d".repeat(70)}`, quoted: true, field: "systems[0].zosmf.userDir" }]),
    ).toThrowError(/systems\[0\]\.zosmf\.userDir is 78 characters: the USER_DIR value cannot be written/);
  });
});
