import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { exitCodeFor } from "../../../src/errors";
import { anonymousInfo, endpointUrl, parseEndpointMap } from "../../../src/verify";

describe("the end-to-end look at the DVIPA", () => {
  it("sends no credentials to the host the topology names", async () => {
    const seen: IncomingHttpHeaders[] = [];
    const server = createServer((req, res) => {
      seen.push(req.headers);
      res.setHeader("content-type", "application/json");
      res.end(JSON.stringify({ zosmf_version: "27", zosmf_hostname: "plex.example.com" }));
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    try {
      const { port } = server.address() as AddressInfo;
      const url = endpointUrl("192.0.2.10", 443, parseEndpointMap([`192.0.2.10:443=http://127.0.0.1:${port}`]));
      const info = await anonymousInfo(url, { rejectUnauthorized: true });
      expect(info.zosmf_hostname).toBe("plex.example.com");
      expect(seen).toHaveLength(1);
      expect(seen[0]!.authorization).toBeUndefined();
      expect(seen[0]!.cookie).toBeUndefined();
    } finally {
      server.close();
    }
  });

  it("goes to https://host:port unless the command line redirects exactly that host and port", () => {
    const map = parseEndpointMap(["192.0.2.10:443=https://127.0.0.1:8443"]);
    expect(endpointUrl("plex.example.com", 443, map).toString()).toBe("https://plex.example.com/");
    expect(endpointUrl("192.0.2.10", 10443, map).toString()).toBe("https://192.0.2.10:10443/");
    expect(endpointUrl("192.0.2.10", 443, map).toString()).toBe("https://127.0.0.1:8443/");
  });

  it.each(["192.0.2.10=https://127.0.0.1:8443", "192.0.2.10:443=ftp://x", "192.0.2.10:443"])(
    "refuses --connect-to %s as bad input (exit 3)",
    (entry) => {
      let err: unknown;
      try {
        parseEndpointMap([entry]);
      } catch (e) {
        err = e;
      }
      expect(String(err)).toContain("HOST:PORT=URL");
      expect(exitCodeFor(err)).toBe(3);
    },
  );
});
