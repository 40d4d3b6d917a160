import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Emulator } from "../../../emulator";
import { start } from "../../../emulator";
import { client, JOB, startPlain, type Client } from "./helpers";

let em: Emulator;
let c: Client;
beforeAll(async () => {
  em = await startPlain({ perSystemListeners: true });
  c = client(em);
});
afterAll(async () => {
  await em.stop();
});

describe("control API", () => {
  it("control: a state dump restores to the same state", async () => {
    const before = (await c.control("GET", "state")).json();
    await c.put("/zosmf/restfiles/ds/SYS1.PARMLIB(IZUPRM0B)", "HOSTNAME('*')\n");
    expect(em.state.datasets["SYS1.PARMLIB"]).toHaveProperty(["members", "IZUPRM0B"]);
    expect((await c.control("PUT", "state", before)).status).toBe(200);
    expect((await c.control("GET", "state")).json()).toEqual(before);
    expect((await c.get("/zosmf/restfiles/ds/SYS1.PARMLIB(IZUPRM0B)")).status).toBe(404);
  });

  it("control: a system taken down refuses connections on its own z/OSMF and comes back", async () => {
    const sysb = em.systemUrls.SYSB;
    expect((await fetch(`${sysb}/zosmf/info`)).status).toBe(200);
    await c.control("POST", "system/SYSB/down");
    expect(em.state.systems.SYSB.up).toBe(false);
    await expect(fetch(`${sysb}/zosmf/info`)).rejects.toThrow();
    expect((await fetch(`${em.url}/zosmf/info`)).status).toBe(200);
    await c.control("POST", "system/SYSB/up");
    expect((await fetch(`${sysb}/zosmf/info`)).status).toBe(200);
  });

  it("control: the request log lists writes, submits and console commands, and a read-only run adds none", async () => {
    await c.control("DELETE", "log");
    await c.get("/zosmf/restfiles/ds/SYS1.PARMLIB(IZUPRM00)");
    await c.get("/zosmf/restfiles/ds?dslevel=SYS1");
    const readOnly = (await c.control("GET", "log")).json();
    expect(readOnly).toMatchObject({ writes: [], submits: [], consoleCommands: [] });
    expect(readOnly.counts["GET ds.read"]).toBe(1);
    await c.put("/zosmf/restfiles/ds/TCPIP.HA.OBEY(SYSA)", "VIPADYNAMIC\nENDVIPADYNAMIC\n");
    await c.put("/zosmf/restjobs/jobs", JOB("LOGGED", "//S1 EXEC PGM=IEFBR14\n"));
    const log = em.requestLog;
    expect(log.writes.map((w) => w.target)).toEqual(["/zosmf/restfiles/ds/TCPIP.HA.OBEY(SYSA)"]);
    expect(log.submits.map((s) => s.jobname)).toEqual(["LOGGED"]);
  });

  it("control: reset brings back the seeded state", async () => {
    await c.put("/zosmf/restfiles/ds/TCPIP.HA.OBEY(JUNK)", "X\n");
    await c.control("POST", "reset");
    expect(em.state.datasets["TCPIP.HA.OBEY"]).toMatchObject({ members: {} });
    expect(em.state.jobs).toEqual([]);
  });

  it("control: the same seed and requests give the same ids and ETags", async () => {
    const runs = [];
    for (let i = 0; i < 2; i++) {
      const e = await start({ tls: false, seed: 42, manualClock: true });
      const k = client(e);
      const job = (await k.put("/zosmf/restjobs/jobs", JOB("DET", "//S1 EXEC PGM=IEFBR14\n"))).json();
      const etag = (await k.put("/zosmf/restfiles/ds/SYS1.PARMLIB(X)", "A\n")).headers.get("etag");
      runs.push([job.jobid, job["job-correlator"], etag]);
      await e.stop();
    }
    expect(runs[0]).toEqual(runs[1]);
  });
});
