import { describe, expect, it } from "vitest";
import type { Distribution } from "../../../src/discover/distributions";
import type { PlexFacts } from "../../../src/discover/facts";
import { plainOf, todosOf } from "../../../src/discover/found";
import { gatewayDraft, gatewayHintOf } from "../../../src/discover/gateway-draft";

const ZOWE_YAML = "/global/zowe/zowe.yaml";

describe("the gateways' address in zowe.yaml", () => {
  it("is zowe.externalPort, else components.gateway.port, with the first external domain", () => {
    const doc = { zowe: { externalPort: 7554, externalDomains: ["zowe.example.com"] }, components: { gateway: { port: 7555 } } };
    expect(gatewayHintOf(doc, ZOWE_YAML)).toEqual({ port: 7554, domain: "zowe.example.com", from: `zowe.externalPort of ${ZOWE_YAML}` });
    expect(gatewayHintOf({ components: { gateway: { port: 7555 } } }, ZOWE_YAML)).toEqual({
      port: 7555,
      from: `components.gateway.port of ${ZOWE_YAML}`,
    });
    expect(gatewayHintOf({ zowe: { externalPort: "7554" } }, ZOWE_YAML)).toBeUndefined();
  });
});

const entry = (xcf: string, distMethod: string) => ({ destAddress: "192.0.2.20", destPort: 7554, destXcf: xcf, distMethod }) as never;

function distribution(distMethod = "BASEWLM"): Distribution {
  const entries = [entry("198.51.100.1", distMethod), entry("198.51.100.2", distMethod)];
  return {
    dvipa: "192.0.2.20",
    prefixLen: 24,
    ports: [7554],
    distributor: "SYSA",
    distributorBackup: null,
    entries,
    targets: [
      { xcf: "198.51.100.1", system: "SYSA", entry: entries[0]! },
      { xcf: "198.51.100.2", system: "SYSB", entry: entries[1]! },
    ],
    from: "VIPADCFG on SYSA",
  };
}

// SYSA shares the port among ZWE?AG jobs, two of which run; SYSB reserves it for one job.
const reserve = (user: string, shareport: boolean) => [{ port: 7554, protocol: "TCP", user, flagSet: { shareport, shareportWlm: false } }];
const plex = {
  sysplex: "PLEX1",
  izuprms: [],
  libraries: [],
  notes: [],
  systems: [
    { name: "SYSA", tasks: ["ZWE1AG", "ZWE2AG", "TCPIP"], stack: { ports: reserve("ZWE?AG", true), listeners: [] } },
    { name: "SYSB", tasks: [], stack: { ports: reserve("ZWE3AG", false), listeners: [] } },
  ],
} as unknown as PlexFacts;

describe("the gateway section of a draft", () => {
  it("names the running gateways, takes the host name from zowe.yaml and names zowe.yaml when the Caching Service does not", () => {
    const hint = { port: 7554, domain: "zowe.example.com", from: `zowe.externalPort of ${ZOWE_YAML}` };
    const gw = gatewayDraft(plex, [distribution()], hint, { path: ZOWE_YAML, caching: false });
    expect(plainOf(gw!.section)).toEqual({
      port: 7554,
      dvipa: "192.0.2.20",
      dvipaMask: "255.255.255.0",
      hostname: "zowe.example.com",
      distributor: "SYSA",
      distMethod: "BASEWLM",
      systems: [
        { system: "SYSA", jobname: "ZWE1AG" },
        { system: "SYSA", jobname: "ZWE2AG" },
        { system: "SYSB", jobname: "ZWE3AG" },
      ],
      zoweYaml: ZOWE_YAML,
    });
    expect(todosOf(gw!.section)).toEqual([]);
    expect([...gw!.systems]).toEqual(["SYSA", "SYSB"]);
  });

  it("is left out when no DVIPA distributes the port, or distributes it in a way the gateway section cannot say", () => {
    const hint = { port: 7554, from: `zowe.externalPort of ${ZOWE_YAML}` };
    const where = { path: ZOWE_YAML, caching: true };
    expect(gatewayDraft(plex, [distribution()], { ...hint, port: 7600 }, where)).toBeUndefined();
    expect(gatewayDraft(plex, [distribution("HOTSTANDBY")], hint, where)).toBeUndefined();
    expect(gatewayDraft(plex, [distribution()], undefined, where)).toBeUndefined();
  });
});
