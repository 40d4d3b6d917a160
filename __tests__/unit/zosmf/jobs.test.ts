import nock from "nock";
import { describe, expect, it } from "vitest";
import { HaError } from "../../../src/errors";
import { createZosmfClient, JobWaitTimeoutError, SubmitOutcomeUnknownError, ZosmfError } from "../../../src/zosmf/index";
import { client, connection, netError, rejection, useNock, zosmf } from "./helpers";

const JCL = "//IZUSEC   JOB (ACCT),'HA SETUP',CLASS=A\n//* HA-TOKEN 7f3a\n//STEP1 EXEC PGM=IEFBR14\n";
const doc = (over: Record<string, unknown> = {}) => ({
  jobid: "JOB00042",
  jobname: "IZUSEC",
  owner: "IBMUSER",
  status: "INPUT",
  type: "JOB",
  class: "A",
  retcode: null,
  ...over,
});

describe("jobs: submit", () => {
  useNock();

  it("submits JCL text with the internal reader headers and one header per symbol", async () => {
    let headers: Record<string, unknown> = {};
    let body: unknown;
    zosmf()
      .put("/zosmf/restjobs/jobs")
      .reply(function (_uri, reqBody) {
        headers = this.req.headers;
        body = reqBody;
        return [201, doc()];
      });
    const job = await client().jobs.submitJcl(JCL, { symbols: { hlq: "SYS1", Vol: "VOL001" }, jobClass: "B" });
    expect(job).toMatchObject({ jobname: "IZUSEC", jobid: "JOB00042" });
    expect(body).toBe(JCL);
    expect(headers["content-type"]).toMatch(/^text\/plain/);
    expect(headers["x-ibm-intrdr-mode"]).toBe("TEXT");
    expect(headers["x-ibm-intrdr-lrecl"]).toBe("80");
    expect(headers["x-ibm-intrdr-recfm"]).toBe("F");
    expect(headers["x-ibm-intrdr-class"]).toBe("B");
    expect(headers["x-ibm-jcl-symbol-hlq"]).toBe("SYS1");
    expect(headers["x-ibm-jcl-symbol-vol"]).toBe("VOL001");
  });

  it("submits a library member as a JSON file reference", async () => {
    zosmf()
      .put("/zosmf/restjobs/jobs", { file: "//'HA.JCL(IZUMKFS)'" })
      .matchHeader("content-type", /application\/json/)
      .matchHeader("x-ibm-jcl-symbol-vol", "VOL001")
      .reply(201, doc({ jobname: "IZUMKFS" }));
    const job = await client().jobs.submitMember("ha.jcl", "izumkfs", { symbols: { VOL: "VOL001" } });
    expect(job.jobname).toBe("IZUMKFS");
  });

  it.each([
    ["503", (i: nock.Interceptor) => i.reply(503)],
    ["a reset socket", (i: nock.Interceptor) => i.replyWithError(netError("ECONNRESET", "socket hang up"))],
    ["a 201 without a job document", (i: nock.Interceptor) => i.reply(201, "<html>gateway</html>")],
    // The API ML gateway answers with a JSON body of its own; it is not JES refusing the job.
    [
      "a gateway 504 with its own JSON body",
      (i: nock.Interceptor) => i.reply(504, { messages: [{ messageContent: "ZWEAG510E Request timeout" }] }),
    ],
    ["a 500 whose body lacks z/OSMF's rc and category", (i: nock.Interceptor) => i.reply(500, { message: "Internal error" })],
  ])("never repeats a submit whose answer is lost to %s, and says the outcome is unknown", async (_name, answer) => {
    let calls = 0;
    const scope = answer(zosmf().put("/zosmf/restjobs/jobs").times(3));
    scope.on("request", () => calls++);
    const err = await rejection<SubmitOutcomeUnknownError>(client().jobs.submitJcl(JCL));
    expect(calls).toBe(1);
    expect(err).toBeInstanceOf(SubmitOutcomeUnknownError);
    expect(err.kind).toBe("submit-unknown");
    expect(err.jobname).toBe("IZUSEC");
    expect(err.failureClass).toBe("tool-failure");
    expect(err.message).toMatch(/may or may not have been submitted/);
    expect(err.hint).toMatch(/before submitting again/);
    nock.cleanAll();
  });

  it("never repeats a submit that timed out", async () => {
    let calls = 0;
    zosmf()
      .put("/zosmf/restjobs/jobs")
      .times(2)
      .delay(300)
      .reply(201, doc())
      .on("request", () => calls++);
    const err = await rejection<SubmitOutcomeUnknownError>(client({ requestTimeoutMs: 50 }).jobs.submitJcl(JCL));
    expect(err.kind).toBe("submit-unknown");
    expect(err.lostAs).toBe("timeout");
    expect(calls).toBe(1);
    nock.cleanAll();
  });

  it("a submit JES refused, or one that never connected, is a plain error: nothing was submitted", async () => {
    zosmf()
      .put("/zosmf/restjobs/jobs")
      .reply(400, { rc: 4, reason: 13, category: 6, message: "Job input was not recognized by system as a job" })
      .put("/zosmf/restjobs/jobs")
      .replyWithError(netError("ECONNREFUSED"));
    const c = client();
    const refused = await rejection(c.jobs.submitJcl(JCL));
    expect(refused).not.toBeInstanceOf(SubmitOutcomeUnknownError);
    expect(refused.kind).toBe("rejected");
    expect(refused.message).toContain("Job input was not recognized by system as a job");
    const unreachable = await rejection(c.jobs.submitJcl(JCL));
    expect(unreachable).not.toBeInstanceOf(SubmitOutcomeUnknownError);
    expect(unreachable.kind).toBe("unreachable");
  });

  it("rejects bad symbols and over-long JCL lines before sending anything", async () => {
    const c = client();
    await expect(c.jobs.submitJcl(JCL, { symbols: { "BAD NAME": "x" } })).rejects.toThrow(/not a valid JCL symbol name/);
    await expect(c.jobs.submitJcl(JCL, { symbols: { OK: "a\r\nX-Other: y" } })).rejects.toThrow(/line breaks/);
    const err = await rejection(c.jobs.submitJcl(`//LONG JOB\n//S EXEC PGM=X,PARM='${"A".repeat(80)}'\n`));
    expect(err).toBeInstanceOf(HaError);
    expect(err.failureClass).toBe("invalid-input");
    expect(err.message).toMatch(/line 2 is longer than 80/);
  });
});

