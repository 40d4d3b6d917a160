import { parseDocument } from "yaml";
import { describe, expect, test } from "vitest";
import { loadTopology, parseTopology } from "../../../src/topology";
import { all, remove, set, THREE_SYSTEM, TWO_SYSTEM, twoSystemText, variant } from "./variants";

describe("the examples are accepted", () => {
  test("two-system.yaml, as written", async () => {
    const t = await loadTopology(TWO_SYSTEM);
    expect(t.sysplex).toBe("PLEX1");
    expect(t.systems.map((s) => s.name)).toEqual(["SYSA", "SYSB"]);
    expect(t.systems[1].zosmf).toEqual({
      izuprmSuffix: "0B",
      autostartGroup: "IZUDFLB",
      serverProc: "IZUSVRB",
      userDir: "/global/zosmf/zosmfb",
      zfs: "IZU.SIZUUSRD.ZOSMFB",
    });
    expect(t.zosmfHa).toMatchObject({
      dvipa: "192.0.2.10",
      port: 443,
      preferred: "SYSA",
      backups: [{ system: "SYSB", rank: 1 }],
      autoSwitchBack: true,
      healthSwitch: false,
      distributor: "SYSA",
      distributorBackup: "SYSB",
      autostart: "LOCAL",
      // HOSTNAME defaults to the DVIPA.
      hostname: "192.0.2.10",
    });
    expect(t.cachingService?.storage.infinispan).toEqual({ jgroupsPort: 7600, keyExchangePort: 7601 });
  });

  test("three-system-all.yaml, with every HA section", async () => {
    const t = await loadTopology(THREE_SYSTEM);
    expect(t.zosmfHa?.backups).toEqual([
      { system: "SYSB", rank: 100 },
      { system: "SYSC", rank: 50 },
    ]);
    expect(t.zosmfHa?.healthSwitch).toBe(true);
    expect(t.cachingService?.storage.vsam).toEqual({
      name: "ZWE.CACHE.VSAM",
      rls: { storageClass: "SCRLS" },
      keyLength: 128,
      recordLength: 4096,
    });
    expect(t.portSharing?.[0]).toMatchObject({ protocol: "TCP", jobPrefix: "ZCHA*", servers: ["ZCHA1", "ZCHA2"] });
    expect(t.distributedServices?.map((d) => [d.name, d.distMethod, d.optLocal])).toEqual([
      ["zosconnect", "SERVERWLM", 1],
      ["imsconnect", "WEIGHTEDACTIVE", undefined],
      // The gateway section, as the distribution it expands to.
      ["gateway", "BASEWLM", undefined],
    ]);
  });
});

describe("defaults", () => {
  const ha = (field: string) => ["zosmfHa", field];
  const minimal = variant(
    all(
      remove(
        ha("port"),
        ha("autoSwitchBack"),
        ha("healthSwitch"),
        ha("distributor"),
        ha("keyring"),
        ha("safPrefix"),
        ha("angelProc"),
        ["zosmfHa", "backups", 0, "rank"],
        ["datasets", "backup"],
        ["datasets", "procSource"],
        ["systems", 0, "connection"],
        ["systems", 0, "tcpip", "dynamicXcf", "cost"],
        ["cachingService", "storage", "evictionStrategy"],
        ["cachingService", "storage", "size"],
        ["portSharing", 0, "protocol"],
      ),
      set(["cachingService", "storage", "infinispan"], {}),
    ),
  );

  test("are filled in where a field is left out", () => {
    const t = parseTopology(minimal);
    expect(t.zosmfHa).toMatchObject({
      port: 443,
      autoSwitchBack: true,
      healthSwitch: false,
      distributor: "SYSA",
      keyring: "IZUKeyring.IZUDFLT",
      safPrefix: "IZUDFLT",
      angelProc: "IZUANG1",
      autostart: "LOCAL",
      backups: [{ system: "SYSB", rank: 1 }],
    });
    expect(t.datasets.backup).toBe("HA.BACKUP");
    expect(t.datasets.procSource).toBe("SYS1.PROCLIB");
    expect(t.systems[0].connection).toEqual({});
    expect(t.systems[0].tcpip.dynamicXcf.cost).toBe(1);
    expect(t.cachingService?.storage).toMatchObject({
      evictionStrategy: "reject",
      size: 10000,
      infinispan: { jgroupsPort: 7600, keyExchangePort: 7601 },
    });
    expect(t.portSharing?.[0].protocol).toBe("TCP");
  });

  test("the distributor follows the preferred system", () => {
    const t = parseTopology(
      variant(
        all(
          remove(["zosmfHa", "distributor"]),
          set(["zosmfHa", "preferred"], "SYSB"),
          set(["zosmfHa", "backups"], [{ system: "SYSA" }]),
          set(["zosmfHa", "distributorBackup"], "SYSA"),
        ),
      ),
    );
    expect(t.zosmfHa?.distributor).toBe("SYSB");
  });

  test("a DNS name for HOSTNAME is kept", () => {
    const t = parseTopology(variant(set(["zosmfHa", "hostname"], "zosmf.example.com")));
    expect(t.zosmfHa?.hostname).toBe("zosmf.example.com");
  });
});

