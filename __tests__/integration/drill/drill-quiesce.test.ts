/**
 * `zowe ha drill --method quiesce` (the default) and the failure paths that need the emulator's
 * model of VARY TCPIP,,SYSPLEX,QUIESCE/RESUME, its notice delay (distribution.noticeMs) and the
 * noTakeover fault.
 */
import { afterEach, describe, expect, it } from "vitest";
import { drill } from "../../../src/drill";
import { changingCommands, provisionedPlex, startZosConnect, type Plex } from "./helpers";

let plex: Plex | undefined;
afterEach(async () => {
  await plex?.emu.stop();
  plex = undefined;
});

const phase = (r: Awaited<ReturnType<typeof drill>>, id: string) => r.phases.find((p) => p.id === id);

describe("zowe ha drill --method quiesce", () => {
  it("quiesces SYSA's server at its stack, times the takeover to SYSB, resumes it and times the switch-back", async () => {
    plex = await provisionedPlex("two-system.yaml", undefined, { distribution: { noticeMs: 200 } } as never);
    // The servers provision started are noticed by the distributor 200 ms later; a drill before
    // that is rightly refused (nothing Active yet), so the plex is given that time to settle.
    await new Promise((r) => setTimeout(r, 400));
    const from = plex.emu.requestLog.consoleCommands.length;
    const r = await drill(plex.options());
    expect(r.status, JSON.stringify(r.phases, null, 1)).toBe("succeeded");
    expect(changingCommands(plex.emu, from)).toEqual([
      "VARY TCPIP,TCPIP,SYSPLEX,QUIESCE,PORT=443,JOBNAME=IZUSVRA",
      "VARY TCPIP,TCPIP,SYSPLEX,RESUME,PORT=443,JOBNAME=IZUSVRA",
    ]);
    expect(phase(r, "takeover")).toMatchObject({ verdict: "passed", timeMs: expect.any(Number) });
    expect(phase(r, "switch-back")).toMatchObject({ verdict: "passed", timeMs: expect.any(Number) });
  });

  it("when the takeover never happens: fails, resumes SYSA's server and says where it stopped", async () => {
    plex = await provisionedPlex("two-system.yaml", undefined, {
      faults: { rules: [{ kind: "noTakeover", match: "192.0.2.10" }] },
    } as never);
    const from = plex.emu.requestLog.consoleCommands.length;
    const r = await drill(plex.options({ takeoverTimeoutMs: 1_000 }));
    expect(r.status).toBe("failed");
    expect(r.restored).toBe("confirmed");
    expect(phase(r, "takeover")?.verdict).toBe("failed");
    expect(r.reasons.join("\n")).toMatch(/stopped at "Backup receives in the VDPT"/);
    expect(changingCommands(plex.emu, from).at(-1)).toBe("VARY TCPIP,TCPIP,SYSPLEX,RESUME,PORT=443,JOBNAME=IZUSVRA");
  });

  it("the three-system example drills a distributed service (zosconnect) and restores it", async () => {
    plex = await provisionedPlex("three-system-all.yaml");
    await startZosConnect(plex);
    const from = plex.emu.requestLog.consoleCommands.length;
    const r = await drill(plex.options({ target: "zosconnect" }));
    expect(r.status, JSON.stringify(r.phases, null, 1)).toBe("succeeded");
    expect(r.target).toBe("zosconnect");
    expect(changingCommands(plex.emu, from)).toEqual([
      "VARY TCPIP,TCPIP,SYSPLEX,QUIESCE,PORT=5595,JOBNAME=ZCON1",
      "VARY TCPIP,TCPIP,SYSPLEX,RESUME,PORT=5595,JOBNAME=ZCON1",
    ]);
  });
});
