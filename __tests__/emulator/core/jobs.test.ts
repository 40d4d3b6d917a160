import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Emulator } from "../../../emulator";
import { client, finishJobs, JOB, startPlain, type Client } from "./helpers";

let em: Emulator;
let c: Client;
beforeAll(async () => {
  em = await startPlain({
    programs: {
      // A stand-in program for these tests: prints its PARM and ends with CC 4 when PARM=WARN.
      ECHO: (ctx) => ({ completion: { cc: ctx.step.parm === "WARN" ? 4 : 0 }, outputs: { SYSPRINT: `PARM ${ctx.step.parm ?? ""}` } }),
    },
  });
  c = client(em);
});
afterAll(async () => {
  await em.stop();
});

async function submit(jcl: string, headers: Record<string, string> = {}) {
  return c.put("/zosmf/restjobs/jobs", jcl, {
    "X-IBM-Intrdr-Lrecl": "80",
    "X-IBM-Intrdr-Recfm": "F",
    "X-IBM-Intrdr-Mode": "TEXT",
    ...headers,
  });
}
const jobPath = (doc: { jobname: string; jobid: string }) => `/zosmf/restjobs/jobs/${doc.jobname}/${doc.jobid}`;
async function records(doc: { jobname: string; jobid: string }, id: number | string) {
  return (await c.get(`${jobPath(doc)}/files/${id}/records`)).text;
}

