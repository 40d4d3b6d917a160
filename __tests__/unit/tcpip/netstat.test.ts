import { describe, expect, it } from "vitest";
import { netstatCommand, netstatComplete } from "../../../src/tcpip/netstat";

describe("NETSTAT displays", () => {
  it("builds the command with its modifiers after the report word", () => {
    expect(netstatCommand("TCPIP", { report: "VIPADCFG", options: ["DETAIL"] })).toBe("D TCPIP,TCPIP,NETSTAT,VIPADCFG,DETAIL");
    expect(netstatCommand("TCPIP", { report: "CONN", word: "ALLCONN" })).toBe("D TCPIP,TCPIP,NETSTAT,ALLCONN");
  });

  it("waits for the trailer once the report header has come", () => {
    const head = "EZD0101I NETSTAT CS V2R5 TCPIP 123\nDYNAMIC VIPA INFORMATION:";
    expect(netstatComplete(head)).toBe(false);
    expect(netstatComplete(`${head}\n0 OF 0 RECORDS DISPLAYED\nEND OF THE REPORT`)).toBe(true);
  });

  it("takes a message without a report header as the whole answer", () => {
    expect(netstatComplete("IEE341I TCPIPX NOT ACTIVE")).toBe(true);
    expect(netstatComplete("EZZ8269I TCPIP SYSA IS NOT A MEMBER OF A SYSPLEX GROUP")).toBe(true);
    // A message the plug-in has no list entry for, and one that quotes the command back.
    expect(netstatComplete("EZZ0335I ALLCONN IS NOT A VALID NETSTAT OPTION")).toBe(true);
    expect(netstatComplete("IEE305I D TCPIP,TCPIP,NETSTAT,VDPX COMMAND INVALID")).toBe(true);
    expect(netstatComplete("")).toBe(false);
  });

  it("waits for the report after EZZ2502I when the header follows the messages", () => {
    expect(netstatComplete("EZZ2502I TCPIP IS NOT A MEMBER OF THE SYSPLEX GROUP\nEZD0101I NETSTAT CS V2R5 TCPIP 124")).toBe(false);
  });
});
