import { beforeAll, describe, expect, it } from "vitest";
import { parseProfile } from "../../../emulator/tcpip/profile-parser";
import { serviceSystems, servicesMemberVariables } from "../../../src/provision/distributed-services/service-variables";
import { renderStackMember } from "../../../src/provision/ops/obey/stack-member";
import type { LoadedWorkflow } from "../../../src/provision/workflow-loader";
import type { DistributedService, Topology } from "../../../src/topology";
import { service, statements, withSections, workflows } from "./services-fixture";

let wf: LoadedWorkflow;
beforeAll(async () => {
  wf = (await workflows()).services;
});

const render = (t: Topology, system: string, role = "member") =>
  renderStackMember({ workflow: wf, stepId: "distribute", role, vars: servicesMemberVariables(t, system), system });
const XCF = { SYSA: "198.51.100.1", SYSB: "198.51.100.2", SYSC: "198.51.100.3" };
const DESTIPS = [XCF.SYSA, XCF.SYSB, XCF.SYSC];

describe("services obey member on the distributor", () => {
  const methods: DistributedService["distMethod"][] = ["BASEWLM", "ROUNDROBIN", "SERVERWLM"];
  for (const distMethod of methods) {
    it(`defines the DVIPA and distributes it with DISTMETHOD ${distMethod}`, () => {
      const t = withSections({ services: [service({ distMethod })] });
      expect(statements(render(t, "SYSA"))).toEqual([
        `IPCONFIG SYSPLEXROUTING DYNAMICXCF ${XCF.SYSA} 255.255.255.0 1`,
        "VIPADYNAMIC",
        "VIPADEFINE 255.255.255.0 192.0.2.1",
        `VIPADISTRIBUTE DEFINE DISTMETHOD ${distMethod}`,
        "192.0.2.1 PORT 5595",
        "DESTIP",
        ...DESTIPS,
        "ENDVIPADYNAMIC",
      ]);
    });
  }

  it("gives each WEIGHTEDACTIVE target its weight", () => {
    const t = withSections({
      services: [
        service({
          distMethod: "WEIGHTEDACTIVE",
          targets: [
            { system: "SYSA", server: "I1", weight: 2 },
            { system: "SYSB", server: "I2", weight: 1 },
            { system: "SYSC", server: "I3", weight: 99 },
          ],
        }),
      ],
    });
    const lines = statements(render(t, "SYSA"));
    expect(lines).toContain("VIPADISTRIBUTE DEFINE DISTMETHOD WEIGHTEDACTIVE");
    expect(lines.slice(lines.indexOf("DESTIP") + 1, -1)).toEqual([`${XCF.SYSA} WEIGHT 2`, `${XCF.SYSB} WEIGHT 1`, `${XCF.SYSC} WEIGHT 99`]);
  });

  it("marks HOTSTANDBY targets PREFERRED and BACKUP with their ranks", () => {
    const t = withSections({
      services: [
        service({
          distMethod: "HOTSTANDBY",
          targets: [
            { system: "SYSA", server: "Z1", role: "PREFERRED" },
            { system: "SYSB", server: "Z2", role: "BACKUP", rank: 100 },
            { system: "SYSC", server: "Z3", role: "BACKUP" },
          ],
        }),
      ],
    });
    const lines = statements(render(t, "SYSA"));
    expect(lines.slice(lines.indexOf("DESTIP") + 1, -1)).toEqual([`${XCF.SYSA} PREFERRED`, `${XCF.SYSB} BACKUP 100`, `${XCF.SYSC} BACKUP`]);
  });

  it("writes OPTLOCAL only when the topology asks for it, 0 included", () => {
    const line = (optLocal?: number) =>
      statements(render(withSections({ services: [service(optLocal === undefined ? {} : { optLocal })] }), "SYSA")).find((l) =>
        l.startsWith("VIPADISTRIBUTE"),
      );
    expect(line()).toBe("VIPADISTRIBUTE DEFINE DISTMETHOD ROUNDROBIN");
    expect(line(1)).toBe("VIPADISTRIBUTE DEFINE DISTMETHOD ROUNDROBIN OPTLOCAL 1");
    expect(line(0)).toBe("VIPADISTRIBUTE DEFINE DISTMETHOD ROUNDROBIN OPTLOCAL 0");
    expect(line(16)).toBe("VIPADISTRIBUTE DEFINE DISTMETHOD ROUNDROBIN OPTLOCAL 16");
  });

  it("keeps a long port list inside column 71", () => {
    const ports = Array.from({ length: 20 }, (_, i) => 60000 + i);
    const text = render(withSections({ services: [service({ ports })] }), "SYSA");
    for (const l of text.split("\n")) expect(l.length).toBeLessThanOrEqual(71);
    const parsed = parseProfile(text, "TCPIP.HA.OBEY(HDSYSA)");
    expect(parsed.messages).toEqual([]);
    const dist = parsed.statements.find((s) => s.kind === "VIPADISTRIBUTE");
    expect(dist?.kind === "VIPADISTRIBUTE" && dist.dist.ports).toEqual(ports);
  });
});

