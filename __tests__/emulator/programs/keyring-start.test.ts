/**
 * A z/OSMF server does not start without its key ring holding a trusted server certificate:
 * the task ends at once with CWPKI0033E and does not listen.
 */
import { describe, expect, it } from "vitest";
import { runRacfCommands } from "../../../emulator/programs/racf";
import { seedState } from "../../../emulator/seed";
import { cmd, hotStandbyPlex } from "../tcpip/sysplex-fixture";

const started = (lines: string[]) => lines.some((l) => l.startsWith("IZUG400I"));

describe("z/OSMF server start and its key ring", () => {
  it("starts when the ring holds the default certificate and the CA that signed it", () => {
    const state = hotStandbyPlex();
    expect(started(cmd(state, "SYSA", "S IZUSVRA"))).toBe(true);
  });

  it("ends with CWPKI0033E when there is no key ring", () => {
    const state = hotStandbyPlex();
    state.racf.keyrings = {};
    const lines = cmd(state, "SYSA", "S IZUSVRA");
    expect(started(lines)).toBe(false);
    expect(lines.join("\n")).toMatch(
      /CWPKI0033E: The keystore located at safkeyring:\/\/\/IZUKeyring\.IZUDFLT did not load .*profile for ring not found/,
    );
    expect(state.systems.SYSA.tasks.IZUSVRA).toBeUndefined();
    expect(state.systems.SYSA.tcpip.listeners.filter((l) => l.jobName === "IZUSVRA")).toEqual([]);
  });

  it("ends when the ring holds no certificate, or the server certificate's CA is not connected", () => {
    const empty = hotStandbyPlex();
    empty.racf.keyrings["IZUSVR/IZUKeyring.IZUDFLT"]!.certificates = [];
    expect(cmd(empty, "SYSA", "S IZUSVRA").join("\n")).toMatch(/CWPKI0033E.*no default personal certificate/);

    const noCa = hotStandbyPlex();
    runRacfCommands(noCa, "IBMUSER", ["RACDCERT ID(IZUSVR) REMOVE(CERTAUTH LABEL('zOSMFCA') RING(IZUKeyring.IZUDFLT))"]);
    const lines = cmd(noCa, "SYSA", "S IZUSVRA");
    expect(started(lines)).toBe(false);
    expect(lines.join("\n")).toMatch(/CWPKI0033E.*not connected/);
  });

  it("ends when the default certificate is NOTRUST or expired", () => {
    const notrust = hotStandbyPlex();
    notrust.racf.certificates["IZUSVR/DefaultzOSMFCert.IZUDFLT"]!.trust = "NOTRUST";
    const lines = cmd(notrust, "SYSA", "S IZUSVRA");
    expect(started(lines)).toBe(false);
    expect(lines.join("\n")).toMatch(/CWPKI0033E.*DefaultzOSMFCert\.IZUDFLT.*NOTRUST/);

    const expired = hotStandbyPlex();
    expired.racf.certificates["IZUSVR/DefaultzOSMFCert.IZUDFLT"]!.notAfter = "2020-12-31";
    const ended = cmd(expired, "SYSA", "S IZUSVRA");
    expect(started(ended)).toBe(false);
    expect(ended.join("\n")).toMatch(/CWPKI0033E.*expired on 2020-12-31/);
  });

  it("ends when no STARTED profile gives the server a user", () => {
    const state = hotStandbyPlex();
    delete state.racf.profiles.STARTED!["IZUSVRA.*"];
    expect(cmd(state, "SYSA", "S IZUSVRA").join("\n")).toMatch(/CWPKI0033E/);
  });
});

describe("the seeded fresh sysplex", () => {
  it("has no z/OSMF security definitions", () => {
    const state = seedState({
      seed: 1,
      sysplexName: "PLEX1",
      systems: ["SYSA", "SYSB"],
      user: "IBMUSER",
      password: "x",
      nowIso: "2025-01-01T00:00:00.000Z",
    });
    expect(state.racf.users.IZUSVR).toBeUndefined();
    expect(Object.keys(state.racf.groups).filter((g) => g.startsWith("IZU"))).toEqual([]);
    expect(state.racf.keyrings).toEqual({});
    expect(state.racf.certificates).toEqual({});
    expect(state.racf.profiles).toEqual({});
  });
});
