import { describe, expect, test } from "vitest";
import { parse } from "yaml";
import { editZoweYaml } from "../../../src/provision/caching-service/zowe-yaml-edit";
import { gatewaySettings } from "../../../src/zowe-yaml";
import type { Topology } from "../../../src/topology";

const topology = (gateway: Partial<NonNullable<Topology["gateway"]>>) =>
  ({ gateway: { port: 7554, dvipa: "192.0.2.20", dvipaMask: "255.255.255.0", ...gateway } }) as unknown as Topology;

const editGatewayAddress = (text: string, t: Topology) => editZoweYaml(text, gatewaySettings(t));

const ZOWE_YAML = [
  "zowe:",
  "  # the name clients use",
  "  externalDomains:",
  "    - zowe.example.com",
  "    - other.example.com",
  "  externalPort: 7554 # northbound",
  "components:",
  "  gateway:",
  "    enabled: true",
  "    port: 7554",
  "",
].join("\n");

describe("the gateway's external address in zowe.yaml", () => {
  test("replaces only the values, keeping comments and every other line", () => {
    const out = editGatewayAddress(ZOWE_YAML, topology({ hostname: "gw.example.com", port: 8554 }));
    expect(parse(out)).toEqual({
      zowe: { externalDomains: ["gw.example.com"], externalPort: 8554 },
      components: { gateway: { enabled: true, port: 8554 } },
    });
    expect(out).toContain("  # the name clients use\n");
    expect(out).toContain("  externalPort: 8554 # northbound\n");
    expect(out).toContain("    enabled: true\n");
  });

  test("names the DVIPA itself when no host name is given", () => {
    expect(parse(editGatewayAddress(ZOWE_YAML, topology({}))).zowe.externalDomains).toEqual(["192.0.2.20"]);
  });

  test("a file that already says so is left byte for byte", () => {
    const done = editGatewayAddress(ZOWE_YAML, topology({ hostname: "gw.example.com" }));
    expect(editGatewayAddress(done, topology({ hostname: "gw.example.com" }))).toBe(done);
  });

  test("keys that are missing are added", () => {
    const out = editGatewayAddress("zowe:\n  job:\n    prefix: ZWE1\n", topology({}));
    expect(parse(out)).toEqual({
      zowe: { job: { prefix: "ZWE1" }, externalDomains: ["192.0.2.20"], externalPort: 7554 },
      components: { gateway: { port: 7554 } },
    });
  });
});
