import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { connectionFor, verify } from "../../../src/run/verify";
import type { ZosmfConnection } from "../../../src/zosmf";
import { fakeClient, healthySysplex, type Call } from "./fake-sysplex";

const EXAMPLE = join(__dirname, "../../../examples/two-system.yaml");
const VERIFIED: ZosmfConnection = { hostname: "plex1.example.com", port: 443, protocol: "https", user: "IBMUSER", password: "secret" };
const UNVERIFIED: ZosmfConnection = { ...VERIFIED, rejectUnauthorized: false };

describe("connectionFor: certificate checking for a topology host", () => {
  it("keeps verification on when only the topology asks to turn it off", async () => {
    const conn = await connectionFor(
      { host: "sysb.example.com", rejectUnauthorized: false },
      { connection: VERIFIED, trustTopologyHosts: true },
    );
    expect(conn).toMatchObject({ hostname: "sysb.example.com", user: "IBMUSER", rejectUnauthorized: true });
  });

  it("keeps verification on when the command's connection says so explicitly", async () => {
    const conn = await connectionFor(
      { host: "sysb.example.com", rejectUnauthorized: false },
      { connection: { ...VERIFIED, rejectUnauthorized: true }, trustTopologyHosts: true },
    );
    expect(conn.rejectUnauthorized).toBe(true);
  });

  it("honours the topology's false when the user's own connection already has verification off", async () => {
    const conn = await connectionFor(
      { host: "sysb.example.com", rejectUnauthorized: false },
      { connection: UNVERIFIED, trustTopologyHosts: true },
    );
    expect(conn.rejectUnauthorized).toBe(false);
  });

  it("lets the topology turn verification back on", async () => {
    const conn = await connectionFor(
      { host: "sysb.example.com", rejectUnauthorized: true },
      { connection: UNVERIFIED, trustTopologyHosts: true },
    );
    expect(conn.rejectUnauthorized).toBe(true);
  });

  it("follows the user's own setting when the topology says nothing", async () => {
    expect((await connectionFor({ host: "sysb.example.com" }, { connection: VERIFIED, trustTopologyHosts: true })).rejectUnauthorized).toBe(
      true,
    );
    expect(
      (await connectionFor({ host: "sysb.example.com" }, { connection: UNVERIFIED, trustTopologyHosts: true })).rejectUnauthorized,
    ).toBe(false);
  });
});

describe("verify with a topology that asks to skip certificate checks", () => {
  it("builds the client for that host with verification on", async () => {
    const dir = mkdtempSync(join(tmpdir(), "ha-conn-"));
    const file = join(dir, "topology.yaml");
    const yaml = readFileSync(EXAMPLE, "utf8");
    const edited = yaml.replace(/(- name: SYSB[\s\S]*?connection: )\{\}/, "$1{ host: sysb.example.com, rejectUnauthorized: false }");
    expect(edited).not.toBe(yaml);
    writeFileSync(file, edited);

    const plex = healthySysplex();
    const calls: Call[] = [];
    const made: ZosmfConnection[] = [];
    await verify({
      topologyFile: file,
      connection: VERIFIED,
      trustTopologyHosts: true,
      systemTimeoutMs: 5_000,
      createClient: (conn) => {
        made.push(conn);
        return fakeClient(plex, calls);
      },
    });
    const sysb = made.find((c) => c.hostname === "sysb.example.com");
    expect(sysb).toBeDefined();
    expect(sysb!.rejectUnauthorized).toBe(true);
    expect(made.every((c) => c.rejectUnauthorized !== false)).toBe(true);
  });
});
