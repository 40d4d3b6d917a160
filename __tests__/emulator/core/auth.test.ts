import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Emulator } from "../../../emulator";
import { client, startPlain } from "./helpers";

let em: Emulator;
beforeAll(async () => {
  em = await startPlain({ perSystemListeners: true });
});
afterAll(async () => {
  await em.stop();
});

describe("authentication and info", () => {
  it("§4.2 refuses a request without credentials with 401", async () => {
    const res = await client(em).request("GET", "/zosmf/restjobs/jobs", { auth: false });
    expect(res.status).toBe(401);
  });

  it("§4.2 refuses a wrong password with 401", async () => {
    const bad = `Basic ${Buffer.from("IBMUSER:WRONG").toString("base64")}`;
    const res = await client(em).request("GET", "/zosmf/restjobs/jobs", { auth: false, headers: { Authorization: bad } });
    expect(res.status).toBe(401);
  });

  it("§4.2 login sets LtpaToken2 and jwtToken cookies that authenticate later requests; logout is 204", async () => {
    const c = client(em);
    const login = await c.post("/zosmf/services/authenticate");
    expect(login.status).toBe(200);
    const cookies = login.headers.getSetCookie();
    expect(cookies.some((v) => /^LtpaToken2=.+; Secure; HttpOnly; Path=\//.test(v))).toBe(true);
    expect(cookies.some((v) => /^jwtToken=.+; Secure; HttpOnly; Path=\//.test(v))).toBe(true);
    const ltpa = cookies.find((v) => v.startsWith("LtpaToken2="))!.split(";")[0];
    const withCookie = await c.request("GET", "/zosmf/restjobs/jobs", { auth: false, headers: { Cookie: ltpa } });
    expect(withCookie.status).toBe(200);
    const logout = await c.request("DELETE", "/zosmf/services/authenticate", { auth: false, headers: { Cookie: ltpa } });
    expect(logout.status).toBe(204);
    const after = await c.request("GET", "/zosmf/restjobs/jobs", { auth: false, headers: { Cookie: ltpa } });
    expect(after.status).toBe(401);
  });

  it("§4.2 refuses a non-GET request without X-CSRF-ZOSMF-HEADER with the IZUG846W document", async () => {
    const res = await client(em).request("PUT", "/zosmf/restconsoles/consoles/defcn", { body: { cmd: "D T" }, csrf: false });
    expect(res.status).toBe(403);
    expect(res.json().errorID).toBe("IZUG846W");
    expect(res.json().errorMsg).toMatch(/^IZUG846W: An HTTP request for a z\/OSMF REST service was received from a remote site/);
  });

  it("§4.2 lets a GET through without the CSRF header by default", async () => {
    const res = await client(em).request("GET", "/zosmf/restjobs/jobs", { csrf: false });
    expect(res.status).toBe(200);
  });

  it("§4.1 answers /zosmf/info without authentication, all values strings", async () => {
    const res = await client(em).request("GET", "/zosmf/info", { auth: false });
    expect(res.status).toBe(200);
    const info = res.json();
    for (const key of [
      "zosmf_saf_realm",
      "zosmf_port",
      "zosmf_full_version",
      "api_version",
      "zos_version",
      "zosmf_version",
      "zosmf_hostname",
    ]) {
      expect(typeof info[key]).toBe("string");
    }
    expect(info.zosmf_port).toBe(new URL(em.url).port);
  });

  it("§4.1 a system's own z/OSMF answers with that system's name", async () => {
    const res = await client(em).request("GET", "/zosmf/info", { auth: false, base: em.systemUrls.SYSB });
    expect(res.json().zosmf_hostname).toBe("SYSB");
  });
});

describe("CSRF on every request", () => {
  it("§4.2 with csrf 'all' a GET without the header is refused too", async () => {
    const strict = await startPlain({ csrf: "all" });
    try {
      const res = await client(strict).request("GET", "/zosmf/restjobs/jobs", { csrf: false });
      expect(res.status).toBe(403);
    } finally {
      await strict.stop();
    }
  });
});
