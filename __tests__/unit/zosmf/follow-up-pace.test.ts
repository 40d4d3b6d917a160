import { describe, expect, it } from "vitest";
import { pollUntil } from "../../../src/zosmf/index";
import { client, useNock, zosmf } from "./helpers";

const ISSUE = "/zosmf/restconsoles/consoles/defcn";
const SOL = `${ISSUE}/solmsgs/C1234567`;
/** A pause no test could sit out: reaching the end proves it was not taken. */
const NEVER = { delayMs: 600_000 };

describe("console follow-ups with a completeness test", () => {
  useNock();

  it("reads the rest of a response that arrived in part without pausing first", async () => {
    zosmf()
      .put(ISSUE)
      .reply(200, { "cmd-response-key": "C1234567", "cmd-response": " EZD0101I NETSTAT CS V2R5 TCPIP\r  DYNAMIC VIPA:" })
      .get(SOL)
      .reply(200, { "cmd-response": "  IP ADDRESS: 10.1.1.10" })
      .get(SOL)
      .reply(200, { "cmd-response": "  END OF THE REPORT" });
    const res = await client().console.issue("D TCPIP,,N,VIPADCFG", {
      collect: { ...NEVER, isComplete: (t) => t.includes("END OF THE REPORT") },
    });
    expect(res).toMatchObject({ complete: true, followUps: 2 });
  });

  it("stays within maxFollowUps when reading on", async () => {
    let n = 0;
    zosmf()
      .put(ISSUE)
      .reply(200, { "cmd-response-key": "C1234567", "cmd-response": "PART 0" })
      .get(SOL)
      .times(3)
      .reply(() => [200, { "cmd-response": `PART ${++n}` }]);
    const res = await client().console.issue("D X", { collect: { ...NEVER, maxFollowUps: 3, isComplete: () => false } });
    expect(res).toMatchObject({ complete: false, followUps: 3 });
  });
});

describe("pollUntil pacing", () => {
  it("with waitFirst, takes its first look only after the initial delay", async () => {
    const started = performance.now();
    let firstLook = 0;
    await pollUntil({
      check: async () => {
        firstLook = performance.now() - started;
        return true;
      },
      timeoutMs: 5_000,
      initialDelayMs: 50,
      maxDelayMs: 50,
      waitFirst: true,
      onTimeout: () => new Error("timeout"),
    });
    expect(firstLook).toBeGreaterThanOrEqual(45);
  });

  it("never leaves a gap longer than noticeWithin allows", async () => {
    let looks = 0;
    const { polls } = await pollUntil({
      check: async () => (++looks === 3 ? true : undefined),
      timeoutMs: 600_000,
      initialDelayMs: 600_000,
      maxDelayMs: 600_000,
      noticeWithin: () => 5,
      onTimeout: () => new Error("timeout"),
    });
    expect(polls).toBe(3);
  });
});
