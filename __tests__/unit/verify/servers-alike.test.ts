import { describe, expect, it } from "vitest";
import { parseTopology, type Topology } from "../../../src/topology";
import { configReadKey as key, serversAlikeChecks } from "../../../src/verify/checks/servers-alike";
import type { DownSystem, Read, Snapshot } from "../../../src/verify/types";

/* The servers-alike verdicts that do not need files to differ: too few named, a system down, a read refused. */

const TOPOLOGY = (targets: string) => `
version: 1
sysplex: PLEX1
systems:
  - { name: SYSA, hostname: sysa.example.com, tcpip: { proc: TCPIP, dynamicXcf: { address: 198.51.100.1, mask: 255.255.255.0 } } }
  - { name: SYSB, hostname: sysb.example.com, tcpip: { proc: TCPIP, dynamicXcf: { address: 198.51.100.2, mask: 255.255.255.0 } } }
  - { name: SYSC, hostname: sysc.example.com, tcpip: { proc: TCPIP, dynamicXcf: { address: 198.51.100.3, mask: 255.255.255.0 } } }
datasets: { parmlib: SYS1.PARMLIB, proclib: SYS1.PROCLIB, obey: TCPIP.HA.OBEY, volume: ZOSVOL }
distributedServices:
  - { name: zcee, dvipa: 192.0.2.1, dvipaMask: 255.255.255.0, ports: [5595], distributor: SYSA, distMethod: ROUNDROBIN, targets: [${targets}] }
`;

const xml = (api: string) => `<server><zosconnect_zosConnectAPIs><zosConnectAPI name="${api}"/></zosconnect_zosConnectAPIs></server>`;

function snapshot(t: Topology, reads: Record<string, Record<string, Read<unknown>>>, down: string[] = []): Snapshot {
  return {
    topology: t,
    systems: new Map(t.systems.map((s) => [s.name, { system: s, reads: new Map(Object.entries(reads[s.name] ?? {})) }])),
    sysplex: new Map(),
    down: new Map(down.map((s): [string, DownSystem] => [s, { system: s, why: "XCF" }])),
  };
}

const ok = (value: string): Read<unknown> => ({ ok: true, value });

describe("services.<name>.alike", () => {
  it("is not applicable while fewer than two servers name a file, and says how many do", () => {
    const t = parseTopology(TOPOLOGY(`{ system: SYSA, server: Z1, config: /z1/server.xml }, { system: SYSB, server: Z2 }`));
    const [check] = serversAlikeChecks.judge(snapshot(t, { SYSA: { [key("/z1/server.xml")]: ok(xml("claims")) } }));
    expect(check).toMatchObject({ id: "services.zcee.alike", verdict: "not-applicable", found: "1 of 2 servers name a config file" });
  });

  it("compares the servers that answer and names the one left out because its system is down", () => {
    const t = parseTopology(
      TOPOLOGY(
        `{ system: SYSA, server: Z1, config: /z1/server.xml }, { system: SYSB, server: Z2, config: /z2/server.xml }, { system: SYSC, server: Z3, config: /z3/server.xml }`,
      ),
    );
    const reads = { SYSA: { [key("/z1/server.xml")]: ok(xml("claims")) }, SYSB: { [key("/z2/server.xml")]: ok(xml("claims")) } };
    const [check] = serversAlikeChecks.judge(snapshot(t, reads, ["SYSC"]));
    expect(check?.verdict).toBe("healthy");
    expect(check?.found).toContain("SYSC's Z3 (/z3/server.xml) not compared: SYSC is down");
  });

  it("leaves the comparison unknown when z/OS refuses a file, naming it", () => {
    const t = parseTopology(
      TOPOLOGY(`{ system: SYSA, server: Z1, config: /z1/server.xml }, { system: SYSB, server: Z2, config: /z2/server.xml }`),
    );
    const refused: Read<unknown> = { ok: false, kind: "answer", message: "EDC5111I Permission denied." };
    const [check] = serversAlikeChecks.judge(
      snapshot(t, { SYSA: { [key("/z1/server.xml")]: ok(xml("claims")) }, SYSB: { [key("/z2/server.xml")]: refused } }),
    );
    expect(check).toMatchObject({ verdict: "failed", notRun: true });
    expect(check?.reason).toBe("/z2/server.xml (SYSB's Z2) could not be read: EDC5111I Permission denied.");
  });
});
