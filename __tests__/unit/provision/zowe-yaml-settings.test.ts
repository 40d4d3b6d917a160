import { describe, expect, it } from "vitest";
import { parse, parseDocument } from "yaml";
import { cachingWarnings } from "../../../src/provision/caching-service/caching-warnings";
import { editZoweYaml } from "../../../src/provision/caching-service/zowe-yaml-edit";
import { cachingServiceSettings } from "../../../src/zowe-yaml";
import { exampleTopology } from "./fixtures/topology";

const ZOWE_YAML = `# Zowe configuration
zowe:
  setup:
    vsam: { mode: NONRLS, volume: VOL123 }   # flow style stays
  job:
    name: "ZWE1SV"

components:
  gateway:
    enabled: true
    port: 7554
  # the caching service
  caching-service:
    enabled: true
    port: 7555
    storage:
      # eviction when full
      evictionStrategy: reject
      mode: inMemory   # dev only
      size: 10000
    # kept after storage
    debug: false
  discovery:
    enabled: true
`;

type Plain = {
  zowe: { environments?: Record<string, unknown> };
  components: { "caching-service": { storage: Record<string, unknown> } };
  haInstances?: Record<string, { hostname: string; sysname: string; components: Record<string, unknown> }>;
};

const edited = (t: ReturnType<typeof exampleTopology>, text = ZOWE_YAML) => editZoweYaml(text, cachingServiceSettings(t, parse(text)));

/** The VSAM example with its cluster's lengths changed, as ZWECSVSM will define them. */
const vsam64 = () =>
  exampleTopology("three-system-all.yaml", (y) =>
    y.replace("rls: { storageClass: SCRLS }", "rls: { storageClass: SCRLS }\n      keyLength: 64\n      recordLength: 2048"),
  );

describe("zowe.yaml settings of the Caching Service", () => {
  const t = exampleTopology("two-system.yaml");
  const out = edited(t);
  const doc = parseDocument(out).toJS() as Plain;

  it("keeps everything outside the blocks it sets byte for byte", () => {
    const storage = ZOWE_YAML.indexOf("    storage:");
    const after = ZOWE_YAML.indexOf("    # kept after storage");
    expect(out.startsWith("# Zowe configuration\nzowe:\n  setup:\n    vsam: { mode: NONRLS, volume: VOL123 }   # flow style stays\n")).toBe(
      true,
    );
    expect(out).toContain(ZOWE_YAML.slice(ZOWE_YAML.indexOf("\ncomponents:"), storage));
    expect(out).toContain(ZOWE_YAML.slice(after));
  });

  it("sets the infinispan keys, keeping comments inside the block", () => {
    expect(doc.components["caching-service"].storage).toEqual({
      evictionStrategy: "reject",
      mode: "infinispan",
      size: 10000,
      infinispan: { initialHosts: "sysa.example.com[7600],sysb.example.com[7600]", jgroups: { port: 7600, keyExchange: { port: 7601 } } },
    });
    expect(out).toContain("# eviction when full");
  });

  it("sets Infinispan's members and bind port in zowe.environments, where the service reads them", () => {
    expect(doc.zowe.environments).toEqual({
      CACHING_STORAGE_INFINISPAN_INITIALHOSTS: "sysa.example.com[7600],sysb.example.com[7600]",
      JGROUPS_BIND_PORT: 7600,
    });
  });

  it("gives each instance an haInstances entry: its host, its system, the Caching Service on and its own jgroups host", () => {
    expect(doc.haInstances).toEqual({
      sysa: {
        hostname: "sysa.example.com",
        sysname: "SYSA",
        components: { "caching-service": { enabled: true, storage: { infinispan: { jgroups: { host: "sysa.example.com" } } } } },
      },
      sysb: {
        hostname: "sysb.example.com",
        sysname: "SYSB",
        components: { "caching-service": { enabled: true, storage: { infinispan: { jgroups: { host: "sysb.example.com" } } } } },
      },
    });
  });

  it("keeps the site's own haInstances id of a system and the entry's other keys", () => {
    const site = `${ZOWE_YAML}haInstances:\n  lpar1:\n    hostname: old.example.com   # the site's\n    sysname: sysa\n    components:\n      gateway:\n        enabled: true\n`;
    const mine = parseDocument(edited(t, site)).toJS() as Plain;
    expect(Object.keys(mine.haInstances!)).toEqual(["lpar1", "sysb"]);
    expect(mine.haInstances!.lpar1!.hostname).toBe("sysa.example.com");
    expect(mine.haInstances!.lpar1!.components.gateway).toEqual({ enabled: true });
    expect(mine.haInstances!.lpar1!.components["caching-service"]).toMatchObject({ enabled: true });
  });

  it("changes nothing when already as planned", () => {
    expect(edited(t, out)).toBe(out);
  });

  it("writes the VSAM cluster's key and record length to zowe.environments when ZWECSVSM's lengths change", () => {
    const vsam = parseDocument(edited(vsam64())).toJS() as Plain;
    expect(vsam.zowe.environments).toEqual({ CACHING_STORAGE_VSAM_KEYLENGTH: 64, CACHING_STORAGE_VSAM_RECORDLENGTH: 2048 });
    expect(vsam.components["caching-service"].storage).toMatchObject({ mode: "VSAM", vsam: { name: "ZWE.CACHE.VSAM" } });
    expect(Object.values(vsam.haInstances!).map((h) => [h.sysname, h.components])).toEqual(
      ["SYSA", "SYSB", "SYSC"].map((s) => [s, { "caching-service": { enabled: true } }]),
    );
  });

  it("replaces lengths zowe.environments already holds", () => {
    const old = ZOWE_YAML.replace("zowe:\n", "zowe:\n  environments:\n    CACHING_STORAGE_VSAM_KEYLENGTH: 128   # default\n");
    const vsam = parseDocument(edited(vsam64(), old)).toJS() as Plain;
    expect(vsam.zowe.environments).toMatchObject({ CACHING_STORAGE_VSAM_KEYLENGTH: 64, CACHING_STORAGE_VSAM_RECORDLENGTH: 2048 });
  });
});

