import { readFileSync } from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { defineCommands, securityCatalogue } from "../../../../src/racf/security-catalogue";
import { systsinFor } from "../../../../src/racf/security-systsin";
import { parseTopology } from "../../../../src/topology";

const topology = (edit: (t: string) => string = (t) => t) =>
  parseTopology(edit(readFileSync(path.join(__dirname, "../../../../examples/two-system.yaml"), "utf8")), { fileName: "two-system.yaml" });

describe("the RACF catalogue", () => {
  it("holds everything IBM's nucleus sample defines, one item each", () => {
    const ids = securityCatalogue(topology()).map((i) => i.id);
    for (const want of [
      "group IZUADMIN",
      "group IZUUSER",
      "group IZUUNGRP",
      "group IZUSECAD",
      "user IZUSVR",
      "user IZUGUEST",
      "STARTED IZUSVRA.*",
      "STARTED IZUSVRB.*",
      "STARTED IZUANG1.*",
      "SERVER BBG.ANGEL.IZUANG1",
      "SERVER BBG.AUTHMOD.BBGZSAFM",
      "SERVER BBG.AUTHMOD.BBGZSAFM.SAFCRED",
      "SERVER BBG.AUTHMOD.BBGZSAFM.ZOSWLM",
      "SERVER BBG.AUTHMOD.BBGZSAFM.TXRRS",
      "SERVER BBG.AUTHMOD.BBGZSAFM.ZOSDUMP",
      "SERVER BBG.SECPFX.IZUDFLT",
      "SERVER BBG.SECCLASS.ZMFAPLA",
      "FACILITY BBG.SYNC.IZUDFLT CONTROL for IZUSVR",
      "FACILITY BPX.WLMSERVER READ for IZUSVR",
      "FACILITY BPX.CONSOLE READ for IZUSVR",
      "FACILITY IRR.DIGTCERT.LISTRING READ for IZUSVR",
      "FACILITY IRR.DIGTCERT.LIST READ for IZUSVR",
      "SERVAUTH CEA.SIGNAL.ENF83 READ for IZUSVR",
      "APPL IZUDFLT READ for IZUGUEST",
      "EJBROLE IZUDFLT.*.izuUsers READ for IZUUSER",
      "ZMFAPLA IZUDFLT.ZOSMF READ for IZUADMIN",
      "certificate CERTAUTH zOSMFCA",
      "certificate IZUSVR DefaultzOSMFCert.IZUDFLT",
      "key ring IZUSVR/IZUKeyring.IZUDFLT",
      "DefaultzOSMFCert.IZUDFLT connected to IZUKeyring.IZUDFLT as DEFAULT",
      "zOSMFCA connected to IZUKeyring.IZUDFLT as CERTAUTH",
    ])
      expect(ids).toContain(want);
  });

  it("signs the server certificate for the DVIPA host name and every HA system's host name", () => {
    const t = topology((s) => s.replace("  dvipa: 192.0.2.10", "  dvipa: 192.0.2.10\n  hostname: zosmf.example.com"));
    const gencert = securityCatalogue(t).find((i) => i.id.startsWith("certificate IZUSVR"))!.define[0]!;
    expect(gencert).toContain("CN('zosmf.example.com')");
    for (const n of ["DOMAIN('zosmf.example.com')", "IP(192.0.2.10)", "DOMAIN('sysa.example.com')", "DOMAIN('sysb.example.com')"])
      expect(gencert).toContain(n);
    expect(gencert).toContain("SIGNWITH(CERTAUTH LABEL('zOSMFCA'))");
  });

  it("activates, makes generic and refreshes every class it defines profiles in", () => {
    const cmds = defineCommands(securityCatalogue(topology()));
    expect(cmds[0]).toBe(
      "SETROPTS CLASSACT(STARTED SERVER FACILITY SERVAUTH APPL EJBROLE ZMFAPLA) GENERIC(STARTED SERVER FACILITY SERVAUTH APPL EJBROLE ZMFAPLA)",
    );
    expect(cmds.at(-1)).toBe("SETROPTS RACLIST(STARTED SERVER FACILITY SERVAUTH APPL EJBROLE ZMFAPLA) REFRESH");
    expect(() => systsinFor(cmds)).not.toThrow();
  });

  it("refuses a key ring value that would change the ring's owner or add a command, naming the field", () => {
    // The topology validator refuses these first; the catalogue must refuse them on its own too.
    for (const ring of ["IZUKeyring.IZUDFLT)ID(IBMUSER", "IZUKeyring/*x"]) {
      const valid = topology();
      const t = { ...valid, zosmfHa: { ...valid.zosmfHa!, keyring: ring } };
      expect(() => securityCatalogue(t)).toThrow(/zosmfHa\.keyring/);
    }
  });
});
