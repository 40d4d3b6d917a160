/**
 * verify says whether each stack's profile brings back the obey members at its next start:
 * degraded before provision adds the INCLUDE or where the topology names no profile, healthy
 * after, and "not checked" (never healthy) where the profile cannot be read.
 */
import { afterEach, describe, expect, it } from "vitest";
import type { Emulator } from "../../../emulator";
import { provision } from "../../../src/run/provision";
import { verify, type VerifyResult } from "../../../src/run/verify";
import { plexWithProfile, tcpparms } from "../provision/tcpip-profile-fixture";
import { DVIPA, FAST, type Plex } from "../rollback/helpers";

let emu: Emulator | undefined;
afterEach(async () => {
  await emu?.stop();
  emu = undefined;
});

async function started(): Promise<Plex> {
  const plex = await plexWithProfile();
  emu = plex.emu;
  return plex;
}

// Nothing listens on port 9: the end-to-end look through the DVIPA is refused at once.
const runVerify = (plex: Plex) =>
  verify({
    topologyFile: plex.topologyFile,
    connection: plex.connection,
    systemTimeoutMs: 10_000,
    endpoints: { [`${DVIPA}:443`]: "http://127.0.0.1:9" },
  });
const persistence = (r: VerifyResult, system: string) => r.checks.find((c) => c.id === "persistence.tcpip" && c.system === system)!;

describe("verify: HA kept across a stack restart", () => {
  it("is degraded until the profile INCLUDEs the obey member, and healthy once provision added it", async () => {
    const plex = await started();
    expect((await provision({ topologyFile: plex.topologyFile, connection: plex.connection, ...FAST })).status).toBe("succeeded");
    const after = await runVerify(plex);
    expect(persistence(after, "SYSA").verdict).toBe("healthy");
    // SYSB names none of its IPL-time members: what was set up there is lost at its next IPL, never passed as healthy,
    // and every persistence check of SYSB says so the same way.
    const ofSysb = after.checks.filter((c) => c.id.startsWith("persistence.") && c.system === "SYSB");
    expect(ofSysb.map((c) => `${c.id} ${c.verdict}: ${c.reason}`)).toEqual([
      "persistence.tcpip degraded: would be lost at the next IPL of SYSB: systems[1].tcpip.profile is not set, so nothing brings back TCPIP.HA.OBEY(HASYSB) when the stack starts again",
      "persistence.mounts degraded: would be lost at the next IPL of SYSB: systems[1].ipl.bpxprm is not set, so nothing mounts IZU.SIZUUSRD.ZOSMFB at /global/zosmf/zosmfb when SYSB IPLs",
      "persistence.autostart degraded: would be lost at the next IPL of SYSB: systems[1].ipl.ieasys is not set, so nothing starts z/OSMF from IZUPRM0B when SYSB IPLs",
    ]);

    const profile = tcpparms(plex.emu).members.PROFSA!;
    profile.content = profile.content.replace(/^INCLUDE TCPIP\.HA\.OBEY\(HASYSA\)\n/m, "");
    const lost = await runVerify(plex);
    expect(persistence(lost, "SYSA").verdict).toBe("degraded");
    expect(persistence(lost, "SYSA").reason).toBe(
      "would be lost at the next IPL of SYSA: SYS1.TCPPARMS(PROFSA) does not include TCPIP.HA.OBEY(HASYSA)",
    );
  });

  it("is healthy when the profile holds the same statements itself", async () => {
    const plex = await started();
    expect((await provision({ topologyFile: plex.topologyFile, connection: plex.connection, ...FAST })).status).toBe("succeeded");
    const obey = (plex.emu.state.datasets["TCPIP.HA.OBEY"] as { members: Record<string, { content: string }> }).members.HASYSA!.content;
    const profile = tcpparms(plex.emu).members.PROFSA!;
    profile.content = profile.content.replace(/^INCLUDE TCPIP\.HA\.OBEY\(HASYSA\)$/m, obey);
    expect(persistence(await runVerify(plex), "SYSA").verdict).toBe("healthy");
  });

  it("fails closed, naming the member, when an included member cannot be read", async () => {
    const plex = await started();
    const profile = tcpparms(plex.emu).members.PROFSA!;
    profile.content = `INCLUDE SITE.GONE.TCPPARMS(EXTRA)\n${profile.content}`;
    const check = persistence(await runVerify(plex), "SYSA");
    expect(check.verdict).toBe("failed");
    expect(check.notRun).toBe(true);
    expect(check.reason).toMatch(/SITE\.GONE\.TCPPARMS\(EXTRA\) does not exist \(INCLUDEd by SYS1\.TCPPARMS\(PROFSA\)\)/);
  });
});