describe("jobs: queries", () => {
  useNock();

  it("gets one job's status", async () => {
    zosmf()
      .get("/zosmf/restjobs/jobs/IZUSEC/JOB00042")
      .reply(200, doc({ status: "OUTPUT", retcode: "CC 0004" }));
    expect(await client().jobs.status("izusec", "job00042")).toMatchObject({ status: "OUTPUT", retcode: "CC 0004" });
  });

  it("lists jobs by owner and prefix", async () => {
    zosmf()
      .get("/zosmf/restjobs/jobs")
      .query({ owner: "IBMUSER", prefix: "IZU*", "max-jobs": "50" })
      .reply(200, [doc(), doc({ jobid: "JOB00043" })]);
    const jobs = await client().jobs.list({ owner: "IBMUSER", prefix: "IZU*", maxJobs: 50 });
    expect(jobs.map((j) => j.jobid)).toEqual(["JOB00042", "JOB00043"]);
  });

  it("lists spool files and reads one as text even when it looks like JSON", async () => {
    zosmf()
      .get("/zosmf/restjobs/jobs/IZUSEC/JOB00042/files")
      .reply(200, [{ id: 2, ddname: "JESMSGLG", stepname: "JES2", procstep: null, "record-count": 20 }])
      .get("/zosmf/restjobs/jobs/IZUSEC/JOB00042/files/2/records")
      .reply(200, '{"not":"json to us"}\n', { "Content-Type": "application/json" });
    const c = client();
    const job = { jobname: "IZUSEC", jobid: "JOB00042" };
    expect((await c.jobs.spoolFiles(job))[0]).toMatchObject({ id: 2, ddname: "JESMSGLG" });
    expect(await c.jobs.readSpool(job, 2)).toBe('{"not":"json to us"}\n');
  });

  it("reads the submitted JCL", async () => {
    zosmf().get("/zosmf/restjobs/jobs/IZUSEC/JOB00042/files/JCL/records").reply(200, JCL);
    expect(await client().jobs.readJcl({ jobname: "IZUSEC", jobid: "JOB00042" })).toBe(JCL);
  });

  it("a malformed job document is an unexpected-response error naming the request", async () => {
    zosmf().get("/zosmf/restjobs/jobs/IZUSEC/JOB00042").reply(200, { jobname: "IZUSEC" });
    const err = await rejection(client().jobs.status("IZUSEC", "JOB00042"));
    expect(err).toBeInstanceOf(ZosmfError);
    expect(err.kind).toBe("unexpected-response");
    expect(err.message).toMatch(/GET \/zosmf\/restjobs\/jobs\/IZUSEC\/JOB00042.*jobid/);
  });

  it("findSubmitted returns only the job whose JCL carries the token", async () => {
    zosmf()
      .get("/zosmf/restjobs/jobs")
      .query({ owner: "IBMUSER", prefix: "IZUSEC", "max-jobs": "1000" })
      .reply(200, [
        doc({ jobid: "JOB00040" }),
        doc({ jobid: "JOB00041" }),
        doc({ jobid: "JOB00042" }),
        doc({ jobname: "IZUSECX", jobid: "JOB00050" }),
      ])
      .get("/zosmf/restjobs/jobs/IZUSEC/JOB00040/files/JCL/records")
      .reply(200, JCL.replace("7f3a", "0000"))
      .get("/zosmf/restjobs/jobs/IZUSEC/JOB00041/files/JCL/records")
      .reply(400, { rc: 4, reason: 10, category: 6, message: "No job found for reference: 'IZUSEC(JOB00041)'" })
      .get("/zosmf/restjobs/jobs/IZUSEC/JOB00042/files/JCL/records")
      .reply(200, JCL);
    const found = await client().jobs.findSubmitted({ jobname: "IZUSEC", owner: "IBMUSER", token: "HA-TOKEN 7f3a" });
    expect(found.map((j) => j.jobid)).toEqual(["JOB00042"]);
  });
});

