import { describe, expect, it } from "vitest";
import { decodePortFlags, parsePortlist, type PortlistReport } from "../../../src/parsers/portlist";
import { sample, splitWithRepeatedHeader } from "./helpers";

function ok(text: string): PortlistReport {
  const r = parsePortlist(text);
  if (r.kind !== "ok") throw new Error(`expected ok, got ${JSON.stringify(r)}`);
  return r.data;
}

describe("parsePortlist", () => {
  it("reads the console form", () => {
    const d = ok(sample("portlist.txt"));
    const rows = d.entries.map((e) => [e.port, e.unreserved, e.protocol, e.user, e.flags, e.range, e.bindAddress, e.safName]);
    expect(rows).toEqual([
      [null, true, "TCP", "A*", "L", null, null, null],
      [null, true, "TCP", "*", "FL", null, null, "GENERIC"],
      [21, false, "TCP", "FTPD1", "D", null, null, null],
      [443, false, "TCP", "IZUSVR*", "DASB", null, "203.0.113.10", null],
      [7554, false, "TCP", "ZWE1AG", "DAW", null, null, null],
      [9443, false, "TCP", "ZCHA*", "DAS", null, null, null],
      [10000, false, "TCP", "APPL?X", "DR", "10000-10009", null, "APPLSAF"],
      [2049, false, "UDP", "MVSNFS", "X", null, null, null],
    ]);
    expect(d.entries[5].flagSet).toEqual({
      shareport: true,
      shareportWlm: false,
      delayAcks: true,
      bind: false,
      autolog: true,
      reserved: false,
      other: [],
    });
    expect(d.entries[4].flagSet.shareportWlm).toBe(true);
    expect(d.entries[7].flagSet.other).toEqual(["X"]);
    expect(d.unknownLines).toEqual([]);
  });

  it("reads the TSO form with other spacing, mixed case and an IPv6 bind address", () => {
    const d = ok(sample("portlist-tso.txt"));
    expect(d.entries[0]).toMatchObject({ port: 443, protocol: "TCP", flags: "DASB", bindAddress: "2001:DB8:10::1", safName: "ZOSMFSAF" });
    expect(d.entries[0].flagSet.bind).toBe(true);
    expect(d.entries[1]).toMatchObject({ port: 9443, user: "ZCHA*", flags: "DAS" });
  });

  it("tells flags from a SAF name without a heading", () => {
    const d = ok(" EZD0101I NETSTAT CS V2R5 TCPIP 1\r  09443 TCP ZCHA* DAS\r  UNRSV TCP * FL GENERIC\r  00080 TCP WEB1 GENERIC");
    expect(d.entries.map((e) => [e.flags, e.safName])).toEqual([
      ["DAS", null],
      ["FL", "GENERIC"],
      ["", "GENERIC"],
    ]);
  });

  it("reads a report split over two pieces with the frame and heading repeated", () => {
    const whole = sample("portlist.txt");
    const split = splitWithRepeatedHeader(
      whole,
      6,
      " EZD0101I NETSTAT CS V2R5 TCPIP 441\r  PORT# PROT USER     FLAGS    RANGE       IP ADDRESS       SAF NAME",
    );
    expect(ok(split)).toEqual(ok(whole));
  });

  it("keeps lines that are not rows", () => {
    expect(ok(" EZD0101I NETSTAT CS V2R5 TCPIP 1\r  09443 TCP ZCHA* DAS\r  A NOTE FROM A LATER RELEASE").unknownLines).toEqual([
      "A NOTE FROM A LATER RELEASE",
    ]);
  });

  it("classifies sysplex, error, foreign and empty responses", () => {
    expect(parsePortlist(" EZZ2502I STACK TCPIP IS NOT A MEMBER OF THE SYSPLEX GROUP").kind).toBe("not-in-sysplex");
    expect(parsePortlist(" EZZ0999I TCPIP STACK NOSUCH NOT FOUND").kind).toBe("error");
    expect(parsePortlist(sample("conn-listen.txt")).kind).toBe("unrecognised");
    expect(parsePortlist("").kind).toBe("unrecognised");
  });
});

describe("decodePortFlags", () => {
  it("decodes each letter and keeps unknown ones", () => {
    expect(decodePortFlags("swdbarlq")).toEqual({
      shareport: true,
      shareportWlm: true,
      delayAcks: true,
      bind: true,
      autolog: true,
      reserved: true,
      other: ["L", "Q"],
    });
    expect(decodePortFlags("")).toMatchObject({ shareport: false, other: [] });
  });
});
