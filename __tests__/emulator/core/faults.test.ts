import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Emulator } from "../../../emulator";
import { client, finishJobs, JOB, startPlain, type Client } from "./helpers";

let em: Emulator;
let c: Client;
beforeAll(async () => {
  em = await startPlain();
  c = client(em);
});
afterAll(async () => {
  await em.stop();
});

describe("faults", () => {
  it("faults: a one-shot 503 on one endpoint kind is used once", async () => {
    await c.control("PUT", "faults", { rules: [{ kind: "status", status: 503, match: "jobs.list", count: 1 }] });
    expect((await c.get("/zosmf/restjobs/jobs")).status).toBe(503);
    expect((await c.get("/zosmf/restjobs/jobs")).status).toBe(200);
    expect((await c.control("GET", "faults")).json().rules).toEqual([]);
  });

  it("faults: a connection reset reaches the client as a network error", async () => {
    await c.control("POST", "faults", { kind: "reset", match: "info", count: 1 });
    await expect(c.get("/zosmf/info")).rejects.toThrow();
    expect((await c.get("/zosmf/info")).status).toBe(200);
  });

  it("faults: a hang leaves the request unanswered until the client gives up", async () => {
    await c.control("POST", "faults", { kind: "hang", match: "GET ds.list", count: 1 });
    await expect(fetch(`${em.url}/zosmf/restfiles/ds?dslevel=SYS1`, { signal: AbortSignal.timeout(200) })).rejects.toThrow();
  });

  it("§1.2 faults: a lost submit response still queues the job", async () => {
    await c.control("POST", "faults", { kind: "lostResponse", match: "jobs.submit", count: 1 });
    await expect(c.put("/zosmf/restjobs/jobs", JOB("LOSTRESP", "//S1 EXEC PGM=IEFBR14\n"))).rejects.toThrow();
    const jobs = (await c.get("/zosmf/restjobs/jobs?prefix=LOSTRESP")).json();
    expect(jobs).toHaveLength(1);
  });

  it("§1.3 faults: a job fails by RC, ABEND or JCL ERROR, matched by job name, without running its steps", async () => {
    let ran = 0;
    em.programs.COUNT = () => {
      ran++;
      return { completion: { cc: 0 }, outputs: {} };
    };
    await c.control("PUT", "faults", {
      rules: [
        { kind: "jobFail", match: "FAILRC", cc: 12, count: 1 },
        { kind: "jobFail", match: "FAILAB*", abend: "S0C4", count: 1 },
        { kind: "jobFail", match: "FAILJCL", jclError: true, count: 1 },
        { kind: "jobNeverEnds", match: "FOREVER", count: 1 },
      ],
    });
    const ids: Record<string, { jobname: string; jobid: string }> = {};
    for (const name of ["FAILRC", "FAILABX", "FAILJCL", "FOREVER"])
      ids[name] = (await c.put("/zosmf/restjobs/jobs", JOB(name, "//S1 EXEC PGM=COUNT\n"))).json();
    await finishJobs(c, 100_000);
    const status = async (name: string) => (await c.get(`/zosmf/restjobs/jobs/${ids[name].jobname}/${ids[name].jobid}`)).json();
    expect((await status("FAILRC")).retcode).toBe("CC 0012");
    expect((await status("FAILABX")).retcode).toBe("ABEND S0C4");
    expect((await status("FAILJCL")).retcode).toBe("JCL ERROR");
    expect(await status("FOREVER")).toMatchObject({ status: "ACTIVE", retcode: null });
    expect(ran).toBe(0);
  });

  it("§2.2 faults: a member changed behind the client's back moves its ETag (412 on the stale one)", async () => {
    const read = await c.get("/zosmf/restfiles/ds/SYS1.PARMLIB(IZUPRM00)", { "X-IBM-Return-Etag": "true" });
    const changed = await c.control("PUT", "ds/SYS1.PARMLIB(IZUPRM00)", "HOSTNAME('OTHER')\n");
    expect(changed.status).toBe(200);
    const write = await c.put("/zosmf/restfiles/ds/SYS1.PARMLIB(IZUPRM00)", "HOSTNAME('MINE')\n", {
      "If-Match": read.headers.get("etag")!,
    });
    expect(write.status).toBe(412);
    expect((await c.get("/zosmf/restfiles/ds/SYS1.PARMLIB(IZUPRM00)")).text).toBe("HOSTNAME('OTHER')\n");
  });

  it("§3.3 faults: a console response split into pieces, or delayed entirely to the follow-ups", async () => {
    em.context.operator.routesCommands = false;
    em.context.operator.issueCommand = () => ({ lines: ["AAA001I ONE", "  TWO", "  THREE", "  FOUR"] });
    await c.control("PUT", "faults", {
      rules: [
        { kind: "consoleSplit", pieces: 2, count: 1 },
        { kind: "consoleDelay", match: "D LATE", count: 1 },
      ],
    });
    const split = (await c.put("/zosmf/restconsoles/consoles/defcn", { cmd: "D X" })).json();
    expect(split["cmd-response"]).toBe(" AAA001I ONE\r  TWO");
    expect((await c.get(split["cmd-response-uri"])).json()["cmd-response"]).toBe("  THREE\r  FOUR");
    const late = (await c.put("/zosmf/restconsoles/consoles/defcn", { cmd: "D LATE" })).json();
    expect(late["cmd-response"]).toBe("");
    expect((await c.get(late["cmd-response-uri"])).json()["cmd-response"]).toMatch(/AAA001I ONE/);
  });
});
