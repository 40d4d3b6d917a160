import { describe, expect, it } from "vitest";
import { normaliseDistMethod, parseVipadcfg, type VipadcfgReport } from "../../../src/parsers/vipadcfg";
import { sample, splitWithRepeatedHeader } from "./helpers";

function ok(text: string): VipadcfgReport {
  const r = parseVipadcfg(text);
  if (r.kind !== "ok") throw new Error(`expected ok, got ${JSON.stringify(r)}`);
  return r.data;
}

describe("parseVipadcfg", () => {
  it("reads the two-system HOTSTANDBY configuration", () => {
    const r = parseVipadcfg(sample("vipadcfg-hotstandby-sysa.txt"));
    expect(r.kind).toBe("ok");
    if (r.kind !== "ok") return;
    expect(r.frame.header?.proc).toBe("TCPIP");
    expect(r.frame.ended).toBe(true);
    const d = r.data;
    expect(d.defines).toEqual([
      {
        address: "203.0.113.10",
        prefixLen: 24,
        intfName: null,
        deactivated: false,
        moveable: "IMMEDIATE",
        srvMgr: false,
        extra: { FLG: "" },
      },
    ]);
    expect(d.distributes).toHaveLength(2);
    const [pref, back] = d.distributes;
    expect(pref).toMatchObject({
      destAddress: "203.0.113.10",
      destPort: 443,
      destXcf: "198.51.100.1",
      distMethod: "HOTSTANDBY",
      srvType: "PREFERRED",
      rank: null,
      autoSwitchBack: false,
      healthSwitch: true,
      sysPt: false,
      timAff: false,
      flg: null,
      optLoc: null,
      weight: null,
    });
    expect(back).toMatchObject({ destXcf: "198.51.100.2", srvType: "BACKUP", rank: 100, autoSwitchBack: false });
    expect(d.unknownLines).toEqual([]);
  });

  it("reads the TSO DETAIL form: backups, ranks, IPv6, weights, unknown fields and deactivated entries", () => {
    const d = ok(sample("vipadcfg-detail-tso.txt"));
    expect(d.backups.map((b) => [b.address, b.rank, b.moveable, b.srvMgr, b.deactivated])).toEqual([
      ["203.0.113.20", 100, null, null, false],
      ["203.0.113.21", 1, "WHENIDLE", true, false],
      ["203.0.113.99", 50, null, null, true],
    ]);
    expect(d.backups[1].extra).toEqual({ NEWFIELD: "Something" });
    expect(d.defines[1]).toMatchObject({ intfName: "DVIPAV6A", address: "2001:DB8:10::1", prefixLen: 128 });
    expect(d.ranges).toMatchObject([{ address: "203.0.113.192", prefixLen: 26, moveable: "NONDISR" }]);
    const [wa, sw, rr] = d.distributes;
    expect(wa).toMatchObject({ distMethod: "WEIGHTEDACTIVE", srvType: null, sysPt: true, timAff: 60, optLoc: 2, weight: 30 });
    expect(wa.extra.PROCTYPE).toMatch(/CP 01/);
    expect(sw).toMatchObject({ distMethod: "SERVERWLM", distMethodRaw: "SERVERWLM", optLoc: false, timAff: false });
    expect(rr).toMatchObject({ destAddress: "2001:DB8:10::1", destPort: 9000, destXcf: "2001:DB8:FF::11", distMethod: "ROUNDROBIN" });
    expect(d.unknownLines).toEqual(["Some future line the parser does not know"]);
  });

  it("copes with varied spacing and a DEST line glued to its value", () => {
    const text = [
      " EZD0101I NETSTAT CS V2R5 TCPIP 9",
      "DYNAMIC VIPA INFORMATION:",
      "VIPA DISTRIBUTE:",
      "DEST:203.0.113.10..443",
      "DESTXCF:198.51.100.1 DISTMETHOD:HotStandby SRVTYPE:Preferred",
      "AUTOSWITCHBACK:No HEALTHSWITCH:No",
      "END OF THE REPORT",
    ].join("\r");
    expect(ok(text).distributes).toMatchObject([
      {
        destAddress: "203.0.113.10",
        destPort: 443,
        destXcf: "198.51.100.1",
        distMethod: "HOTSTANDBY",
        srvType: "PREFERRED",
        autoSwitchBack: false,
        healthSwitch: false,
      },
    ]);
  });

  it("reads distribute entries when the section heading is missing", () => {
    const text = " EZD0101I NETSTAT CS V2R5 TCPIP 9\r  DEST: 203.0.113.10..443\r    DESTXCF: 198.51.100.1\r  END OF THE REPORT";
    expect(ok(text).distributes).toHaveLength(1);
  });

  it("reads a report split over two pieces with the frame repeated", () => {
    const whole = sample("vipadcfg-hotstandby-sysa.txt");
    const split = splitWithRepeatedHeader(whole, 11, " EZD0101I NETSTAT CS V2R5 TCPIP 413");
    const d = ok(split);
    expect(d).toEqual(ok(whole));
    expect(d.distributes[1].rank).toBe(100);
  });

  it("reports several records and absent sections as empty lists", () => {
    const d = ok(sample("vipadcfg-hotstandby-sysa.txt"));
    expect(d.backups).toEqual([]);
    expect(d.ranges).toEqual([]);
    expect(d.routes).toEqual([]);
  });

  it("accepts a framed report with an empty body", () => {
    const r = parseVipadcfg(" EZD0101I NETSTAT CS V2R5 TCPIP 9\r  END OF THE REPORT");
    expect(r.kind).toBe("ok");
  });

  it("flags EZZ2502I/EZZ2503I as not in the sysplex, keeping the inactive configuration", () => {
    const r = parseVipadcfg(sample("vipadcfg-not-in-sysplex.txt"));
    expect(r.kind).toBe("not-in-sysplex");
    if (r.kind !== "not-in-sysplex") return;
    expect(r.allDvipaInactive).toBe(true);
    expect(r.messages.map((m) => m.id)).toEqual(["EZZ2502I", "EZZ2503I"]);
    expect(r.data?.defines[0].address).toBe("203.0.113.10");
  });

  it("flags EZZ8269I as not in the sysplex", () => {
    const r = parseVipadcfg(" EZZ8269I TCPIP SYSA IS NOT A MEMBER OF A SYSPLEX GROUP");
    expect(r).toMatchObject({ kind: "not-in-sysplex", allDvipaInactive: false });
    if (r.kind === "not-in-sysplex") expect(r.data).toBeUndefined();
  });

  it("reports routing rejections and TCP/IP command errors", () => {
    expect(parseVipadcfg(" IEE345I DISPLAY    AUTHORITY INVALID, FAILED BY SECURITY PRODUCT")).toMatchObject({
      kind: "error",
      messageId: "IEE345I",
    });
    expect(parseVipadcfg(" IEE618I DISPLAY COMMAND REJECTED, ROUTE FAILED")).toMatchObject({ kind: "error", messageId: "IEE618I" });
    // Test data: an EZZ0xxx reply for a stack procedure that does not exist.
    const r = parseVipadcfg(" EZZ0999I TCPIP STACK NOSUCH IS NOT ACTIVE");
    expect(r).toEqual({
      kind: "error",
      messageId: "EZZ0999I",
      text: "TCPIP STACK NOSUCH IS NOT ACTIVE",
      messages: [{ id: "EZZ0999I", text: "TCPIP STACK NOSUCH IS NOT ACTIVE" }],
    });
  });

  it("never reads another response as an empty report", () => {
    const iplinfo = " IEE254I  09.00.16 IPLINFO DISPLAY 147\r  SYSTEM IPLED AT 14.36.04 ON 02/17/2018\r  RELEASE z/OS 02.03.00";
    expect(parseVipadcfg(iplinfo)).toEqual({
      kind: "unrecognised",
      firstLines: ["IEE254I  09.00.16 IPLINFO DISPLAY 147", "SYSTEM IPLED AT 14.36.04 ON 02/17/2018", "RELEASE z/OS 02.03.00"],
    });
    expect(parseVipadcfg("")).toEqual({ kind: "unrecognised", firstLines: [] });
    expect(parseVipadcfg(" \r  \r")).toEqual({ kind: "unrecognised", firstLines: [] });
  });

  it("does not take another NETSTAT report for this one", () => {
    expect(parseVipadcfg(sample("home.txt")).kind).toBe("unrecognised");
    expect(parseVipadcfg(sample("vdpt-hotstandby.txt")).kind).toBe("unrecognised");
  });

  it("treats a framed body it cannot read as unrecognised", () => {
    expect(parseVipadcfg(" EZD0101I NETSTAT CS V2R5 TCPIP 9\r  SOMETHING ELSE ENTIRELY\r  END OF THE REPORT").kind).toBe("unrecognised");
  });
});

describe("normaliseDistMethod", () => {
  it.each([
    ["HotStandby", "HOTSTANDBY"],
    ["HOTSTANDBY", "HOTSTANDBY"],
    ["ServerWLM", "SERVERWLM"],
    ["BaseWLM", "BASEWLM"],
    ["RoundRobin", "ROUNDROBIN"],
    ["WeightedActive", "WEIGHTEDACTIVE"],
    ["Weighted Active", "WEIGHTEDACTIVE"],
    ["Other", null],
    ["", null],
  ])("%s → %s", (raw, expected) => {
    expect(normaliseDistMethod(raw)).toBe(expected);
  });
});
