import nock from "nock";
import { describe, expect, it } from "vitest";
import { splitLines, ZosmfError } from "../../../src/zosmf/index";
import { client, noLogonService, rejection, useNock, zosmf } from "./helpers";

const ISSUE = "/zosmf/restconsoles/consoles/defcn";
const SOL = `${ISSUE}/solmsgs/C1234567`;
const FAST = { delayMs: 5 };

describe("console", () => {
  useNock();

  it("issues a command on the default console, routed by system, and collects until an empty follow-up", async () => {
    let body: unknown;
    zosmf()
      .put(ISSUE)
      .reply((_uri, reqBody) => {
        body = reqBody;
        return [200, { "cmd-response-key": "C1234567", "cmd-response": " EZZ2500I NETSTAT CS V2R5 TCPIP\r  DYNAMIC VIPA:" }];
      })
      .get(SOL)
      .reply(200, { "cmd-response": "  IP ADDRESS: 10.1.1.10\r\n\r\n  END OF THE REPORT" })
      .get(SOL)
      .reply(200, { "cmd-response": "" });
    const res = await client().console.issue("D TCPIP,,NETSTAT,VIPADCFG", { system: "SYSB", collect: FAST, safeToRepeat: true });
    expect(body).toEqual({ cmd: "D TCPIP,,NETSTAT,VIPADCFG", system: "SYSB", async: "N" });
    expect(res.complete).toBe(true);
    expect(res.followUps).toBe(2);
    expect(res.key).toBe("C1234567");
    expect(res.text).toBe(" EZZ2500I NETSTAT CS V2R5 TCPIP\r  DYNAMIC VIPA:\r  IP ADDRESS: 10.1.1.10\r\n\r\n  END OF THE REPORT");
    expect(res.lines).toEqual([" EZZ2500I NETSTAT CS V2R5 TCPIP", "  DYNAMIC VIPA:", "  IP ADDRESS: 10.1.1.10", "  END OF THE REPORT"]);
  });

  it("stops at maxFollowUps and says the response may be incomplete", async () => {
    let followUps = 0;
    zosmf()
      .put(ISSUE)
      .reply(200, { "cmd-response-key": "C1234567", "cmd-response": "PART 0" })
      .get(SOL)
      .times(10)
      .reply(() => [200, { "cmd-response": `PART ${++followUps}` }]);
    const res = await client().console.issue("D A,L", { collect: { ...FAST, maxFollowUps: 3 } });
    expect(followUps).toBe(3);
    expect(res).toMatchObject({ complete: false, followUps: 3, text: "PART 0\rPART 1\rPART 2\rPART 3" });
    nock.cleanAll();
  });

  it("is done without follow-ups once the sol-key is seen", async () => {
    zosmf()
      .put(ISSUE, { cmd: "F IZUSVR1,DISPLAY IZU", "sol-key": "IZUG013I", async: "N" })
      .reply(200, { "cmd-response-key": "C1234567", "cmd-response": " IZUG013I ...", "sol-key-detected": true });
    const res = await client().console.issue("F IZUSVR1,DISPLAY IZU", { solKey: "IZUG013I", collect: FAST });
    expect(res).toMatchObject({ solKeyDetected: true, complete: true, followUps: 0 });
  });

  it("a caller's isComplete decides when the response is whole", async () => {
    zosmf()
      .put(ISSUE)
      .reply(200, { "cmd-response-key": "C1234567", "cmd-response": "HEAD" })
      .get(SOL)
      .reply(200, { "cmd-response": "BODY\rEND" });
    const res = await client().console.issue("D X", { collect: { ...FAST, isComplete: (t) => t.includes("END") } });
    expect(res).toMatchObject({ complete: true, followUps: 1 });
  });

  it("drops the system for a ROUTE command and raises a rejected error on IEE618I", async () => {
    let body: unknown;
    zosmf()
      .put("/zosmf/restconsoles/consoles/HACONS")
      .reply((_uri, reqBody) => {
        body = reqBody;
        return [200, { "cmd-response-key": "C7", "cmd-response": " IEE618I ROUTE COMMAND REJECTED, INVALID SYSTEM NAME" }];
      });
    const err = await rejection(
      client().console.issue("RO SYSX,D TCPIP,,N,VDPT", { consoleName: "HACONS", system: "SYSA", collect: FAST }),
    );
    expect(body).toEqual({ cmd: "RO SYSX,D TCPIP,,N,VDPT", async: "N" });
    expect(err).toBeInstanceOf(ZosmfError);
    expect(err.kind).toBe("rejected");
    expect(err.failureClass).toBe("zos-failure");
    expect(err.message).toContain("SYSX");
    expect(err.message).toContain("IEE618I ROUTE COMMAND REJECTED, INVALID SYSTEM NAME");
  });

  it("raises a rejected error when IEE345I arrives in a follow-up", async () => {
    zosmf()
      .put(ISSUE)
      .reply(200, { "cmd-response-key": "C1234567", "cmd-response": "" })
      .get(SOL)
      .reply(200, { "cmd-response": " IEE345I ROUTE     AUTHORITY INVALID, FAILED BY SECURITY PRODUCT" });
    const err = await rejection(client().console.issue("D TCPIP", { system: "SYSB", collect: FAST }));
    expect(err.kind).toBe("rejected");
    expect(err.message).toMatch(/SYSB: IEE345I ROUTE +AUTHORITY INVALID/);
  });

  it("repeats a command after 503 only when the caller says it is safe", async () => {
    let calls = 0;
    zosmf()
      .put(ISSUE)
      .times(3)
      .reply(503)
      .on("request", () => calls++);
    const err = await rejection(client().console.issue("V TCPIP,,OBEYFILE,DSN=HA.TCPIP(VIPA)", { collect: FAST }));
    expect(err.kind).toBe("server");
    expect(calls).toBe(1);
    nock.cleanAll();
    noLogonService();

    zosmf()
      .put(ISSUE)
      .reply(503)
      .put(ISSUE)
      .reply(200, { "cmd-response-key": "C1234567", "cmd-response": " IEE254I" })
      .get(SOL)
      .reply(200, { "cmd-response": "" });
    expect((await client().console.issue("D IPLINFO", { collect: FAST, safeToRepeat: true })).lines).toEqual([" IEE254I"]);
  });

  it("never repeats a follow-up read: a display whose read is lost is issued again whole, once; other commands fail", async () => {
    let issues = 0;
    let reads = 0;
    const lostReads = (times: number) =>
      zosmf()
        .put(ISSUE)
        .times(times)
        .reply(() => {
          issues++;
          return [200, { "cmd-response-key": "C1234567", "cmd-response": "PART 0" }];
        })
        .get(SOL)
        .times(times * 3)
        .reply(() => {
          reads++;
          return [503, ""];
        });
    lostReads(2);
    const err = await rejection(client().console.issue("D X", { collect: { ...FAST, isComplete: () => false }, safeToRepeat: true }));
    expect(err).toBeInstanceOf(ZosmfError);
    expect({ issues, reads }).toEqual({ issues: 2, reads: 2 });
    nock.cleanAll();
    noLogonService();

    issues = reads = 0;
    lostReads(2);
    const vary = await rejection(
      client().console.issue("V TCPIP,,OBEYFILE,DSN=HA.TCPIP(VIPA)", { collect: { ...FAST, isComplete: () => false } }),
    );
    expect(vary).toBeInstanceOf(ZosmfError);
    expect({ issues, reads }).toEqual({ issues: 1, reads: 1 });
    nock.cleanAll();
  });

  it("a display issued again after a lost read answers with the whole of its second answer", async () => {
    zosmf()
      .put(ISSUE)
      .reply(200, { "cmd-response-key": "C1234567", "cmd-response": "HEAD" })
      .get(SOL)
      .reply(500, "")
      .put(ISSUE)
      .reply(200, { "cmd-response-key": "C1234567", "cmd-response": "HEAD" })
      .get(SOL)
      .reply(200, { "cmd-response": "TAIL END" });
    const res = await client().console.issue("D X", { collect: { ...FAST, isComplete: (t) => t.includes("END") }, safeToRepeat: true });
    expect(res.text).toBe("HEAD\rTAIL END");
  });

  it("splits lines on CR, CRLF and LF and drops empty ones", () => {
    expect(splitLines("A\rB\r\nC\nD\r\r\n  \rE")).toEqual(["A", "B", "C", "D", "E"]);
  });
});
