import { beforeAll, describe, expect, it } from "vitest";
import { parseProfile } from "../../../emulator/tcpip/profile-parser";
import { parsePortlist } from "../../../src/parsers";
import { renderStackMember, stackMemberName } from "../../../src/provision/ops/obey/stack-member";
import {
  missingReservations,
  otherReservations,
  reservationsInForce,
  strayReservations,
} from "../../../src/provision/port-sharing/portlist-state";
import { portMemberVariables, portSharingSystems, reservationsOf } from "../../../src/provision/port-sharing/port-variables";
import type { LoadedWorkflow } from "../../../src/provision/workflow-loader";
import type { Topology } from "../../../src/topology";
import { sharing, statements, withSections, workflows } from "./services-fixture";

let wf: LoadedWorkflow;
beforeAll(async () => {
  wf = (await workflows()).ports;
});

const member = (t: Topology, system: string, role = "member") =>
  renderStackMember({ workflow: wf, stepId: "reserve", role, vars: portMemberVariables(t, system), system });

describe("port-sharing obey member", () => {
  it("reserves the shared port with SHAREPORTWLM, and the outbound port shared too since both servers bind it (the example)", () => {
    const t = withSections({});
    expect(statements(member(t, "SYSA"))).toEqual([
      "PORT 9443 TCP ZCHA* SHAREPORTWLM",
      "PORT 9444 TCP ZCHA* SHAREPORT",
      // The example's two Zowe gateways on SYSA share 7554.
      "PORT 7554 TCP ZWE?AG SHAREPORT",
    ]);
  });

  it("writes SHAREPORT and BIND, and no outbound port when none is given", () => {
    const t = withSections({ portSharing: [sharing({ bind: "192.0.2.5" })] });
    expect(statements(member(t, "SYSA"))).toEqual(["PORT 9443 TCP ZCHA* SHAREPORT BIND 192.0.2.5"]);
  });

  it("keeps the protocol of the entry and puts every entry of a system in its member", () => {
    const t = withSections({
      portSharing: [
        sharing({ protocol: "UDP", port: 7000, jobPrefix: "APP?X", servers: ["APP1X", "APP2X"] }),
        sharing({ name: "second", mode: "SHAREPORTWLM", outboundPort: 9450 }),
        sharing({ name: "elsewhere", system: "SYSC" }),
      ],
    });
    expect(portSharingSystems(t)).toEqual(["SYSA", "SYSC"]);
    expect(statements(member(t, "SYSA"))).toEqual([
      "PORT 7000 UDP APP?X SHAREPORT",
      "PORT 9443 TCP ZCHA* SHAREPORTWLM",
      "PORT 9450 TCP ZCHA* SHAREPORT",
    ]);
    expect(statements(member(t, "SYSC"))).toEqual(["PORT 9443 TCP ZCHA* SHAREPORT"]);
  });

  it("stays inside column 71 and parses without errors as TCP/IP profile text", () => {
    const t = withSections({ portSharing: [sharing({ name: "n".repeat(32), bind: "203.0.113.254", outboundPort: 65535 })] });
    for (const role of ["member", "remove"]) {
      const text = member(t, "SYSA", role);
      for (const line of text.split("\n")) expect(line.length).toBeLessThanOrEqual(71);
      const parsed = parseProfile(text, "TCPIP.HA.OBEY(HPSYSA)");
      expect(parsed.messages).toEqual([]);
      expect(parsed.statements.length).toBeGreaterThan(0);
    }
  });

  it("removes exactly the reservations it made with DELETE PORT", () => {
    expect(statements(member(withSections({}), "SYSA", "remove"))).toEqual([
      "DELETE PORT 9443 TCP ZCHA*",
      "DELETE PORT 9444 TCP ZCHA*",
      "DELETE PORT 7554 TCP ZWE?AG",
    ]);
  });

  it("names the member HP + system, apart from the hot-standby HA member", () => {
    const t = withSections({});
    expect(stackMemberName(t, "HP", "SYSA")).toBe("HPSYSA");
    const long = {
      ...t,
      systems: [
        { ...t.systems[0]!, name: "PRODSYS1" },
        { ...t.systems[1]!, name: "PRODSYS2" },
      ],
    };
    const a = stackMemberName(long, "HP", "PRODSYS1");
    const b = stackMemberName(long, "HP", "PRODSYS2");
    expect(a).not.toBe(b);
    expect(a).toMatch(/^HP[A-Z][A-Z0-9]{5}$/);
  });
});

const PORTLIST = (rows: string[]) =>
  [
    "EZD0101I NETSTAT CS V2R5 TCPIP 001",
    "PORT# PROT  USER     FLAGS    RANGE       IP ADDRESS       SAF NAME",
    "----- ----  ----     -----    -----       ----------       --------",
    ...rows,
    `${rows.length} OF ${rows.length} RECORDS DISPLAYED`,
    "END OF THE REPORT",
  ].join("\n");

function entries(rows: string[]) {
  const r = parsePortlist(PORTLIST(rows));
  if (r.kind !== "ok") throw new Error(r.kind);
  return r.data.entries;
}

describe("port reservations read back from PORTLIST", () => {
  const t = withSections({ portSharing: [sharing({ mode: "SHAREPORTWLM", bind: "192.0.2.5", outboundPort: 9444 })] });
  const wanted = reservationsOf(portMemberVariables(t, "SYSA"));

  it("finds nothing missing when both reservations are in force", () => {
    const list = entries(["09443 TCP  ZCHA*    DAWB                 192.0.2.5", "09444 TCP  ZCHA*    DAS"]);
    expect(missingReservations(list, wanted)).toEqual([]);
    expect(reservationsInForce(list, wanted)).toEqual(["PORT 9443 TCP ZCHA*", "PORT 9444 TCP ZCHA*"]);
  });

  it("says which reservation is absent or has the wrong sharing flag", () => {
    const list = entries(["09443 TCP  ZCHA*    DASB                 192.0.2.5"]);
    expect(missingReservations(list, wanted)).toEqual([
      "PORT 9443 TCP ZCHA* SHAREPORTWLM BIND 192.0.2.5 is reserved with flags DASB BIND 192.0.2.5",
      "PORT 9444 TCP ZCHA* SHAREPORT is not reserved",
    ]);
  });

  it("keeps the outbound port unshared when only one server binds it", () => {
    const single = withSections({ portSharing: [sharing({ servers: ["ZCHA1"], outboundPort: 9444 })] });
    expect(reservationsOf(portMemberVariables(single, "SYSA")).map((r) => [r.port, r.share])).toEqual([
      [9443, "SHAREPORT"],
      [9444, null],
    ]);
  });

  it("mentions a reservation of the same port for other job names", () => {
    const list = entries(["09443 TCP  OTHERJOB DA"]);
    expect(otherReservations(list, wanted)).toEqual([
      "port 9443 TCP (zosconnect-api) is also reserved for OTHERJOB; that reservation is left as it is",
    ]);
  });

  it("points out a reservation for our job names on a port no entry names any more", () => {
    const list = entries(["09000 TCP  ZCHA*    DAW", "09443 TCP  ZCHA*    DAWB                 192.0.2.5"]);
    expect(strayReservations(list, wanted)).toEqual([
      expect.stringMatching(/^port 9000 TCP is reserved for ZCHA\* but no portSharing entry names it/),
    ]);
  });
});