describe("jobs: waitForOutput", () => {
  useNock();

  it("polls with growing gaps until OUTPUT and reports the poll count", async () => {
    let looks = 0;
    const statuses = ["INPUT", "ACTIVE", "ACTIVE", "ACTIVE", "OUTPUT"];
    zosmf()
      .get("/zosmf/restjobs/jobs/IZUSEC/JOB00042")
      .times(statuses.length)
      .reply(() => {
        const status = statuses[looks++];
        return [200, doc({ status, retcode: status === "OUTPUT" ? "CC 0000" : null })];
      });
    // The pauses the poller plans, read from its log: the policy, not this machine's speed.
    const lines: string[] = [];
    const c = createZosmfClient(connection(), { log: { debug: (line) => lines.push(line) } });
    try {
      const out = await c.jobs.waitForOutput(
        { jobname: "IZUSEC", jobid: "JOB00042" },
        { timeoutMs: 10_000, initialDelayMs: 40, maxDelayMs: 1_000 },
      );
      expect(out.job.retcode).toBe("CC 0000");
      expect(out.polls).toBe(5);
    } finally {
      await c.close();
    }
    const pauses = lines
      .map((l) => /next look in (\d+) ms/.exec(l)?.[1])
      .filter((p): p is string => p !== undefined)
      .map(Number);
    expect(pauses).toHaveLength(4);
    expect(pauses[0]).toBeGreaterThanOrEqual(40);
    for (let i = 1; i < pauses.length; i++) expect(pauses[i]).toBeGreaterThan(pauses[i - 1]!);
  });

  it("times out with an error naming the job, without busy-waiting", async () => {
    let polls = 0;
    zosmf()
      .get("/zosmf/restjobs/jobs/IZUSEC/JOB00042")
      .times(100)
      .reply(() => {
        polls++;
        return [200, doc({ status: "ACTIVE" })];
      });
    const err = await rejection<JobWaitTimeoutError>(
      client().jobs.waitForOutput({ jobname: "IZUSEC", jobid: "JOB00042" }, { timeoutMs: 300, initialDelayMs: 20, maxDelayMs: 100 }),
    );
    expect(err).toBeInstanceOf(JobWaitTimeoutError);
    expect(err.message).toContain("IZUSEC(JOB00042)");
    expect(err.message).toMatch(/last status ACTIVE/);
    expect(err.polls).toBe(polls);
    // A busy wait would look hundreds of times in 300 ms; the back-off looks a handful.
    expect(polls).toBeLessThan(10);
    nock.cleanAll();
  });
});
