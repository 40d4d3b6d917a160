/**
 * Takeover as a client measures it: the distributor's notice delay (StartOptions.distribution.noticeMs,
 * on the emulated clock), the noTakeover fault, and the DVIPA endpoint answering as the serving system.
 */
import { afterEach, describe, expect, it } from "vitest";
import { DVIPA, XCF_A, XCF_B } from "../tcpip/sysplex-fixture";
import { startPlex, type Plex } from "./plex";

let plex: Plex | undefined;
afterEach(async () => {
  await plex?.emu.stop();
  plex = undefined;
});

const activeXcf = async (p: Plex) => (await p.table()).find((t) => t.flg === "ACTIVE")?.xcf;

describe("the DVIPA endpoint answers as the system serving it", () => {
  it("is SYSA's z/OSMF while SYSA is Active, SYSB's once SYSA's server stops, and refuses when no server is left", async () => {
    plex = await startPlex();
    expect(await plex.viaDvipa()).toBe("SYSA");
    await plex.say("SYSA", "P IZUSVRA");
    expect(await plex.viaDvipa()).toBe("SYSB");
    await plex.say("SYSB", "P IZUSVRB");
    expect(await plex.viaDvipa()).toBe("reset");
    await plex.say("SYSB", "S IZUSVRB");
    expect(await plex.viaDvipa()).toBe("SYSB");
  });
});

describe("the distributor notices a target change noticeMs later (emulated clock)", () => {
  it("after P IZUSVRA: SYSA stays Active and new connections fail until noticed, then SYSB serves", async () => {
    plex = await startPlex({ distribution: { noticeMs: 2_000 } });
    await plex.say("SYSA", "P IZUSVRA");
    expect(await plex.table()).toEqual([
      { xcf: XCF_A, rdy: "000", flg: "ACTIVE" },
      { xcf: XCF_B, rdy: "001", flg: "BACKUP" },
    ]);
    expect(await plex.viaDvipa()).toBe("reset");
    await plex.advance(1_999);
    expect(await activeXcf(plex)).toBe(XCF_A);
    await plex.advance(1);
    expect(await activeXcf(plex)).toBe(XCF_B);
    expect(await plex.viaDvipa()).toBe("SYSB");
    // Switch-back (AUTOSWITCHBACK) waits for the restart to be noticed too.
    await plex.say("SYSA", "S IZUSVRA");
    expect(await activeXcf(plex)).toBe(XCF_B);
    expect(await plex.viaDvipa()).toBe("SYSB");
    await plex.advance(2_000);
    expect(await activeXcf(plex)).toBe(XCF_A);
    expect(await plex.viaDvipa()).toBe("SYSA");
  });

  it("after QUIESCE: the quiesced server still takes new connections until noticed; RESUME likewise", async () => {
    plex = await startPlex({ distribution: { noticeMs: 500 } });
    const answer = await plex.say("SYSA", "V TCPIP,,SYSPLEX,QUIESCE,JOBNAME=IZUSVRA");
    expect(answer).toEqual([
      "EZZ0060I PROCESSING COMMAND: VARY TCPIP,,SYSPLEX,QUIESCE,JOBNAME=IZUSVRA",
      "EZZ0053I COMMAND VARY SYSPLEX COMPLETED SUCCESSFULLY",
    ]);
    expect(await plex.table()).toEqual([
      { xcf: XCF_A, rdy: "000", flg: "ACTIVE" },
      { xcf: XCF_B, rdy: "001", flg: "BACKUP" },
    ]);
    expect(await plex.viaDvipa()).toBe("SYSA");
    await plex.advance(500);
    expect(await activeXcf(plex)).toBe(XCF_B);
    expect(await plex.viaDvipa()).toBe("SYSB");
    await plex.say("SYSA", "V TCPIP,,SYSPLEX,RESUME,JOBNAME=IZUSVRA");
    expect(await plex.viaDvipa()).toBe("SYSB");
    await plex.advance(500);
    expect(await plex.viaDvipa()).toBe("SYSA");
  });

  it("with NOAUTOSWITCHBACK the traffic stays on SYSB after the restart is noticed", async () => {
    plex = await startPlex({ distribution: { noticeMs: 300 } }, "NOAUTOSWITCHBACK");
    await plex.say("SYSA", "P IZUSVRA");
    await plex.advance(300);
    await plex.say("SYSA", "S IZUSVRA");
    await plex.advance(10_000);
    expect(await plex.table()).toEqual([
      { xcf: XCF_A, rdy: "001", flg: "BACKUP" },
      { xcf: XCF_B, rdy: "001", flg: "ACTIVE" },
    ]);
    expect(await plex.viaDvipa()).toBe("SYSB");
  });

  it("noticeMs can be read and changed through the control API, and must be 0 or more", async () => {
    plex = await startPlex();
    expect((await plex.c.control("GET", "distribution")).json()).toEqual({ noticeMs: 0 });
    expect((await plex.c.control("POST", "distribution", { noticeMs: 750 })).json()).toEqual({ noticeMs: 750 });
    expect((await plex.c.control("POST", "distribution", { noticeMs: -1 })).status).toBe(400);
    await plex.say("SYSA", "P IZUSVRA");
    await plex.advance(749);
    expect(await activeXcf(plex)).toBe(XCF_A);
    await plex.advance(1);
    expect(await activeXcf(plex)).toBe(XCF_B);
  });
});

describe("the noTakeover fault: the distributor never makes another target Active", () => {
  it.each([DVIPA, `${DVIPA}:443`])(
    "match %s: SYSA stays Active with no ready listener and connections are reset, until the fault goes",
    async (match) => {
      plex = await startPlex({ distribution: { noticeMs: 100 } });
      await plex.c.control("POST", "faults", { kind: "noTakeover", match });
      await plex.say("SYSA", "V TCPIP,,SYSPLEX,QUIESCE,PORT=443");
      await plex.advance(60_000);
      expect(await plex.table()).toEqual([
        { xcf: XCF_A, rdy: "000", flg: "ACTIVE" },
        { xcf: XCF_B, rdy: "001", flg: "BACKUP" },
      ]);
      // Noticed as quiesced, so new connections are not sent there; no other target takes them.
      expect(await plex.viaDvipa()).toBe("reset");
      await plex.c.control("DELETE", "faults");
      expect(await activeXcf(plex)).toBe(XCF_B);
      expect(await plex.viaDvipa()).toBe("SYSB");
    },
  );

  it("a rule for another DVIPA does not hold this one", async () => {
    plex = await startPlex();
    await plex.c.control("POST", "faults", { kind: "noTakeover", match: "192.0.2.99" });
    await plex.say("SYSA", "P IZUSVRA");
    expect(await activeXcf(plex)).toBe(XCF_B);
  });
});