describe("zowe.yaml edit of keys that are empty, flow-style or hold a value", () => {
  const t = exampleTopology("two-system.yaml");

  it("fills a key written with nothing under it and reads back as planned", () => {
    const out = parseDocument(edited(t, "zowe:\n  environments:\nhaInstances:\n")).toJS() as Plain;
    expect(out.zowe.environments).toMatchObject({ JGROUPS_BIND_PORT: 7600 });
    expect(Object.keys(out.haInstances!)).toEqual(["sysa", "sysb"]);
  });

  it("rewrites a flow-style block with its keys, and nothing else", () => {
    const text = "zowe: { setup: {} }   # flow\ncomponents:\n  gateway: { enabled: true }\n";
    const out = edited(t, text);
    expect(out).toContain("  gateway: { enabled: true }\n");
    expect((parseDocument(out).toJS() as Plain).zowe.environments).toMatchObject({ JGROUPS_BIND_PORT: 7600 });
  });

  it("refuses to replace a value that stands where a mapping is needed, naming the key", () => {
    expect(() => edited(t, "zowe:\n  environments: 5\n")).toThrow(/zowe\.yaml holds a value at zowe\.environments/);
  });
});

describe("plan warnings of the Caching Service", () => {
  it("say that VSAM is deprecated, what to use instead, and that Personal Access Tokens need Infinispan", () => {
    const warnings = cachingWarnings(exampleTopology("three-system-all.yaml"));
    expect(warnings).toEqual([
      expect.stringMatching(/deprecated.*use infinispan/),
      expect.stringMatching(/Personal Access Tokens need Infinispan/),
    ]);
  });

  it("say nothing for Infinispan", () => {
    expect(cachingWarnings(exampleTopology("two-system.yaml"))).toEqual([]);
  });
});
