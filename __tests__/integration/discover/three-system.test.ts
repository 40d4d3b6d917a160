import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Emulator } from "../../../emulator";
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { parse, stringify } from "yaml";
import type { DraftTodo } from "../../../src/discover";
import { parseTopology, type Topology } from "../../../src/topology";
import type { ZosmfClient } from "../../../src/zosmf";
import { startEmulator, topology } from "../provision/helpers";
import { operator, writeListenerProc } from "../services/helpers";
import { discover, mark, notReads, plannedChanges, provision } from "./helpers";

let emu: Emulator;
let client: ZosmfClient;
let draft: Topology;
let yaml: string;
let todos: readonly DraftTodo[];

beforeAll(async () => {
  ({ emu, client } = await startEmulator(["SYSA", "SYSB", "SYSC"]));
  await provision(client, topology("three-system-all.yaml"));
  // The servers running as a person left them: two sharing 9443 on SYSA, a z/OS Connect and an IMS Connect on each system.
  await writeListenerProc(client, "ZCHA", [9443, 9444]);
  await writeListenerProc(client, "ZCON", [5595]);
  await writeListenerProc(client, "IMSCON", [5801]);
  for (const job of ["ZCHA1", "ZCHA2"]) operator(emu, "SYSA", `S ZCHA,JOBNAME=${job}`);
  for (const [i, system] of ["SYSA", "SYSB", "SYSC"].entries()) {
    operator(emu, system, `S ZCON,JOBNAME=ZCON${i + 1}`);
    operator(emu, system, `S IMSCON,JOBNAME=IMSCON${i + 1}`);
  }
  const before = mark(emu);
  const result = await discover(client, { zoweYaml: "/global/zowe/zowe.yaml" });
  expect(notReads(emu, before)).toEqual([]);
  expect(result.problems).toEqual([]);
  yaml = result.yaml;
  todos = result.todos;
  draft = parseTopology(yaml, { fileName: "discovered.yaml" });
});
afterAll(async () => {
  client.close();
  await emu.stop();
});

describe("discover on the three-system example with every pattern provisioned", () => {
  it("finds the distributed services as VIPADCFG shows them, with their targets' servers", () => {
    const byDvipa = Object.fromEntries((draft.distributedServices ?? []).map((d) => [d.dvipa, d]));
    expect(byDvipa["192.0.2.1"]).toMatchObject({
      ports: [5595],
      distributor: "SYSA",
      distributorBackup: "SYSB",
      distMethod: "SERVERWLM",
      optLocal: 1,
      targets: [
        { system: "SYSA", server: "ZCON1" },
        { system: "SYSB", server: "ZCON2" },
        { system: "SYSC", server: "ZCON3" },
      ],
    });
    expect(byDvipa["192.0.2.2"]?.distMethod).toBe("WEIGHTEDACTIVE");
    expect(byDvipa["192.0.2.2"]?.targets.map((t) => [t.system, t.weight])).toEqual([
      ["SYSA", 2],
      ["SYSB", 1],
      ["SYSC", 1],
    ]);
    // The gateways' DVIPA is the gateway section (zowe.yaml names its port), which the topology expands as "gateway".
    expect(byDvipa["192.0.2.20"]?.name).toBe("gateway");
    expect(byDvipa["192.0.2.10"]).toBeUndefined();
    expect(draft.zosmfHa).toMatchObject({ dvipa: "192.0.2.10", preferred: "SYSA", distributor: "SYSA" });
  });

  it("finds the shared port with its outbound port and the servers that run under the job prefix", () => {
    expect(draft.portSharing).toContainEqual(
      expect.objectContaining({
        system: "SYSA",
        port: 9443,
        jobPrefix: "ZCHA*",
        mode: "SHAREPORTWLM",
        outboundPort: 9444,
        servers: ["ZCHA1", "ZCHA2"],
      }),
    );
    expect(yaml).toMatch(/jobPrefix: ZCHA\* # PORTLIST on SYSA/);
  });
});

describe("discover of the gateways, given the zowe.yaml that names their port", () => {
  it("drafts the gateway section, not a distributed service and port sharing, from zowe.yaml and the stacks", () => {
    const raw = parse(yaml) as { gateway?: Record<string, unknown>; distributedServices?: { dvipa: string }[] };
    expect(raw.gateway).toMatchObject({
      port: 7554,
      dvipa: "192.0.2.20",
      dvipaMask: "255.255.255.0",
      distributor: "SYSA",
      distributorBackup: "SYSB",
      distMethod: "BASEWLM",
    });
    // zowe.yaml is the Caching Service's, as in the example: the gateway names no file of its own.
    expect(raw.gateway?.zoweYaml).toBeUndefined();
    expect((raw.distributedServices ?? []).map((d) => d.dvipa)).not.toContain("192.0.2.20");
    expect((draft.portSharing ?? []).filter((p) => p.port === 7554 && p.name !== "gateway")).toEqual([]);
    expect(yaml).toMatch(/port: 7554 # zowe\.externalPort of \/global\/zowe\/zowe\.yaml/);
    // No gateway runs: the two sharing the port on SYSA are named after the PORTLIST prefix, the others left to a person.
    expect(draft.gateway?.systems.map((g) => g.system)).toEqual(["SYSA", "SYSA", "SYSB", "SYSC"]);
    expect(todos.filter((t) => t.path.startsWith("gateway.")).map((t) => t.path)).toEqual([
      "gateway.systems[0].jobname",
      "gateway.systems[1].jobname",
      "gateway.systems[2].jobname",
      "gateway.systems[3].jobname",
    ]);
  });

  it("a re-provision from the draft, its TODOs and names filled in as the example has them, plans only what the example plans", async () => {
    const example = readFileSync(path.join(__dirname, "../../../examples/three-system-all.yaml"), "utf8");
    const filled = parse(yaml) as {
      gateway: { systems: { jobname: string }[] };
      distributedServices: { name: string; dvipa: string }[];
      portSharing: { name: string; port: number }[];
    };
    filled.gateway.systems.forEach((g, i) => (g.jobname = `ZWE${i + 1}AG`));
    const names: Record<string, string> = { "192.0.2.1": "zosconnect", "192.0.2.2": "imsconnect" };
    for (const d of filled.distributedServices) d.name = names[d.dvipa] ?? d.name;
    for (const p of filled.portSharing) if (p.port === 9443) p.name = "zosconnect-api";
    const fromExample = await plannedChanges(client, example);
    const fromDraft = await plannedChanges(client, stringify(filled));
    expect(fromDraft.steps).toEqual(fromExample.steps);
  });
});
