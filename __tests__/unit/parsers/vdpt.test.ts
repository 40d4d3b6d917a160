import { describe, expect, it } from "vitest";
import { activeTargets, parseVdpt, type VdptReport } from "../../../src/parsers/vdpt";
import { sample, splitWithRepeatedHeader } from "./helpers";

function ok(text: string): VdptReport {
  const r = parseVdpt(text);
  if (r.kind !== "ok") throw new Error(`expected ok, got ${JSON.stringify(r)}`);
  return r.data;
}

describe("parseVdpt", () => {
  it("reads exactly one ACTIVE and one BACKUP target with their RDY values", () => {
    const d = ok(sample("vdpt-hotstandby.txt"));
    expect(d.entries).toEqual([
      {
        destAddress: "203.0.113.10",
        destPort: 443,
        destXcf: "198.51.100.1",
        totalConn: 42,
        rdy: 1,
        wlm: 10,
        wlmKind: null,
        tsr: 100,
        distMethod: "HOTSTANDBY",
        distMethodRaw: "HOTSTANDBY",
        srvType: "PREFERRED",
        flg: "ACTIVE",
        target: "stack",
        extra: {},
      },
      {
        destAddress: "203.0.113.10",
        destPort: 443,
        destXcf: "198.51.100.2",
        totalConn: 0,
        rdy: 1,
        wlm: 10,
        wlmKind: null,
        tsr: 100,
        distMethod: "HOTSTANDBY",
        distMethodRaw: "HOTSTANDBY",
        srvType: "BACKUP",
        flg: "BACKUP",
        target: "stack",
        extra: {},
      },
    ]);
    expect(activeTargets(d).map((e) => e.destXcf)).toEqual(["198.51.100.1"]);
  });

  it("reads the TSO DETAIL form: glued values, WLM suffixes, blank FLG, DETAIL extras, non-z/OS section", () => {
    const d = ok(sample("vdpt-detail-tso.txt"));
    expect(d.entries).toHaveLength(3);
    expect(d.entries[0]).toMatchObject({
      totalConn: 1234,
      rdy: 2,
      wlm: 8,
      wlmKind: "system",
      tsr: 95,
      distMethod: "BASEWLM",
      flg: null,
      srvType: null,
    });
    expect(d.entries[0].extra).toEqual({ TCSR: "100", CER: "100", SEF: "095", ACTCONN: "0000000012", QOSPLCACT: "*DEFAULT*" });
    expect(d.entries[1]).toMatchObject({ rdy: 0, wlm: 12, wlmKind: "server", distMethod: "SERVERWLM" });
    expect(d.entries[2]).toMatchObject({ destPort: 80, target: "non-zos", distMethod: "ROUNDROBIN" });
    expect(activeTargets(d)).toEqual([]);
  });

  it("reads a report split over two pieces with the frame repeated", () => {
    const whole = sample("vdpt-hotstandby.txt");
    expect(ok(splitWithRepeatedHeader(whole, 4, " EZD0101I NETSTAT CS V2R5 TCPIP 421"))).toEqual(ok(whole));
  });

  it("gives each DESTXCF its own entry when DEST is printed once", () => {
    const text =
      " EZD0101I NETSTAT CS V2R5 TCPIP 1\r  DEST: 203.0.113.10..443\r    DESTXCF: 198.51.100.1\r    FLG: ACTIVE\r    DESTXCF: 198.51.100.2\r    FLG: BACKUP";
    expect(ok(text).entries.map((e) => [e.destPort, e.destXcf, e.flg])).toEqual([
      [443, "198.51.100.1", "ACTIVE"],
      [443, "198.51.100.2", "BACKUP"],
    ]);
  });

  it("keeps unknown lines and an empty table", () => {
    const d = ok(
      " EZD0101I NETSTAT CS V2R5 TCPIP 1\r  DYNAMIC VIPA DESTINATION PORT TABLE FOR TCP/IP STACKS:\r  NOTHING TO SHOW\r  0 OF 0 RECORDS DISPLAYED\r  END OF THE REPORT",
    );
    expect(d.entries).toEqual([]);
    expect(d.unknownLines).toEqual(["NOTHING TO SHOW"]);
  });

  it("classifies sysplex, error, foreign and empty responses", () => {
    expect(parseVdpt(" EZZ2502I STACK TCPIP IS NOT A MEMBER OF THE SYSPLEX GROUP").kind).toBe("not-in-sysplex");
    expect(parseVdpt(" EZZ8269I TCPIP SYSA IS NOT A MEMBER OF A SYSPLEX GROUP").kind).toBe("not-in-sysplex");
    expect(parseVdpt(" IEE345I DISPLAY    AUTHORITY INVALID").kind).toBe("error");
    expect(parseVdpt(sample("portlist.txt")).kind).toBe("unrecognised");
    expect(parseVdpt("")).toEqual({ kind: "unrecognised", firstLines: [] });
    expect(parseVdpt(" CNZ4105I 04.32.31 DISPLAY ACTIVITY 458\r  JOBS M/S TS USERS")).toEqual({
      kind: "unrecognised",
      firstLines: ["CNZ4105I 04.32.31 DISPLAY ACTIVITY 458", "JOBS M/S TS USERS"],
    });
  });
});
