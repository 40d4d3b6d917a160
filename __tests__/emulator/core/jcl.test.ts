import { describe, expect, it } from "vitest";
import { readJcl } from "../../../emulator/jes/jcl";

const job = "//MYJOB    JOB (ACCT),'NAME',CLASS=A,MSGCLASS=X\n";

describe("JCL reader", () => {
  it("§1.2 reads steps, PARM, DDs and instream data", () => {
    const r = readJcl(
      job +
        "//* a comment\n" +
        "//STEP1    EXEC PGM=IDCAMS,PARM='A,B'\n" +
        "//SYSPRINT DD SYSOUT=*\n" +
        "//IN       DD DSN=SYS1.PARMLIB(IZUPRM00),DISP=SHR\n" +
        "//SYSIN    DD *\n  LISTCAT\n/*\n" +
        "//DATA     DD DATA,DLM=$$\n//NOT A STATEMENT\n$$\n" +
        "//USS      DD PATH='/u/x'\n//NOTHING  DD DUMMY\n",
    );
    expect(r.errors).toEqual([]);
    const step = r.parsed!.steps[0];
    expect(step).toMatchObject({ name: "STEP1", pgm: "IDCAMS", parm: "A,B" });
    expect(step.dds.map((d) => d.ddname)).toEqual(["SYSPRINT", "IN", "SYSIN", "DATA", "USS", "NOTHING"]);
    expect(step.dds[1]).toMatchObject({ dsn: "SYS1.PARMLIB", member: "IZUPRM00", disp: "SHR" });
    expect(step.dds[2].instream).toEqual(["  LISTCAT"]);
    expect(step.dds[3].instream).toEqual(["//NOT A STATEMENT"]);
    expect(step.dds[4].path).toBe("/u/x");
    expect(step.dds[5].dummy).toBe(true);
  });

  it("§1.2 joins continuations and ignores columns 72-80", () => {
    const r = readJcl(job + "//S1 EXEC PGM=IEFBR14,\n//            PARM='X'" + " ".repeat(50) + "\n");
    expect(r.errors).toEqual([]);
    expect(r.parsed!.steps[0].parm).toBe("X");
    const seq = readJcl(job + "//S1 EXEC PGM=IEFBR14".padEnd(71) + "SEQ00010\n");
    expect(seq.parsed!.steps[0].pgm).toBe("IEFBR14");
  });

  it("§1.2 a continuation that does not start in columns 4-16 is a JCL error (IEFC)", () => {
    const r = readJcl(job + "//S1 EXEC PGM=IEFBR14,\n//                   PARM='X'\n");
    expect(r.errors.join()).toMatch(/IEFC621I/);
  });

  it("§1.2 substitutes SET and header symbols, &X and &X.; undefined symbols stay", () => {
    const r = readJcl(job + "// SET HLQ=SYS1\n//S1 EXEC PGM=&PGM\n//DD1 DD DSN=&HLQ..PARMLIB,DISP=SHR\n//DD2 DD DSN=&UNDEF..X\n", {
      symbols: { PGM: "IEFBR14" },
    });
    expect(r.errors).toEqual([]);
    expect(r.parsed!.steps[0].pgm).toBe("IEFBR14");
    expect(r.parsed!.steps[0].dds[0].dsn).toBe("SYS1.PARMLIB");
    expect(r.parsed!.steps[0].dds[1].dsn).toBe("&UNDEF..X");
    expect(r.listing.find((l) => l.substituted)?.substituted).toMatch(/PGM=IEFBR14/);
  });

  it("§1.2 without a JOB statement there is no job", () => {
    expect(readJcl("//S1 EXEC PGM=IEFBR14\n").parsed).toBeNull();
  });

  it("§1.2 expands a cataloged procedure with its defaults and EXEC overrides", () => {
    const proc = "//MYPROC PROC P=A\n//PS1 EXEC PGM=IEFBR14,PARM='&P'\n";
    const r = readJcl(job + "//RUN EXEC MYPROC,P=B\n", { findProc: (n) => (n === "MYPROC" ? proc : null) });
    expect(r.parsed!.steps[0]).toMatchObject({ name: "RUN", procStepName: "PS1", pgm: "IEFBR14", parm: "B" });
    expect(readJcl(job + "//RUN EXEC NOPROC\n", { findProc: () => null }).errors.join()).toMatch(/IEFC612I/);
  });

  it("§1.2 an unknown operation or unbalanced parentheses are JCL errors", () => {
    expect(readJcl(job + "//S1 EXECUTE PGM=X\n").errors.join()).toMatch(/IEFC605I/);
    expect(readJcl(job + "//S1 EXEC PGM=X,PARM=(A\n").errors.join()).toMatch(/IEFC009I/);
  });
});
