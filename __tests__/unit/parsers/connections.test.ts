import { describe, expect, it } from "vitest";
import { listenersOn, parseConnections, type ConnReport } from "../../../src/parsers/connections";
import { sample, splitWithRepeatedHeader } from "./helpers";

function ok(text: string): ConnReport {
  const r = parseConnections(text);
  if (r.kind !== "ok") throw new Error(`expected ok, got ${JSON.stringify(r)}`);
  return r.data;
}

describe("parseConnections", () => {
  it("reads the console form", () => {
    const d = ok(sample("conn-listen.txt"));
    expect(d.entries).toEqual([
      {
        user: "ZCHA1",
        connId: "0000004A",
        state: "LISTEN",
        listening: true,
        local: { address: "192.0.2.1", port: 9443 },
        foreign: { address: "0.0.0.0", port: 0 },
        extra: {},
      },
      {
        user: "ZCHA1",
        connId: "0000005C",
        state: "ESTBLSH",
        listening: false,
        local: { address: "192.0.2.1", port: 9443 },
        foreign: { address: "192.0.2.200", port: 50123 },
        extra: {},
      },
      {
        user: "IZUSVR1",
        connId: "00000071",
        state: "LISTEN",
        listening: true,
        local: { address: "0.0.0.0", port: 443 },
        foreign: { address: "0.0.0.0", port: 0 },
        extra: {},
      },
    ]);
  });

  it("reads the TSO short form with mapped IPv4 addresses", () => {
    const d = ok(sample("conn-tso.txt"));
    expect(d.entries.map((e) => [e.user, e.state, e.local?.address, e.local?.port, e.foreign?.port])).toEqual([
      ["ZCHA2", "LISTEN", "0.0.0.0", 9443, 0],
      ["ZCHA2", "ESTABLSH", "::FFFF:192.0.2.2", 9443, 4711],
    ]);
  });

  it("keeps unknown labelled fields on the connection", () => {
    const d = ok(
      " EZD0101I NETSTAT CS V2R5 TCPIP 1\r  USER ID  CONN     STATE\r  ZCHA1    0000004A LISTEN\r    LOCAL SOCKET: ::FFFF:192.0.2.1..9443\r    APPLICATION DATA: ZCHA",
    );
    expect(d.entries[0].local).toEqual({ address: "::FFFF:192.0.2.1", port: 9443 });
    expect(d.entries[0].foreign).toBeNull();
    expect(d.entries[0].extra).toEqual({ "APPLICATION DATA": "ZCHA" });
  });

  it("reads a report split over two pieces with the frame and heading repeated", () => {
    const whole = sample("conn-listen.txt");
    const split = splitWithRepeatedHeader(whole, 5, " EZD0101I NETSTAT CS V2R5 TCPIP 461\r  USER ID  CONN     STATE");
    expect(ok(split)).toEqual(ok(whole));
  });

  it("classifies error, foreign and empty responses", () => {
    expect(parseConnections(" EZZ0999I TCPIP STACK NOSUCH NOT FOUND").kind).toBe("error");
    expect(parseConnections(sample("home.txt")).kind).toBe("unrecognised");
    expect(parseConnections("").kind).toBe("unrecognised");
  });
});

describe("listenersOn", () => {
  const console = parseConnections(sample("conn-listen.txt"));
  const tso = parseConnections(sample("conn-tso.txt"));

  it("finds LISTEN entries for a port", () => {
    expect(listenersOn(console, { port: 9443 }).map((e) => e.connId)).toEqual(["0000004A"]);
    expect(listenersOn(console, { port: 9999 })).toEqual([]);
  });

  it("matches the bound address or the wildcard address", () => {
    expect(listenersOn(console, { port: 9443, address: "192.0.2.1" })).toHaveLength(1);
    expect(listenersOn(console, { port: 9443, address: "192.0.2.2" })).toHaveLength(0);
    expect(listenersOn(console, { port: 443, address: "203.0.113.10" })).toHaveLength(1);
    expect(listenersOn(tso, { port: 9443, address: "::ffff:203.0.113.10" })).toHaveLength(1);
  });

  it("accepts the report data and returns nothing for a result that is not ok", () => {
    if (console.kind === "ok") expect(listenersOn(console.data, { port: 443 })).toHaveLength(1);
    expect(listenersOn(parseConnections(""), { port: 443 })).toEqual([]);
  });
});
