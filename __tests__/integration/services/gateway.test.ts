import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { start, type Emulator } from "../../../emulator";
import { exitCodeFor } from "../../../src/errors";
import { provision } from "../../../src/run/provision";
import { parseTopology, TopologyError, type Topology } from "../../../src/topology";
import { createZosmfClient, type ZosmfClient } from "../../../src/zosmf";
import { apply, plan } from "../provision/helpers";
import { verify } from "../../../src/run/verify";
import { operator, portlist, vipadcfg, writeListenerProc } from "./helpers";
import { parse as parseYaml } from "yaml";

/*
 * Zowe API ML gateways behind a Sysplex Distributor on two systems, with no Caching Service:
 * two gateways on SYSA share 7554, one runs on SYSB, and the DVIPA 192.0.2.20 distributes
 * 7554 to both stacks. The emulator serves each distributed DVIPA on a local port, so verify
 * reaches the gateway the way a client does.
 */

const GATEWAY = `gateway:
  dvipa: 192.0.2.20
  dvipaMask: 255.255.255.0
  hostname: gateway.example.com
  distributor: SYSA
  distributorBackup: SYSB
  zoweYaml: /global/zowe/zowe.yaml
  systems: [{ system: SYSA, jobname: ZWE1AG }, { system: SYSA, jobname: ZWE2AG }, { system: SYSB, jobname: ZWE3AG }]
`;

const dir = mkdtempSync(join(tmpdir(), "ha-gateway-int-"));
const twoSystem = readFileSync(join(__dirname, "../../../examples/two-system.yaml"), "utf8");
/** The two-system example with its HA sections replaced by `tail`. */
function write(name: string, tail: string): { file: string; t: Topology } {
  const text = twoSystem.replace(/^zosmfHa:[\s\S]*$/m, tail);
  const file = join(dir, name);
  writeFileSync(file, text);
  return { file, t: parseTopology(text, { fileName: file }) };
}

let emu: Emulator;
let client: ZosmfClient;

beforeAll(async () => {
  emu = await start({ tls: false, port: 0, systems: ["SYSA", "SYSB"], jobTiming: { inputMs: 5, activeMs: 20 }, dvipaListeners: true });
  const url = new URL(emu.url);
  client = createZosmfClient({
    hostname: url.hostname,
    port: Number(url.port),
    protocol: "http",
    user: emu.user,
    password: emu.password,
    retry: { attempts: 1 },
  });
});
afterAll(async () => {
  client.close();
  await emu.stop();
});

/** verify as a site runs it when the DVIPA's name is served elsewhere: --connect-to gateway.example.com:7554=<the emulator's DVIPA port>. */
async function verifyThroughDvipa(file: string) {
  await emu.settle();
  const url = new URL(emu.url);
  return verify({
    topologyFile: file,
    endpoints: { "gateway.example.com:7554": emu.dvipaUrls["192.0.2.20:7554"]! },
    connection: { hostname: url.hostname, port: Number(url.port), protocol: "http", user: emu.user, password: emu.password },
    systemTimeoutMs: 20_000,
  });
}

