import { writeFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import nock from "nock";
import { describe, expect, it } from "vitest";
import { HaError } from "../../../src/errors";
import { createZosmfClient, parseRetryAfter, ZosmfError, type RequestEvent } from "../../../src/zosmf/index";
import { client, connection, FAST_RETRY, HOST, netError, PASSWORD, PORT, rejection, useNock, zosmf } from "./helpers";

describe("connection and headers", () => {
  useNock();

  it("sends basic credentials and the CSRF header, under the API ML base path", async () => {
    let headers: Record<string, unknown> = {};
    nock(`https://${HOST}:${PORT}`)
      .get("/ibmzosmf/api/v1/zosmf/info")
      .reply(function () {
        headers = this.req.headers;
        return [200, { zosmf_version: "27", api_version: "1" }];
      });
    const info = await client({ basePath: "/ibmzosmf/api/v1/" }).info();
    expect(info.zosmf_version).toBe("27");
    expect(headers["x-csrf-zosmf-header"]).toBe("true");
    expect(headers["authorization"]).toBe(`Basic ${Buffer.from(`IBMUSER:${PASSWORD}`).toString("base64")}`);
  });

  it("sends a token as a cookie instead of basic credentials when both are given", async () => {
    let headers: Record<string, unknown> = {};
    zosmf()
      .get("/zosmf/info")
      .reply(function () {
        headers = this.req.headers;
        return [200, {}];
      });
    await client({ tokenType: "jwtToken", tokenValue: "eyJabc" }).info();
    expect(headers["cookie"]).toBe("jwtToken=eyJabc");
    expect(headers["authorization"]).toBeUndefined();
    expect(headers["x-csrf-zosmf-header"]).toBe("true");
  });

  it("sends the CSRF header on writes too", async () => {
    zosmf().matchHeader("x-csrf-zosmf-header", "true").delete("/zosmf/restfiles/ds/HA.JCL(OLD)").reply(204);
    await client().files.deleteMember("ha.jcl", "old");
  });

  it("names what is missing when no credentials are complete", () => {
    const noPassword = () => createZosmfClient(connection({ password: undefined }));
    expect(noPassword).toThrow(HaError);
    expect(noPassword).toThrow(/password missing/);
    expect(() => createZosmfClient(connection({ user: undefined, password: undefined }))).toThrow(/user and password/);
    try {
      noPassword();
    } catch (err) {
      expect((err as HaError).failureClass).toBe("invalid-input");
    }
  });

  it("refuses an unsupported token type", () => {
    expect(() => createZosmfClient(connection({ tokenType: "SessionCookie", tokenValue: "x" }))).toThrow(
      /Unsupported tokenType 'SessionCookie'.*LtpaToken2/,
    );
  });

  it("requires the key file with a client certificate and reports unreadable files", () => {
    const dir = mkdtempSync(join(tmpdir(), "zosmf-cert-"));
    const cert = join(dir, "cert.pem");
    writeFileSync(cert, "-----BEGIN CERTIFICATE-----\n");
    const base = { user: undefined, password: undefined };
    expect(() => createZosmfClient(connection({ ...base, certFile: cert }))).toThrow(/certKeyFile/);
    expect(() => createZosmfClient(connection({ ...base, certFile: cert, certKeyFile: join(dir, "missing.pem") }))).toThrow(
      /missing\.pem.*ENOENT/,
    );
  });

  it("reports each exchange to onRequest with its attempt number", async () => {
    const events: RequestEvent[] = [];
    zosmf().get("/zosmf/info").reply(503).get("/zosmf/info").reply(200, {});
    await client({}, events).info();
    expect(events.filter((e) => e.path !== "/zosmf/services/authenticate").map((e) => [e.method, e.path, e.status, e.attempt])).toEqual([
      ["GET", "/zosmf/info", 503, 1],
      ["GET", "/zosmf/info", 200, 2],
    ]);
    expect(events.every((e) => e.ms >= 0)).toBe(true);
  });
});

describe("errors", () => {
  useNock();

  it("401 explains credentials and never carries the password or the Authorization header", async () => {
    zosmf().get("/zosmf/restjobs/jobs/IZUSEC/JOB00001").reply(401, "<html>Unauthorized</html>");
    const err = await rejection(client().jobs.status("IZUSEC", "JOB00001"));
    expect(err).toBeInstanceOf(ZosmfError);
    expect(err.kind).toBe("auth");
    expect(err.status).toBe(401);
    expect(err.failureClass).toBe("tool-failure");
    expect(err.message).toMatch(/GET \/zosmf\/restjobs\/jobs\/IZUSEC\/JOB00001/);
    expect(err.hint).toMatch(/user name and password/);
    const basic = Buffer.from(`IBMUSER:${PASSWORD}`).toString("base64");
    for (const text of [err.message, JSON.stringify(err), String(err.stack), JSON.stringify(err.details)]) {
      expect(text).not.toContain(PASSWORD);
      expect(text).not.toContain(basic);
      expect(text.toLowerCase()).not.toContain("authorization");
    }
  });

  it("401 with a token suggests the token may have expired", async () => {
    zosmf().get("/zosmf/info").reply(401);
    const err = await rejection(client({ tokenType: "LtpaToken2", tokenValue: "tok-value-123" }).info());
    expect(err.hint).toMatch(/LtpaToken2 token .*expired/);
    expect(JSON.stringify(err) + err.message).not.toContain("tok-value-123");
  });

  it("403 IZUG846W points at the CSRF header", async () => {
    zosmf().put("/zosmf/restfiles/ds/HA.PARMLIB(IZUPRM0A)").reply(403, {
      errorID: "IZUG846W",
      errorMsg: "IZUG846W: An HTTP request for a z/OSMF REST service was received from a remote site.",
    });
    const err = await rejection(client().files.write("HA.PARMLIB", "IZUPRM0A", "HOSTNAME('*')\n"));
    expect(err.kind).toBe("csrf");
    expect(err.hint).toMatch(/X-CSRF-ZOSMF-HEADER/);
    expect(err.report.errorId).toBe("IZUG846W");
  });

  it("connection refused names host and port", async () => {
    zosmf().get("/zosmf/info").times(3).replyWithError(netError("ECONNREFUSED", "connect ECONNREFUSED"));
    const err = await rejection(client().info());
    expect(err.kind).toBe("unreachable");
    expect(err.code).toBe("ECONNREFUSED");
    expect(err.hint).toContain(`${HOST}:${PORT}`);
    expect(err.hint).toMatch(/hostname and port/);
  });

  it("an untrusted certificate points at the CA and --reject-unauthorized, as a Zowe user gives them, and is not retried", async () => {
    zosmf().get("/zosmf/info").replyWithError(netError("SELF_SIGNED_CERT_IN_CHAIN", "self-signed certificate in certificate chain"));
    const err = await rejection(client().info());
    expect(err.kind).toBe("tls");
    expect(err.hint).toMatch(/NODE_EXTRA_CA_CERTS=ca\.pem/);
    expect(err.hint).toMatch(/--reject-unauthorized false/);
  });

  it("a request timeout says so and names the limit", async () => {
    zosmf().get("/zosmf/info").times(2).delay(300).reply(200, {});
    const err = await rejection(client({ requestTimeoutMs: 50, retry: { attempts: 2, minDelayMs: 1, maxDelayMs: 1 } }).info());
    expect(err.kind).toBe("timeout");
    expect(err.message).toMatch(/within 50 ms/);
    expect(err.hint).toMatch(/--completion-timeout/);
  });

  it("keeps z/OSMF's rc, reason, category, message and details but drops the stack", async () => {
    zosmf()
      .get("/zosmf/restjobs/jobs/ATLJ5000/JOB21489")
      .reply(400, {
        rc: 4,
        reason: 10,
        category: 6,
        message: "No job found for reference: 'ATLJ5000(JOB21489)'",
        details: ["more detail"],
        stack: "JesException: CATEGORY_SERVICE rc=4 reason=10",
      });
    const err = await rejection(client().jobs.status("ATLJ5000", "JOB21489"));
    expect(err.kind).toBe("rejected");
    expect(err.report).toEqual({
      rc: 4,
      reason: 10,
      category: 6,
      message: "No job found for reference: 'ATLJ5000(JOB21489)'",
      details: ["more detail"],
    });
    expect(err.message).toContain("No job found for reference: 'ATLJ5000(JOB21489)'");
    expect(err.details).toContain("rc=4 reason=10 category=6");
    expect(JSON.stringify(err)).not.toContain("JesException");
  });
});

describe("retries", () => {
  useNock();

  it("retries a GET after a connection reset and returns the answer", async () => {
    zosmf().get("/zosmf/info").replyWithError(netError("ECONNRESET", "socket hang up")).get("/zosmf/info").reply(200, { api_version: "1" });
    expect((await client().info()).api_version).toBe("1");
  });

  it("retries a GET after 503", async () => {
    zosmf().get("/zosmf/info").reply(503).get("/zosmf/info").reply(200, { api_version: "1" });
    expect((await client().info()).api_version).toBe("1");
  });

  it("waits at least as long as Retry-After asks", async () => {
    const at: number[] = [];
    zosmf()
      .get("/zosmf/info")
      .reply(() => {
        at.push(Date.now());
        return [429, "", { "Retry-After": "1" }];
      })
      .get("/zosmf/info")
      .reply(() => {
        at.push(Date.now());
        return [200, {}];
      });
    await client().info();
    expect(at).toHaveLength(2);
    expect(at[1]! - at[0]!).toBeGreaterThanOrEqual(1000);
  });

  it("gives up at once when Retry-After is beyond the time budget", async () => {
    zosmf().get("/zosmf/info").reply(503, "", { "Retry-After": "120" });
    const err = await rejection(client({ retry: { ...FAST_RETRY, maxTotalMs: 5_000 } }).info());
    expect(err.kind).toBe("server");
    expect(err.retryAfterMs).toBe(120_000);
  });

  it("stops at the attempt bound", async () => {
    let calls = 0;
    zosmf()
      .get("/zosmf/info")
      .times(5)
      .reply(() => {
        calls++;
        return [503, ""];
      });
    const err = await rejection(client({ retry: { ...FAST_RETRY, attempts: 3 } }).info());
    expect(calls).toBe(3);
    expect(err.status).toBe(503);
    expect(err.attempts).toBe(3);
    expect(err.message).toMatch(/after 3 attempts/);
    nock.cleanAll();
  });

  it("does not retry a 404 or a 500", async () => {
    zosmf()
      .get("/zosmf/restjobs/jobs/A/JOB1")
      .reply(404)
      .get("/zosmf/restjobs/jobs/B/JOB2")
      .reply(500, { rc: 0, reason: 8, category: 8, message: "Failed to lookup job" });
    const c = client();
    expect((await rejection(c.jobs.status("A", "JOB1"))).kind).toBe("not-found");
    const err = await rejection(c.jobs.status("B", "JOB2"));
    expect(err.kind).toBe("server");
    expect(err.failureClass).toBe("zos-failure");
  });

  it("reads Retry-After as seconds or as an HTTP date", () => {
    const now = Date.parse("Sun, 22 Nov 2026 03:00:00 GMT");
    expect(parseRetryAfter("3", now)).toBe(3000);
    expect(parseRetryAfter("Sun, 22 Nov 2026 03:00:05 GMT", now)).toBe(5000);
    expect(parseRetryAfter("Sun, 22 Nov 2026 02:59:00 GMT", now)).toBe(0);
    expect(parseRetryAfter("soon", now)).toBeUndefined();
  });
});