describe("services obey member on the backup and on plain targets", () => {
  it("backs the DVIPA up with rank 1 and carries the same distribution", () => {
    const t = withSections({ services: [service({ distMethod: "SERVERWLM", optLocal: 1 })] });
    const backup = statements(render(t, "SYSB"));
    const distributor = statements(render(t, "SYSA"));
    expect(backup).toContain("VIPABACKUP 1 192.0.2.1");
    expect(backup).not.toContain("VIPADEFINE 255.255.255.0 192.0.2.1");
    const distribution = (lines: string[]) => lines.slice(lines.findIndex((l) => l.startsWith("VIPADISTRIBUTE")));
    expect(distribution(backup)).toEqual(distribution(distributor));
    expect(backup[0]).toBe(`IPCONFIG SYSPLEXROUTING DYNAMICXCF ${XCF.SYSB} 255.255.255.0 1`);
  });

  it("gives a stack that is only a target its dynamic XCF address and nothing else", () => {
    const t = withSections({ services: [service()] });
    expect(statements(render(t, "SYSC"))).toEqual([`IPCONFIG SYSPLEXROUTING DYNAMICXCF ${XCF.SYSC} 255.255.255.0 1`]);
    expect(serviceSystems(t)).toEqual(["SYSA", "SYSB", "SYSC"]);
  });

  it("puts every service of a stack in one member, each with its role", () => {
    const t = withSections({}); // the example: zosconnect, imsconnect and the Zowe gateways, all distributed by SYSA
    const vars = servicesMemberVariables(t, "SYSB");
    expect(vars.services.map((s) => `${s.name} ${s.role}`)).toEqual([
      "zosconnect distributor backup",
      "imsconnect distributor backup",
      "gateway distributor backup",
    ]);
    const parsed = parseProfile(render(t, "SYSB"), "TCPIP.HA.OBEY(HDSYSB)");
    expect(parsed.messages).toEqual([]);
    expect(parsed.statements.map((s) => s.kind)).toEqual([
      "IPCONFIG",
      "VIPABACKUP",
      "VIPADISTRIBUTE",
      "VIPABACKUP",
      "VIPADISTRIBUTE",
      "VIPABACKUP",
      "VIPADISTRIBUTE",
    ]);
  });

  it("removes the distribution and the DVIPA on rollback, leaving dynamic XCF", () => {
    const t = withSections({ services: [service({ ports: [5595, 5596] })] });
    const lines = statements(render(t, "SYSA", "remove"));
    expect(lines).toEqual([
      "VIPADYNAMIC",
      "VIPADISTRIBUTE DELETE 192.0.2.1 PORT 5595 5596",
      "DESTIP",
      ...DESTIPS,
      "VIPADELETE 192.0.2.1",
      "ENDVIPADYNAMIC",
    ]);
    const parsed = parseProfile(render(t, "SYSA", "remove"), "TCPIP.HA.OBEY(RDSYSA)");
    expect(parsed.messages).toEqual([]);
  });

  it("renders every distribution method through the emulator's profile reader without a message", () => {
    const methods: DistributedService["distMethod"][] = ["BASEWLM", "ROUNDROBIN", "SERVERWLM"];
    for (const m of methods) {
      for (const system of ["SYSA", "SYSB", "SYSC"]) {
        const parsed = parseProfile(render(withSections({ services: [service({ distMethod: m, optLocal: 2 })] }), system), "X");
        expect(parsed.messages, `${m} ${system}`).toEqual([]);
      }
    }
  });
});
