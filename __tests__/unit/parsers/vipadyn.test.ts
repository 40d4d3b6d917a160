import { describe, expect, it } from "vitest";
import { parseVipadyn, type VipadynReport } from "../../../src/parsers/vipadyn";
import { sample, splitWithRepeatedHeader } from "./helpers";

function ok(text: string): VipadynReport {
  const r = parseVipadyn(text);
  if (r.kind !== "ok") throw new Error(`expected ok, got ${JSON.stringify(r)}`);
  return r.data;
}

describe("parseVipadyn", () => {
  it("reads the console form", () => {
    const d = ok(sample("vipadyn.txt"));
    expect(d.dvipas).toEqual([
      {
        address: "203.0.113.10",
        prefixLen: 24,
        intfName: null,
        status: "ACTIVE",
        statusRaw: "ACTIVE",
        origin: "VIPADEFINE",
        distStat: "DIST/DEST",
        actTime: "03/14/2025 08:15:02",
        extra: {},
      },
      {
        address: "203.0.113.20",
        prefixLen: null,
        intfName: null,
        status: "BACKUP",
        statusRaw: "BACKUP",
        origin: "VIPABACKUP",
        distStat: null,
        actTime: "N/A",
        extra: {},
      },
    ]);
    expect(d.routes).toEqual([]);
  });

  it("reads the TSO form with two-word origins, IPv6, unknown fields and VIPA routes", () => {
    const d = ok(sample("vipadyn-tso.txt"));
    expect(d.dvipas.map((v) => [v.address, v.intfName, v.status, v.origin, v.distStat])).toEqual([
      ["203.0.113.50", null, "QUIESCING", "VIPARANGE BIND", null],
      ["2001:DB8:10::1", "DVIPAV6A", "MOVING", "VIPADEFINE", "DIST"],
    ]);
    expect(d.dvipas[0].extra).toEqual({ OWNER: "SYSB" });
    expect(d.routes).toEqual([{ destXcf: "198.51.100.2", targetIp: "192.0.2.5", rtStatus: "ACTIVE", extra: {} }]);
  });

  it("keeps an unknown status as raw text", () => {
    const d = ok(
      " EZD0101I NETSTAT CS V2R5 TCPIP 1\r  DYNAMIC VIPA:\r  IP ADDRESS/PREFIXLEN: 203.0.113.9\r  STATUS: SLEEPING  ORIGIN: VIPADEFINE",
    );
    expect(d.dvipas[0]).toMatchObject({ status: null, statusRaw: "SLEEPING" });
  });

  it("reads a report split over two pieces with the frame repeated", () => {
    const whole = sample("vipadyn.txt");
    expect(ok(splitWithRepeatedHeader(whole, 4, " EZD0101I NETSTAT CS V2R5 TCPIP 432"))).toEqual(ok(whole));
  });

  it("classifies sysplex, error, foreign and empty responses", () => {
    expect(parseVipadyn(" EZZ8269I TCPIP SYSA IS NOT A MEMBER OF A SYSPLEX GROUP").kind).toBe("not-in-sysplex");
    expect(parseVipadyn(" IEE618I DISPLAY COMMAND REJECTED").kind).toBe("error");
    expect(parseVipadyn(sample("vipadcfg-hotstandby-sysa.txt")).kind).toBe("unrecognised");
    expect(parseVipadyn("").kind).toBe("unrecognised");
  });
});
