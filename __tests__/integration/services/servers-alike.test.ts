import { readFileSync, writeFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Emulator } from "../../../emulator";
import type { Check } from "../../../src/verify";
import type { ZosmfClient } from "../../../src/zosmf";
import { plan, startEmulator, topology } from "../provision/helpers";
import { runVerify, topologyFile } from "./helpers";

/*
 * The three-system example with each server's configuration file named: the two z/OS Connect
 * servers sharing port 9443 on SYSA (server.xml in z/OS UNIX), the three IMS Connect instances
 * behind 192.0.2.2 (HWSCFGxx members). The files are written into the emulator through z/OSMF;
 * verify reads them back and compares them.
 */

let emu: Emulator;
let client: ZosmfClient;
let file: string;
let pristine: string;

const serverXml = (apis: readonly string[]) =>
  [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<server description="z/OS Connect">`,
    `  <featureManager><feature>zosconnect:zosconnect-2.0</feature></featureManager>`,
    `  <httpEndpoint id="defaultHttpEndpoint" host="*" httpsPort="9443"/>`,
    `  <zosconnect_zosConnectAPIs location="/global/zosconnect/apis">`,
    ...apis.map((a) => `    <zosConnectAPI name="${a}"/>`),
    `  </zosconnect_zosConnectAPIs>`,
    `  <zosconnect_services location="/global/zosconnect/services">`,
    `    <service name="inquireCustomer"/>`,
    `  </zosconnect_services>`,
    `</server>`,
    ``,
  ].join("\n");

const hwscfg = (id: string, datastores: readonly string[]) =>
  [
    `HWS (ID=${id},RACF=Y,XIBAREA=20)`,
    `TCPIP (HOSTNAME=TCPIP,PORTID=(5801),MAXSOC=2000,TIMEOUT=5000)`,
    ...datastores.map((d) => `DATASTORE (ID=${d},GROUP=XCFGRP1,MEMBER=${id},TMEMBER=${d})`),
    ``,
  ].join("\n");

function withConfigs(hwsIms3 = "SYS1.PROCLIB(HWSCFG03)"): void {
  const text = pristine
    .replace(
      "outboundPort: 9444",
      "outboundPort: 9444\n    configs:\n      - { server: ZCHA1, config: /tmp/zcha1-server.xml }\n      - { server: ZCHA2, config: /tmp/zcha2-server.xml }",
    )
    .replace("{ system: SYSA, server: IMSCON1, weight: 2 }", "{ system: SYSA, server: IMSCON1, weight: 2, config: SYS1.PROCLIB(HWSCFG01) }")
    .replace("{ system: SYSB, server: IMSCON2, weight: 1 }", "{ system: SYSB, server: IMSCON2, weight: 1, config: SYS1.PROCLIB(HWSCFG02) }")
    .replace("{ system: SYSC, server: IMSCON3, weight: 1 }", `{ system: SYSC, server: IMSCON3, weight: 1, config: "${hwsIms3}" }`);
  writeFileSync(file, text);
}

async function alike(): Promise<{ ports: Check; ims: Check }> {
  const r = await runVerify(emu, file);
  const byId = (id: string) => r.checks.find((c) => c.id === id)!;
  return { ports: byId("ports.zosconnect-api.alike"), ims: byId("services.imsconnect.alike") };
}

beforeAll(async () => {
  ({ emu, client } = await startEmulator(["SYSA", "SYSB", "SYSC"]));
  file = topologyFile();
  pristine = readFileSync(file, "utf8");
  withConfigs();
});
afterAll(async () => {
  client.close();
  await emu.stop();
});

describe("servers that must offer the same", () => {
  it("reports the API one z/OS Connect server offers and the other does not, and an IMS Connect reaching another data store", async () => {
    await client.files.writeUss("/tmp/zcha1-server.xml", serverXml(["claims", "payments"]));
    await client.files.writeUss("/tmp/zcha2-server.xml", serverXml(["payments"]));
    await client.files.write("SYS1.PROCLIB", "HWSCFG01", hwscfg("ICON1", ["IMS1"]));
    await client.files.write("SYS1.PROCLIB", "HWSCFG02", hwscfg("ICON2", ["IMS1"]));
    await client.files.write("SYS1.PROCLIB", "HWSCFG03", hwscfg("ICON3", ["IMS2"]));

    const { ports, ims } = await alike();
    expect(ports.verdict).toBe("degraded");
    expect(ports.reason).toContain("SYSA's ZCHA1 offers API claims, SYSA's ZCHA2 does not");
    expect(ims.verdict).toBe("degraded");
    expect(ims.reason).toContain(
      "SYSA's IMSCON1 and SYSB's IMSCON2 reach data store IMS1 (GROUP=XCFGRP1, TMEMBER=IMS1), SYSC's IMSCON3 does not",
    );

    // The plan says the same, as a warning on the steps that set up the port and the distribution.
    const t = topology("three-system-all.yaml", () => readFileSync(file, "utf8"));
    const steps = await plan(client, t);
    const warnings = steps.flatMap((s) => s.warnings ?? []);
    expect(warnings.some((w) => w.includes("SYSA's ZCHA1 offers API claims, SYSA's ZCHA2 does not"))).toBe(true);
    expect(warnings.some((w) => w.includes("SYSC's IMSCON3 does not"))).toBe(true);
    // Only a warning rests on them: a saved plan does not go stale when a server's configuration changes.
    const read = steps.flatMap((s) => s.reads ?? []).map((r) => r.target);
    expect(read).not.toContain("/tmp/zcha1-server.xml");
    expect(read).not.toContain("SYS1.PROCLIB(HWSCFG03)");
  });

  it("is healthy when the servers define the same APIs, services and data stores", async () => {
    await client.files.writeUss("/tmp/zcha2-server.xml", serverXml(["payments", "claims"]));
    await client.files.write("SYS1.PROCLIB", "HWSCFG03", hwscfg("ICON3", ["IMS1"]));

    const { ports, ims } = await alike();
    expect([ports.verdict, ims.verdict], `${ports.reason} / ${ims.reason}`).toEqual(["healthy", "healthy"]);
  });

  it("does not judge when a file cannot be read as the server reads it, and names the file and line", async () => {
    await client.files.writeUss(
      "/tmp/zcha2-server.xml",
      serverXml(["claims", "payments"]).replace("<server", "<!DOCTYPE server>\n<server"),
    );
    withConfigs("SYS1.PROCLIB(HWSCFG09)");

    const { ports, ims } = await alike();
    expect(ports).toMatchObject({ verdict: "failed", notRun: true });
    expect(ports.reason).toContain("/tmp/zcha2-server.xml (SYSA's ZCHA2) cannot be read as a zosconnect-server-xml file: line 2:");
    expect(ims).toMatchObject({ verdict: "failed", notRun: true });
    expect(ims.reason).toContain("SYS1.PROCLIB(HWSCFG09) (SYSC's IMSCON3) could not be read");
  });
});