describe("submit and status", () => {
  it("§1.2 submit answers 201 with status INPUT and retcode null, then ACTIVE, then OUTPUT CC 0000", async () => {
    const res = await submit(JOB("GOOD", "//S1 EXEC PGM=ECHO,PARM=HI\n//SYSPRINT DD SYSOUT=*\n"));
    expect(res.status).toBe(201);
    const doc = res.json();
    expect(doc).toMatchObject({ jobname: "GOOD", status: "INPUT", retcode: null, type: "JOB", owner: "IBMUSER", subsystem: "JES2" });
    expect(doc.jobid).toMatch(/^JOB\d{5}$/);
    expect(doc["files-url"]).toBe(`${doc.url}/files`);
    await c.control("POST", "clock", { advanceMs: 60 });
    expect((await c.get(jobPath(doc))).json()).toMatchObject({ status: "ACTIVE", retcode: null, phase: 14 });
    await finishJobs(c);
    expect((await c.get(jobPath(doc))).json()).toMatchObject({ status: "OUTPUT", retcode: "CC 0000", phase: 20 });
  });

  it("§1.3 the retcode is the highest condition code as CC nnnn", async () => {
    const doc = (await submit(JOB("WARNJOB", "//S1 EXEC PGM=ECHO,PARM=WARN\n//S2 EXEC PGM=IEFBR14\n"))).json();
    await finishJobs(c);
    expect((await c.get(jobPath(doc))).json().retcode).toBe("CC 0004");
  });

  it("§1.3 a job can be read by its correlator", async () => {
    const doc = (await submit(JOB("CORR", "//S1 EXEC PGM=IEFBR14\n"))).json();
    const res = await c.get(`/zosmf/restjobs/jobs/${encodeURIComponent(doc["job-correlator"])}`);
    expect(res.json().jobid).toBe(doc.jobid);
  });

  it("§1.2 X-IBM-JCL-Symbol headers are applied and visible in JESJCL", async () => {
    const doc = (
      await submit(JOB("SYMS", "//S1 EXEC PGM=&PROG\n//DD1 DD DSN=&HLQ..PARMLIB,DISP=SHR\n"), {
        "X-IBM-JCL-Symbol-PROG": "IEFBR14",
        "X-IBM-JCL-Symbol-HLQ": "SYS1",
      })
    ).json();
    await finishJobs(c);
    const jesjcl = await records(doc, 3);
    expect(jesjcl).toMatch(/IEFC653I SUBSTITUTION JCL - PGM=IEFBR14/);
    expect(jesjcl).toMatch(/DSN=SYS1\.PARMLIB/);
    expect((await c.get(jobPath(doc))).json().retcode).toBe("CC 0000");
  });

  it("§1.6 a record over the internal reader LRECL is the recorded 'record too long' error", async () => {
    const res = await submit(JOB("LONG", `//S1 EXEC PGM=IEFBR14,PARM='${"X".repeat(80)}'\n`));
    expect(res.status).toBe(400);
    expect(res.json()).toMatchObject({ rc: 4, reason: 9, category: 6 });
    expect(res.json().message).toMatch(/^Job submission error\. Record length \d+ too long for JCL submission, maxlen=80$/);
  });

  it("§1.6 input that does not start with a slash is refused", async () => {
    const res = await submit(" //X JOB\n");
    expect(res.status).toBe(400);
    expect(res.json()).toMatchObject({ rc: 4, reason: 17, category: 6, message: "Submit input data does not start with a slash" });
  });

  it("§1.6 input without a JOB statement is not recognized as a job", async () => {
    const res = await submit("//S1 EXEC PGM=IEFBR14\n");
    expect(res.status).toBe(400);
    expect(res.json()).toMatchObject({ rc: 4, reason: 13, category: 6, message: "Job input was not recognized by system as a job" });
  });

  it("§1.3 a bad continuation is a JCL ERROR with an IEFC message in JESYSMSG and no step run", async () => {
    let ran = false;
    em.programs.MARKER = () => {
      ran = true;
      return { completion: { cc: 0 }, outputs: {} };
    };
    const doc = (await submit(JOB("BADCONT", "//S1 EXEC PGM=MARKER,\n//                       PARM=X\n"))).json();
    expect(doc.status).toBe("INPUT");
    await finishJobs(c, 1);
    const status = (await c.get(jobPath(doc))).json();
    expect(status).toMatchObject({ status: "OUTPUT", retcode: "JCL ERROR" });
    expect(await records(doc, 4)).toMatch(/IEFC\d{3}I/);
    expect(ran).toBe(false);
  });

  it("§1.3 an unknown program abends S806, the later steps are flushed (IEF272I)", async () => {
    const doc = (await submit(JOB("MISSING", "//S1 EXEC PGM=NOSUCH\n//S2 EXEC PGM=IEFBR14\n"))).json();
    await finishJobs(c);
    const status = (await c.get(`${jobPath(doc)}?step-data=Y`)).json();
    expect(status.retcode).toBe("ABEND S806");
    expect(status["step-data"].map((s: { completion: string }) => s.completion)).toEqual(["ABEND S806", "FLUSH"]);
    const sysmsg = await records(doc, 4);
    expect(sysmsg).toMatch(/CSV003I REQUESTED MODULE NOSUCH NOT FOUND/);
    expect(sysmsg).toMatch(/IEF272I MISSING S2 - STEP WAS NOT EXECUTED/);
  });

  it("§1.2 submits from a data set member", async () => {
    await c.put("/zosmf/restfiles/ds/SYS1.PROCLIB(RUNME)", JOB("FROMDS", "//S1 EXEC PGM=IEFBR14\n"));
    const res = await c.put("/zosmf/restjobs/jobs", { file: "//'SYS1.PROCLIB(RUNME)'" });
    expect(res.status).toBe(201);
    expect(res.json().jobname).toBe("FROMDS");
    const missing = await c.put("/zosmf/restjobs/jobs", { file: "//'NO.SUCH.JCL(X)'" });
    expect(missing.status).toBe(400);
    expect(missing.json()).toMatchObject({ rc: 4, reason: 16, message: "Data set not found: NO.SUCH.JCL(X)" });
  });
});