describe("values are read the way a systems programmer means them", () => {
  test("names in lower case are upper-cased; host names, paths and key rings keep their case", () => {
    const t = parseTopology(
      variant(
        all(
          set(["systems", 0, "name"], "sysa"),
          set(["systems", 0, "zosmf", "serverProc"], "izusvra"),
          set(["zosmfHa", "preferred"], "sysa"),
          set(["datasets", "parmlib"], "sys1.parmlib"),
          set(["portSharing", 0, "jobPrefix"], "zcha*"),
        ),
      ),
    );
    expect(t.systems[0].name).toBe("SYSA");
    expect(t.systems[0].zosmf?.serverProc).toBe("IZUSVRA");
    expect(t.zosmfHa?.preferred).toBe("SYSA");
    expect(t.datasets.parmlib).toBe("SYS1.PARMLIB");
    expect(t.portSharing?.[0].jobPrefix).toBe("ZCHA*");
    expect(t.systems[0].hostname).toBe("sysa.example.com");
    expect(t.systems[0].zosmf?.userDir).toBe("/global/zosmf/zosmfa");
    expect(t.zosmfHa?.keyring).toBe("IZUKeyring.IZUDFLT");
  });

  test("digits that YAML would read as numbers stay as written where text is expected", () => {
    const text = twoSystemText()
      .replace("izuprmSuffix: 0A", "izuprmSuffix: 01")
      .replace("izuprmSuffix: 0B", "izuprmSuffix: 10")
      .replace("volume: ZOSVOL", "volume: 000123");
    const t = parseTopology(text);
    expect(t.systems.map((s) => s.zosmf?.izuprmSuffix)).toEqual(["01", "10"]);
    expect(t.datasets.volume).toBe("000123");
    expect(t.zosmfHa?.port).toBe(443);
  });

  test("JSON is accepted, with or without a $schema key", () => {
    const data = parseDocument(twoSystemText()).toJS() as Record<string, unknown>;
    const fromYaml = parseTopology(twoSystemText());
    expect(parseTopology(JSON.stringify(data, null, 2), { fileName: "two-system.json" })).toEqual(fromYaml);
    const withSchema = JSON.stringify({ $schema: "../schemas/topology.schema.json", ...data });
    expect(parseTopology(withSchema, { fileName: "two-system.json" })).toMatchObject({ sysplex: "PLEX1", zosmfHa: fromYaml.zosmfHa });
  });
});

describe("ports the sections say they share are accepted", () => {
  test("a distributed port on a shared port whose servers match the jobPrefix", () => {
    const text = variant(
      set(["distributedServices", 0], {
        name: "zosconnect",
        dvipa: "192.0.2.2",
        dvipaMask: "255.255.255.0",
        ports: [9443],
        distributor: "SYSA",
        distMethod: "SERVERWLM",
        targets: [
          { system: "SYSA", server: "ZCHA1" },
          { system: "SYSB", server: "ZCHB1" },
        ],
      }),
    );
    expect(() => parseTopology(text)).not.toThrow();
  });

  test("two services on one port served by the same server", () => {
    const other = {
      name: "imsconnect2",
      dvipa: "192.0.2.3",
      dvipaMask: "255.255.255.0",
      ports: [5801],
      distributor: "SYSA",
      distMethod: "WEIGHTEDACTIVE",
      targets: [{ system: "SYSB", server: "IMSCON2", weight: 1 }],
    };
    expect(() => parseTopology(variant(set(["distributedServices", 1], other)))).not.toThrow();
  });

  test("the same port on another system, but not where another section listens", () => {
    expect(() => parseTopology(variant(all(set(["portSharing", 0, "system"], "SYSB"), set(["portSharing", 0, "port"], 7600))))).toThrow();
    expect(() =>
      parseTopology(
        variant(
          set(["portSharing", 1], {
            name: "b",
            system: "SYSB",
            port: 9443,
            jobPrefix: "ZCHB*",
            mode: "SHAREPORT",
            servers: ["ZCHB1", "ZCHB2"],
          }),
        ),
      ),
    ).not.toThrow();
  });
});