describe("Zowe gateways on one port behind a Sysplex Distributor", () => {
  const { file, t } = write("gateway.yaml", GATEWAY);

  it("the dry run shows the PORT and VIPADISTRIBUTE statements and the zowe.yaml diff, named gateway", async () => {
    const steps = await plan(client, t);
    const ids = steps.map((s) => s.id);
    expect(ids).toEqual(
      expect.arrayContaining([
        "port-sharing/reserve/SYSA",
        "distributed-services/distribute/SYSA",
        "distributed-services/distribute/SYSB",
        "caching-service/zowe-yaml",
      ]),
    );
    // One gateway on SYSB: nothing to share there.
    expect(ids).not.toContain("port-sharing/reserve/SYSB");
    const text = (id: string) => JSON.stringify(steps.find((s) => s.id === id)!.changes);
    expect(text("port-sharing/reserve/SYSA")).toMatch(/PORT +7554 TCP ZWE\?AG +SHAREPORT/);
    expect(text("distributed-services/distribute/SYSA")).toMatch(/VIPADEFINE .*192\.0\.2\.20/);
    expect(text("distributed-services/distribute/SYSA")).toMatch(/VIPADISTRIB[^"]*DISTMETHOD BASEWLM[^"]*192\.0\.2\.20[^"]*PORT 7554/);
    expect(text("distributed-services/distribute/SYSB")).toMatch(/VIPABACKUP .*192\.0\.2\.20/);
    expect(text("distributed-services/distribute/SYSA")).toContain("gateway");
    const diff = text("caching-service/zowe-yaml");
    // The Caching Service's storage is not this topology's business.
    expect(diff).not.toMatch(/storage/);
    expect(diff).toMatch(/-\s+- zowe\.example\.com/);
    expect(diff).toMatch(/\+\s+- gateway\.example\.com/);
    expect(emu.requestLog.writes.length).toBe(0);
  });

  it("apply puts the reservation and the distribution in force and writes the external address into zowe.yaml", async () => {
    const { outcomes } = await apply(await plan(client, t));
    for (const o of outcomes) expect(o.state, `${o.id}: ${o.error?.message} ${o.error?.details.join(" | ")}`).toBe("changed");
    const reserved = (await portlist(client, "SYSA")).filter((e) => e.port === 7554);
    expect(reserved.map((e) => e.user)).toEqual(["ZWE?AG"]);
    const cfg = await vipadcfg(client, "SYSA");
    expect(
      cfg.distributes
        .filter((d) => d.destAddress === "192.0.2.20" && d.destPort === 7554)
        .map((d) => d.destXcf)
        .sort(),
    ).toEqual(["198.51.100.1", "198.51.100.2"]);
    const zowe = emu.state.uss.files["/global/zowe/zowe.yaml"]!.content;
    expect(parseYaml(zowe).zowe.externalDomains).toEqual(["gateway.example.com"]);
    expect(zowe).toMatch(/^ {2}externalPort: 7554$/m);
    // Nothing left to do.
    for (const s of await plan(client, t)) expect(s.changes, `${s.id}: ${s.observed}`).toEqual([]);
  });

  it("verify: failed while no gateway listens, healthy once every gateway job listens on 7554", async () => {
    const before = await verifyThroughDvipa(file);
    const targets = before.checks.find((c) => c.id === "services.gateway.targets");
    expect(targets?.verdict).toBe("failed");

    await writeListenerProc(client, "ZWEAG", [7554]);
    expect(operator(emu, "SYSA", "S ZWEAG,JOBNAME=ZWE1AG").join("\n")).not.toMatch(/FAILED|ERROR/);
    expect(operator(emu, "SYSA", "S ZWEAG,JOBNAME=ZWE2AG").join("\n")).not.toMatch(/FAILED|ERROR/);
    expect(operator(emu, "SYSB", "S ZWEAG,JOBNAME=ZWE3AG").join("\n")).not.toMatch(/FAILED|ERROR/);
    const r = await verifyThroughDvipa(file);
    const gateway = r.checks.filter((c) => /^(ports|services)\.gateway\.|^gateway\./.test(c.id));
    expect(gateway.map((c) => c.id)).toEqual(
      expect.arrayContaining([
        "ports.gateway.reservation",
        "services.gateway.vipadcfg",
        "services.gateway.dvipa",
        "services.gateway.targets",
        "gateway.reachable.dvipa",
      ]),
    );
    expect(gateway.filter((c) => c.verdict !== "healthy").map((c) => `${c.id} ${c.system ?? ""}: ${c.reason}`)).toEqual([]);
  });

  it("a gateway on a system the topology does not define is refused before anything is sent (exit 3)", async () => {
    const bad = join(dir, "unknown-system.yaml");
    writeFileSync(bad, readFileSync(file, "utf8").replace("{ system: SYSB, jobname: ZWE3AG }", "{ system: SYSQ, jobname: ZWE3AG }"));
    const before = emu.requestLog.total;
    const url = new URL(emu.url);
    const connection = {
      hostname: url.hostname,
      port: Number(url.port),
      protocol: "http" as const,
      user: emu.user,
      password: emu.password,
    };
    const err = await provision({ topologyFile: bad, connection, dryRun: true, recordDir: join(dir, "runs") }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(TopologyError);
    expect(exitCodeFor(err)).toBe(3);
    expect((err as TopologyError).problems).toEqual([expect.objectContaining({ path: "gateway.systems[2].system" })]);
    expect(emu.requestLog.total).toBe(before);
  });
});
