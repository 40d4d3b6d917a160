import { describe, expect, it } from "vitest";
import { alikeGroups, configDifferences, readConfig, type ServerFacts } from "../../../src/servers-alike";
import { parseTopology } from "../../../src/topology";

/* The comparison the plan warns with and verify judges by, on files as sites write them. */

const xml = (apis: string[], services: string[] = ["inquireCustomer"]) => `<server>
  <zosconnect_zosConnectAPIs>${apis.map((a) => `<zosConnectAPI name="${a}"/>`).join("")}</zosconnect_zosConnectAPIs>
  <zosconnect_services>${services.map((s) => `<service name="${s}"/>`).join("")}</zosconnect_services>
</server>`;

function server(who: string, text: string, kind: "zosconnect-server-xml" | "ims-connect" = "zosconnect-server-xml"): ServerFacts {
  const r = readConfig(kind, text);
  if (!r.ok) throw new Error(r.problems.join(" | "));
  return { who, facts: r.facts };
}

describe("configDifferences", () => {
  it("names each API one server offers and another does not, both ways", () => {
    expect(
      configDifferences([server("SYSA's ZCONA", xml(["claims", "payments"])), server("SYSB's ZCONB", xml(["payments", "quotes"]))]),
    ).toEqual(["SYSA's ZCONA offers API claims, SYSB's ZCONB does not", "SYSB's ZCONB offers API quotes, SYSA's ZCONA does not"]);
  });

  it("groups the servers that agree against the one that does not", () => {
    const three = [
      server("SYSA's ZCON1", xml(["claims"], ["inquireCustomer", "addCustomer"])),
      server("SYSB's ZCON2", xml(["claims"], ["inquireCustomer", "addCustomer"])),
      server("SYSC's ZCON3", xml(["claims"], ["inquireCustomer"])),
    ];
    expect(configDifferences(three)).toEqual(["SYSA's ZCON1 and SYSB's ZCON2 offer service addCustomer, SYSC's ZCON3 does not"]);
  });

  it("finds nothing when the same definitions are written in another order", () => {
    expect(configDifferences([server("A", xml(["claims", "payments"])), server("B", xml(["payments", "claims"]))])).toEqual([]);
  });

  it("compares the IMS systems IMS Connect reaches, not each instance's own names", () => {
    const cfg = (id: string, tmember: string) =>
      `HWS (ID=${id},RACF=Y)\nTCPIP (HOSTNAME=TCPIP,PORTID=(5801))\nDATASTORE (ID=IMS1,GROUP=XCFGRP1,MEMBER=${id},TMEMBER=${tmember})\n`;
    expect(
      configDifferences([
        server("SYSA's ICON1", cfg("ICON1", "IMS1"), "ims-connect"),
        server("SYSB's ICON2", cfg("ICON2", "IMS1"), "ims-connect"),
      ]),
    ).toEqual([]);
    expect(
      configDifferences([
        server("SYSA's ICON1", cfg("ICON1", "IMS1"), "ims-connect"),
        server("SYSB's ICON2", cfg("ICON2", "IMSB"), "ims-connect"),
      ]),
    ).toEqual([
      "SYSA's ICON1 reaches data store IMS1 (GROUP=XCFGRP1, TMEMBER=IMS1), SYSB's ICON2 does not",
      "SYSB's ICON2 reaches data store IMS1 (GROUP=XCFGRP1, TMEMBER=IMSB), SYSA's ICON1 does not",
    ]);
  });
});

describe("alikeGroups", () => {
  it("takes the kind from the form of config, keeps z/OS UNIX case and upper-cases a member", () => {
    const t = parseTopology(`
version: 1
sysplex: PLEX1
systems:
  - { name: SYSA, hostname: sysa.example.com, tcpip: { proc: TCPIP, dynamicXcf: { address: 198.51.100.1, mask: 255.255.255.0 } } }
  - { name: SYSB, hostname: sysb.example.com, tcpip: { proc: TCPIP, dynamicXcf: { address: 198.51.100.2, mask: 255.255.255.0 } } }
datasets: { parmlib: SYS1.PARMLIB, proclib: SYS1.PROCLIB, obey: TCPIP.HA.OBEY, volume: ZOSVOL }
portSharing:
  - { name: zcee, system: SYSA, port: 9443, jobPrefix: ZCHA*, mode: SHAREPORT, servers: [ZCHA1, ZCHA2], outboundPort: 9444,
      configs: [{ server: zcha1, config: /var/zosconnect/servers/zchA1/server.xml }] }
distributedServices:
  - { name: ims, dvipa: 192.0.2.2, dvipaMask: 255.255.255.0, ports: [5801], distributor: SYSA, distMethod: ROUNDROBIN,
      targets: [{ system: SYSA, server: ICON1, config: ims.proclib(hwscfg01) }, { system: SYSB, server: ICON2, config: IMS.PROCLIB(HWSCFG02) }] }
`);
    expect(alikeGroups(t).map((g) => ({ id: g.id, named: g.named.map((n) => `${n.server} ${n.config} ${n.kind}`) }))).toEqual([
      { id: "ports.zcee.alike", named: ["ZCHA1 /var/zosconnect/servers/zchA1/server.xml zosconnect-server-xml"] },
      { id: "services.ims.alike", named: ["ICON1 IMS.PROCLIB(HWSCFG01) ims-connect", "ICON2 IMS.PROCLIB(HWSCFG02) ims-connect"] },
    ]);
  });
});
