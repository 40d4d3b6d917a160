import { describe, expect, it } from "vitest";
import { parseHome, type HomeReport } from "../../../src/parsers/home";
import { sample, splitWithRepeatedHeader } from "./helpers";

function ok(text: string): HomeReport {
  const r = parseHome(text);
  if (r.kind !== "ok") throw new Error(`expected ok, got ${JSON.stringify(r)}`);
  return r.data;
}

describe("parseHome", () => {
  it("reads the long console form", () => {
    const d = ok(sample("home.txt"));
    expect(d.entries.map((e) => [e.nameKind, e.name, e.address, e.flags, e.primary])).toEqual([
      ["LINKNAME", "LOOPBACK", "127.0.0.1", [], false],
      ["INTFNAME", "OSAQDIO1", "192.0.2.1", ["PRIMARY"], true],
      ["INTFNAME", "EZAXCF02", "198.51.100.1", [], false],
      ["LINKNAME", "VIPL0000", "203.0.113.10", ["INTERNAL"], false],
    ]);
  });

  it("reads the short EZZ2500I table", () => {
    const r = parseHome(sample("home-short.txt"));
    expect(r.kind).toBe("ok");
    if (r.kind !== "ok") return;
    expect(r.frame.header).toEqual({ form: "EZZ2500I", release: "V1R6", proc: "TCPIP" });
    expect(r.data.entries).toEqual([
      { name: "OSA1LNK", nameKind: null, address: "192.0.2.1", flags: ["PRIMARY"], primary: true, extra: {} },
      { name: "LOOPBACK", nameKind: null, address: "127.0.0.1", flags: [], primary: false, extra: {} },
    ]);
  });

  it("reads mixed case, other spacing and unknown fields", () => {
    const d = ok(
      "MVS TCP/IP NETSTAT CS V2R5 TCPIP Name: TCPCS 10:00:00\nHome address list:\nIntfName: osaqdio1 Address: 2001:db8::5 Flags: Primary\n   MtuSize: 8992",
    );
    expect(d.entries).toEqual([
      { name: "OSAQDIO1", nameKind: "INTFNAME", address: "2001:DB8::5", flags: ["PRIMARY"], primary: true, extra: { MTUSIZE: "8992" } },
    ]);
  });

  it("reads a report split over two pieces with the frame repeated", () => {
    const whole = sample("home.txt");
    expect(ok(splitWithRepeatedHeader(whole, 6, " EZD0101I NETSTAT CS V2R5 TCPIP 451"))).toEqual(ok(whole));
  });

  it("classifies error, foreign and empty responses", () => {
    expect(parseHome(" IEE345I DISPLAY    AUTHORITY INVALID").kind).toBe("error");
    expect(parseHome(sample("vipadyn.txt")).kind).toBe("unrecognised");
    expect(parseHome("").kind).toBe("unrecognised");
  });
});
