import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { settingChecks } from "../../../src/verify/checks/zowe-yaml-settings";
import { cachingServiceSettings } from "../../../src/zowe-yaml";
import { exampleTopology } from "../provision/fixtures/topology";

const FILE = "/global/zowe/zowe.yaml";
const t = exampleTopology("three-system-all.yaml", (y) =>
  y.replace("rls: { storageClass: SCRLS }", "rls: { storageClass: SCRLS }\n      keyLength: 64\n      recordLength: 2048"),
);

const yaml = (keyLength: string, sysb = "SYSB") => `zowe:
  environments: { CACHING_STORAGE_VSAM_KEYLENGTH: ${keyLength}, CACHING_STORAGE_VSAM_RECORDLENGTH: 2048 }
haInstances:
  sysa: { hostname: SYSA.example.com, sysname: sysa, components: { caching-service: { enabled: true } } }
  lpar2: { hostname: sysb.example.com, sysname: ${sysb}, components: { caching-service: { enabled: true } } }
  sysc: { hostname: sysc.example.com, sysname: SYSC, components: { caching-service: { enabled: false } } }
`;

const judged = (text: string) => {
  const doc = parse(text) as unknown;
  return settingChecks(cachingServiceSettings(t, doc), doc, FILE).map(
    (c) => `${c.id} ${c.system ?? "sysplex"} ${c.verdict}${c.reason ? `: ${c.reason}` : ""}`,
  );
};

describe("verify reads the Caching Service's zowe.yaml settings back", () => {
  it("names both values of each mismatch; case and a site's own haInstances id do not matter", () => {
    expect(judged(yaml("128"))).toEqual([
      `caching.vsam.lengths sysplex failed: ${FILE} says key length 128, the cluster ZWE.CACHE.VSAM has 64`,
      "caching.ha-instance SYSA healthy",
      "caching.ha-instance SYSB healthy",
      `caching.ha-instance SYSC failed: ${FILE} says haInstances.sysc.components.caching-service.enabled false, the topology (cachingService.instances[2]) has true`,
    ]);
  });

  it("finds an instance missing when no haInstances entry names its system", () => {
    expect(judged(yaml("64", "SYSX")).filter((c) => c.includes("SYSB"))).toEqual([
      expect.stringMatching(
        /^caching\.ha-instance SYSB failed: .* says haInstances\.sysb\.hostname \(not set\), the topology \(systems\[1\]\.hostname\) has sysb\.example\.com/,
      ),
    ]);
  });
});