describe("spool, listing, errors", () => {
  it("§1.4 spool files are JESMSGLG/JESJCL/JESYSMSG as 2/3/4, then step DDs from 101 with their step name", async () => {
    const doc = (await submit(JOB("SPOOL", "//STEPA EXEC PGM=ECHO,PARM=ONE\n//SYSPRINT DD SYSOUT=*\n"))).json();
    await finishJobs(c);
    const files = (await c.get(`${jobPath(doc)}/files`)).json();
    expect(files.map((f: { id: number; ddname: string }) => [f.id, f.ddname])).toEqual([
      [2, "JESMSGLG"],
      [3, "JESJCL"],
      [4, "JESYSMSG"],
      [101, "SYSPRINT"],
    ]);
    expect(files[3]).toMatchObject({ stepname: "STEPA", jobid: doc.jobid });
    expect(files[0]).toMatchObject({ stepname: "JES2", procstep: null, recfm: "UA", lrecl: 133 });
    expect(files[0]["records-url"]).toBe(`${doc.url}/files/2/records`);
    const log = await records(doc, 2);
    expect(log).toMatch(/\$HASP373 SPOOL +STARTED/);
    expect(log).toMatch(/IEF403I SPOOL - STARTED/);
    expect(log).toMatch(/\$HASP395 SPOOL +ENDED - RC=0000/);
    expect(await records(doc, 3)).toMatch(/^ +1 \/\/SPOOL JOB/);
    expect(await records(doc, 4)).toMatch(/IEF142I SPOOL STEPA - STEP WAS EXECUTED - COND CODE 0000/);
    expect(await records(doc, 101)).toBe("PARM ONE\n");
    expect(await c.get(`${jobPath(doc)}/files/JCL/records`).then((r) => r.text)).toMatch(/\/\/STEPA EXEC PGM=ECHO/);
  });

  it("§1.6 an unknown job is the recorded 400 'No job found' error", async () => {
    const res = await c.get("/zosmf/restjobs/jobs/NOSUCH/JOB99999");
    expect(res.status).toBe(400);
    expect(res.json()).toMatchObject({ rc: 4, reason: 10, category: 6, message: "No job found for reference: 'NOSUCH(JOB99999)'" });
  });

  it("§1.6 a spool id the job does not have is 400 reason 12", async () => {
    const doc = (await submit(JOB("NOFILE", "//S1 EXEC PGM=IEFBR14\n"))).json();
    const res = await c.get(`${jobPath(doc)}/files/1/records`);
    expect(res.status).toBe(400);
    expect(res.json()).toMatchObject({ rc: 4, reason: 12, category: 6 });
  });

  it("§1.1 lists jobs by owner and prefix with * wildcards", async () => {
    await submit(JOB("LISTA1", "//S1 EXEC PGM=IEFBR14\n"));
    await submit(JOB("LISTA2", "//S1 EXEC PGM=IEFBR14\n"));
    const byPrefix = (await c.get("/zosmf/restjobs/jobs?owner=IBMUSER&prefix=LISTA*")).json();
    expect(byPrefix.map((j: { jobname: string }) => j.jobname)).toEqual(["LISTA1", "LISTA2"]);
    expect((await c.get("/zosmf/restjobs/jobs?owner=OTHER&prefix=*")).json()).toEqual([]);
    expect((await c.get("/zosmf/restjobs/jobs?owner=*&prefix=LISTA1")).json()).toHaveLength(1);
    expect((await c.get("/zosmf/restjobs/jobs?owner=TOOLONGNAME")).status).toBe(400);
  });

  it("§1.5 purge answers with the feedback document and the job is gone", async () => {
    const doc = (await submit(JOB("PURGEME", "//S1 EXEC PGM=IEFBR14\n"))).json();
    const res = await c.del(jobPath(doc));
    expect(res.status).toBe(202);
    expect(res.json()).toMatchObject({ jobid: doc.jobid, status: "0" });
    expect((await c.get(jobPath(doc))).status).toBe(400);
  });

  it("§1.1 cancel ends an unfinished job as CANCELED", async () => {
    const doc = (await submit(JOB("CANCELME", "//S1 EXEC PGM=IEFBR14\n"))).json();
    await c.put(jobPath(doc), { request: "cancel", version: "2.0" });
    expect((await c.get(jobPath(doc))).json()).toMatchObject({ status: "OUTPUT", retcode: "CANCELED" });
  });
});
