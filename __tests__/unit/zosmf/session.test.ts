import nock from "nock";
import { describe, expect, it } from "vitest";
import { ZosmfError } from "../../../src/zosmf";
import { client, ORIGIN, rejection } from "./helpers";

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
