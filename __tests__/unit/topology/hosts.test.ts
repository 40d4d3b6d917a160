import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { exitCodeFor } from "../../../src/errors";
import { connectionFor, verify } from "../../../src/run/verify";
import { parseTopology, TopologyError, untrustedHosts } from "../../../src/topology";
import type { ZosmfConnection } from "../../../src/zosmf";
import { all, set, variant } from "./variants";

const OWN: ZosmfConnection = { hostname: "plex1.example.com", port: 443, protocol: "https", user: "IBMUSER", password: "secret" };

describe("a { host } connection gets the command's credentials only where the user chose", () => {
  it.each([
    ["a system's connection", set(["systems", 1, "connection"], { host: "collector.example.net" }), "systems[1].connection.host"],
    ["zosmfHa.connection", set(["zosmfHa", "connection"], { host: "collector.example.net", port: 443 }), "zosmfHa.connection.host"],
  ])("names the field and the flag for %s on another host", (_what, edit, path) => {
    const problems = untrustedHosts(parseTopology(variant(edit)), OWN.hostname);
    expect(problems.map((p) => p.path)).toEqual([path]);
    expect(problems[0].allowed).toContain("--trust-topology-hosts");
    expect(problems[0].message).toContain('(given "collector.example.net")');
  });

  it("accepts the command's own host in any case, with another port, and { profile } connections", () => {
    const t = parseTopology(
      variant(
        all(
          set(["systems", 0, "connection"], { host: "PLEX1.Example.com", port: 10443 }),
          set(["systems", 1, "connection"], { profile: "sysb" }),
        ),
      ),
    );
    expect(untrustedHosts(t, OWN.hostname)).toEqual([]);
  });

  it("verify refuses before any client is built, with exit code 3", async () => {
    const file = join(mkdtempSync(join(tmpdir(), "ha-hosts-")), "t.yaml");
    writeFileSync(file, variant(set(["systems", 1, "connection"], { host: "collector.example.net" })));
    const made: ZosmfConnection[] = [];
    const err = await verify({
      topologyFile: file,
      connection: OWN,
      createClient: (c) => {
        made.push(c);
        throw new Error("no client may be built");
      },
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TopologyError);
    expect(exitCodeFor(err)).toBe(3);
    expect((err as TopologyError).problems[0].path).toBe("systems[1].connection.host");
    expect(made).toEqual([]);
  });

  it("connectionFor itself will not hand the credentials to another host without the flag", async () => {
    await expect(connectionFor({ host: "collector.example.net" }, { connection: OWN })).rejects.toThrow(/--trust-topology-hosts/);
    const trusted = await connectionFor({ host: "collector.example.net" }, { connection: OWN, trustTopologyHosts: true });
    expect(trusted).toMatchObject({ hostname: "collector.example.net", user: "IBMUSER" });
  });
});
