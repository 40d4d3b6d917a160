import nock from "nock";
import { describe, expect, it } from "vitest";
import { createZosmfClient, ZosmfError } from "../../../src/zosmf";
import { client, connection, ORIGIN, rejection } from "./helpers";

const LOGON = "/zosmf/services/authenticate";
const cookie = (value: string) => ({ "Set-Cookie": [`LtpaToken2=${value}; Secure; HttpOnly; Path=/`] });

/** Own interceptors only: these tests are about the logon, so no shared "no logon service" answer. */
function zosmf(): nock.Scope {
  nock.cleanAll();
  return nock(ORIGIN);
}

describe("the z/OSMF session of one host", () => {
  it("renews a logon token that expired mid-run once, and sends the request again with the new one", async () => {
    const seen: string[] = [];
    zosmf()
      .post(LOGON)
      .reply(200, "", cookie("first"))
      .get("/zosmf/restjobs/jobs")
      .query(true)
      .reply(function () {
        seen.push(String(this.req.headers.cookie));
        return [200, []];
      })
      .get("/zosmf/restjobs/jobs")
      .query(true)
      .reply(function () {
        seen.push(String(this.req.headers.cookie));
        return [401, ""];
      })
      .post(LOGON)
      .reply(200, "", cookie("second"))
      .get("/zosmf/restjobs/jobs")
      .query(true)
      .reply(function () {
        seen.push(String(this.req.headers.cookie));
        return [200, []];
      })
      .delete(LOGON)
      .reply(204);
    const c = client();
    await c.jobs.list();
    await c.jobs.list();
    await c.close();
    expect(seen).toEqual(["LtpaToken2=first", "LtpaToken2=first", "LtpaToken2=second"]);
    expect(nock.isDone()).toBe(true);
  });

  it("does not renew a second time: a refused renewal ends the session with nothing more sent", async () => {
    zosmf().post(LOGON).reply(200, "", cookie("first")).get("/zosmf/info").reply(401, "").post(LOGON).reply(401, "");
    const c = client();
    const err = await rejection(c.info());
    expect(err).toBeInstanceOf(ZosmfError);
    expect((err as ZosmfError).kind).toBe("auth");
    // No interceptor is left: a further request would fail with a network error, not this refusal.
    expect((await rejection(c.info())).message).toMatch(/refused the credentials/);
  });
});

describe("a logon that fails on the network", () => {
  it("fails every request that waited on it: eight requests at once open one connection, not eight in turn", async () => {
    let logons = 0;
    zosmf()
      .post(LOGON)
      .times(8)
      .optionally()
      .replyWithError(Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" }))
      .on("request", () => (logons += 1));
    // A user of its own: a session is shared by every client of the same host and credentials.
    const c = client({ user: "NETUSER", retry: { attempts: 1, maxTotalMs: 1_000, minDelayMs: 1, maxDelayMs: 1 } });
    const errors = await Promise.all(Array.from({ length: 8 }, () => rejection(c.info())));
    expect(errors.map((e) => (e as ZosmfError).kind)).toEqual(Array(8).fill("unreachable"));
    expect(logons).toBe(1);
  });
});

describe("an interrupted run", () => {
  it("still logs off, so the logon token does not stay valid on z/OS", async () => {
    const loggedOff: string[] = [];
    zosmf()
      .post(LOGON)
      .reply(200, "", cookie("interrupted"))
      .get("/zosmf/info")
      .reply(200, {})
      .delete(LOGON)
      .reply(function () {
        loggedOff.push(String(this.req.headers.cookie));
        return [204, ""];
      });
    const interrupt = new AbortController();
    // A user of its own: a session is shared by every client of the same host and credentials.
    const c = createZosmfClient(connection({ user: "INTRUSER" }), { signal: interrupt.signal });
    await c.info();
    interrupt.abort(new Error("interrupted"));
    await c.close();
    expect(loggedOff).toEqual(["LtpaToken2=interrupted"]);
  });
});
