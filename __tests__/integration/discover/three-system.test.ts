import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Emulator } from "../../../emulator";
import { parseTopology, type Topology } from "../../../src/topology";
import type { ZosmfClient } from "../../../src/zosmf";
import { startEmulator, topology } from "../provision/helpers";
import { operator, writeListenerProc } from "../services/helpers";
import { discover, mark, notReads, provision } from "./helpers";

let emu: Emulator;
let client: ZosmfClient;
let draft: Topology;
let yaml: string;

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
    // The gateways' DVIPA is a distribution like any other; z/OSMF's hot standby is not among them.
    expect(byDvipa["192.0.2.20"]).toMatchObject({ ports: [7554], distMethod: "BASEWLM" });
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
