import nock from "nock";
import { describe, expect, it } from "vitest";
import { createZosmfClient, type ZosmfClient } from "../../../src/zosmf/index";
import { connection, netError, ORIGIN, PASSWORD, useNock, zosmf } from "./helpers";

function logged(): { client: ZosmfClient; lines: string[] } {
  const lines: string[] = [];
  // The logon attempt (404 here: no logon service) has its own line; these tests look at the others.
  const client = createZosmfClient(connection({ retry: { attempts: 1 } }), {
    log: { debug: (line) => (line.includes("/zosmf/services/authenticate") ? undefined : lines.push(line)) },
  });
  return { client, lines };
}
const BASIC = Buffer.from(`IBMUSER:${PASSWORD}`).toString("base64");

function expectClean(lines: readonly string[]): void {
  for (const line of lines) {
    expect(line).not.toContain(PASSWORD);
    expect(line).not.toContain(BASIC);
    expect(line).not.toMatch(/authorization|basic |cookie|x-csrf/i);
  }
}

describe("the diagnostic log of the z/OSMF client", () => {
  useNock();

  it("has one line per request: method, path, status and time, without credentials", async () => {
    zosmf().get("/zosmf/info").reply(200, { zosmf_version: "27" });
    const { client, lines } = logged();
    await client.info();
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^z\/OSMF GET \/zosmf\/info 200 \d+ ms$/);
    expectClean(lines);
    client.close();
  });

  it("names the path only when the URL carries a user, a password and a query", async () => {
    nock(ORIGIN).get("/zosmf/restfiles/ds").query(true).reply(200, { items: [] });
    const { client, lines } = logged();
    await client.http.get(`https://IBMUSER:${PASSWORD}@${new URL(ORIGIN).host}/zosmf/restfiles/ds?dslevel=X&password=${PASSWORD}`);
    expect(lines).toEqual([expect.stringMatching(/^z\/OSMF GET \/zosmf\/restfiles\/ds 200 \d+ ms$/)]);
    expectClean(lines);
    client.close();
  });

  it("logs a failed request by its status or network code, never by the error's text", async () => {
    zosmf()
      .get("/zosmf/restjobs/jobs")
      .query(true)
      .replyWithError(netError("ECONNRESET", `connect to IBMUSER:${PASSWORD}@host failed`));
    zosmf().get("/zosmf/info").reply(401, `password ${PASSWORD} was not accepted`);
    const { client, lines } = logged();
    await expect(client.jobs.list()).rejects.toThrow();
    await expect(client.info()).rejects.toThrow();
    expect(lines[0]).toMatch(/^z\/OSMF GET \/zosmf\/restjobs\/jobs no response \(ECONNRESET\) \d+ ms$/);
    expect(lines[1]).toMatch(/^z\/OSMF GET \/zosmf\/info 401 \d+ ms$/);
    expectClean(lines);
    client.close();
  });

  it("has one line per look at a job it waits for: the job, the look and the pause", async () => {
    const job = { jobname: "IZUMKF0A", jobid: "JOB00012" };
    zosmf()
      .get("/zosmf/restjobs/jobs/IZUMKF0A/JOB00012")
      .reply(200, { ...job, status: "ACTIVE" });
    zosmf()
      .get("/zosmf/restjobs/jobs/IZUMKF0A/JOB00012")
      .reply(200, { ...job, status: "OUTPUT", retcode: "CC 0000" });
    const { client, lines } = logged();
    await client.jobs.waitForOutput(job, { timeoutMs: 5_000, initialDelayMs: 1, maxDelayMs: 2 });
    const polls = lines.filter((l) => l.startsWith("poll "));
    expect(polls).toEqual([
      expect.stringMatching(/^poll job IZUMKF0A\(JOB00012\) status: look 1, not yet; next look in \d+ ms$/),
      "poll job IZUMKF0A(JOB00012) status: look 2, done",
    ]);
    expect(lines.filter((l) => l.startsWith("z/OSMF GET"))).toHaveLength(2);
    client.close();
  });
});
