import { describe, expect, it } from "vitest";
import { firstLines, parseFrame, parseMessageLine, splitLines } from "../../../src/parsers/frame";
import { sample } from "./helpers";

describe("splitLines", () => {
  it("accepts \\r, \\r\\n and \\n", () => {
    expect(splitLines("a\rb\r\nc\nd")).toEqual(["a", "b", "c", "d"]);
  });
});

describe("parseFrame", () => {
  it("strips the EZD0101I frame and reads header, counts and end", () => {
    const f = parseFrame(sample("vdpt-hotstandby.txt"));
    expect(f.header).toEqual({ form: "EZD0101I", release: "V2R5", proc: "TCPIP" });
    expect(f.headerCount).toBe(1);
    expect(f.recordsDisplayed).toBe(2);
    expect(f.recordsTotal).toBe(2);
    expect(f.ended).toBe(true);
    expect(f.body[0].trim()).toBe("DYNAMIC VIPA DESTINATION PORT TABLE FOR TCP/IP STACKS:");
    expect(f.body.some((l) => /RECORDS|END OF/.test(l))).toBe(false);
  });

  it("reads the older EZZ2500I header", () => {
    const f = parseFrame(" EZZ2500I NETSTAT CS V1R6 TCPIPA 117\r  HOME ADDRESS LIST:");
    expect(f.header).toEqual({ form: "EZZ2500I", release: "V1R6", proc: "TCPIPA" });
  });

  it("reads the TSO header in mixed case", () => {
    const f = parseFrame("MVS TCP/IP NETSTAT CS V2R5 TCPIP Name: TCPCS 18:28:50\nDynamic VIPA:");
    expect(f.header).toEqual({ form: "TSO", release: "V2R5", proc: "TCPCS" });
    expect(f.ended).toBe(false);
    expect(f.body).toEqual(["Dynamic VIPA:"]);
  });

  it("removes repeated headers and keeps the last record count", () => {
    const text =
      " EZD0101I NETSTAT CS V2R5 TCPIP 1\r  A: 1\r EZD0101I NETSTAT CS V2R5 TCPIP 2\r  B: 2\r  2 OF 5 RECORDS DISPLAYED\r  END OF THE REPORT";
    const f = parseFrame(text);
    expect(f.headerCount).toBe(2);
    expect(f.body.map((l) => l.trim())).toEqual(["A: 1", "B: 2"]);
    expect([f.recordsDisplayed, f.recordsTotal]).toEqual([2, 5]);
  });

  it("lifts message lines out of the body", () => {
    const f = parseFrame(sample("vipadcfg-not-in-sysplex.txt"));
    expect(f.messages.map((m) => m.id)).toEqual(["EZZ2502I", "EZZ2503I"]);
    expect(f.messages[0].text).toMatch(/NOT A MEMBER/);
  });

  it("handles empty text", () => {
    expect(parseFrame("")).toEqual({ headerCount: 0, body: [], ended: false, messages: [] });
    expect(firstLines("")).toEqual([]);
  });
});

describe("parseMessageLine", () => {
  it("takes only message-id families, not job names in rows", () => {
    expect(parseMessageLine("  EZZ0053I COMMAND DONE")).toEqual({ id: "EZZ0053I", text: "COMMAND DONE" });
    expect(parseMessageLine(" IEE345I DISPLAY AUTHORITY INVALID")?.id).toBe("IEE345I");
    expect(parseMessageLine("USR0001A 0000004A LISTEN")).toBeNull();
    expect(parseMessageLine("ZCHA1    0000004A LISTEN")).toBeNull();
  });
});
