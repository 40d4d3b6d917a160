/**
 * The stack's profile INCLUDEs the hot-standby obey member, so a stack restart or an IPL
 * reads what OBEYFILE applied: written once, left alone the second time, shown and not sent
 * in a dry run, and put back byte for byte by rollback.
 */
import { afterEach, describe, expect, it } from "vitest";
import type { Emulator } from "../../../emulator";
import { HaError } from "../../../src/errors";
import { provision } from "../../../src/run/provision";
import { rollback } from "../../../src/run/rollback";
import { FAST } from "../rollback/helpers";
import { plan, startEmulator, topology } from "./helpers";
import { PROFILE, plexWithProfile as startWithProfile, putSysaProfile, tcpparms } from "./tcpip-profile-fixture";

const STEP = "ipl-persistence/tcpip-profile/SYSA";
const INCLUDE = "INCLUDE TCPIP.HA.OBEY(HASYSA)";

let emu: Emulator | undefined;
async function plexWithProfile() {
  const plex = await startWithProfile();
  emu = plex.emu;
  return plex;
}

afterEach(async () => {
  await emu?.stop();
  emu = undefined;
});

describe("the TCP/IP profile keeps HA across a stack restart", () => {
  it("adds the INCLUDE after the obey step, then changes nothing on a second provision", async () => {
    const plex = await plexWithProfile();
    const run = await provision({ topologyFile: plex.topologyFile, connection: plex.connection, ...FAST });
    expect(run.status).toBe("succeeded");
    const step = run.plan.find((s) => s.id === STEP)!;
    expect(step.dependsOn).toContain("zosmf-ha/tcpip/SYSA");
    expect(run.plan.some((s) => s.id.startsWith("ipl-persistence/tcpip-profile/SYSB"))).toBe(false);
    const lines = tcpparms(plex.emu).members.PROFSA!.content.split("\n");
    const before = PROFILE.split("\n");
    // After the site's last statement, before its START; every other record as it was.
    expect(lines[9]).toBe(INCLUDE);
    expect([...lines.slice(0, 9), ...lines.slice(10)]).toEqual(before);
    expect(step.warnings?.join("\n")).toMatch(
      /SYS1\.TCPPARMS\(PROFSA\): 10 record\(s\) hold text beyond column 71 \(IBM allows no sequence numbers/,
    );

    const again = await provision({ topologyFile: plex.topologyFile, connection: plex.connection, ...FAST });
    expect(again.status).toBe("succeeded");
    expect(again.plan.find((s) => s.id === STEP)!.changes).toEqual([]);
    expect(again.outcomes.find((o) => o.id === STEP)!.state).toBe("unchanged");
  });

  it("shows the INCLUDE in a dry run and sends nothing", async () => {
    const plex = await plexWithProfile();
    const dry = await provision({ topologyFile: plex.topologyFile, connection: plex.connection, dryRun: true, ...FAST });
    const change = dry.plan.find((s) => s.id === STEP)!.changes[0]!;
    expect(change.kind === "member" && change.diff).toMatch(new RegExp(`^\\+${INCLUDE.replace(/[()]/g, "\\$&")}$`, "m"));
    expect(dry.sent).toEqual([]);
    expect(tcpparms(plex.emu).members.PROFSA!.content).toBe(PROFILE);
  });

  it("rollback restores the profile byte for byte, before it deletes the member the profile INCLUDEd", async () => {
    const plex = await plexWithProfile();
    expect((await provision({ topologyFile: plex.topologyFile, connection: plex.connection, ...FAST })).status).toBe("succeeded");
    const undone = await rollback({ topologyFile: plex.topologyFile, connection: plex.connection, ...FAST });
    expect(undone.status).toBe("succeeded");
    expect(tcpparms(plex.emu).members.PROFSA!.content).toBe(PROFILE);
    const deleteHa = undone.plan.find((s) => s.id === "rollback/restore/TCPIP.HA.OBEY(HASYSA)")!;
    expect(deleteHa.dependsOn).toContain("rollback/restore/SYS1.TCPPARMS(PROFSA)");
  });

  it("refuses the plan when the profile member does not exist, naming the field", async () => {
    const plex = await plexWithProfile();
    delete tcpparms(plex.emu).members.PROFSA;
    const refused = await provision({ topologyFile: plex.topologyFile, connection: plex.connection, dryRun: true, ...FAST }).catch(
      (e: unknown) => e as HaError,
    );
    expect(refused).toBeInstanceOf(HaError);
    expect((refused as HaError).details.join("\n")).toMatch(/SYS1\.TCPPARMS\(PROFSA\) \(systems\[0\]\.tcpip\.profile\) does not exist/);
  });

  it("refuses the plan when a member the profile INCLUDEs cannot be read, since it may hold the INCLUDE already", async () => {
    const plex = await plexWithProfile();
    delete tcpparms(plex.emu).members.PORTSA;
    const refused = await provision({ topologyFile: plex.topologyFile, connection: plex.connection, dryRun: true, ...FAST }).catch(
      (e: unknown) => e as HaError,
    );
    expect((refused as HaError).details.join("\n")).toMatch(
      /SYS1\.TCPPARMS\(PORTSA\) does not exist \(INCLUDEd by SYS1\.TCPPARMS\(PROFSA\)\)/,
    );
  });

  it("INCLUDEs every obey member of the stack (HA, HP, HD), after each of their steps", async () => {
    const { emu: started, client } = await startEmulator(["SYSA", "SYSB", "SYSC"]);
    emu = started;
    putSysaProfile(emu);
    // The example as shipped: every stack names its profile, each one gets its own INCLUDEs.
    const t = topology("three-system-all.yaml");
    const steps = await plan(client, t);
    const step = steps.find((s) => s.id === STEP)!;
    const obeySteps = ["zosmf-ha/tcpip/SYSA", "port-sharing/reserve/SYSA", "distributed-services/distribute/SYSA"];
    expect(step.dependsOn).toEqual(expect.arrayContaining(obeySteps));
    for (const id of obeySteps) expect(steps.map((s) => s.id)).toContain(id);
    const diff = step.changes[0]!.kind === "member" ? step.changes[0]!.diff : "";
    expect(diff.split("\n").filter((l) => l.startsWith("+INCLUDE"))).toEqual([
      "+INCLUDE TCPIP.HA.OBEY(HASYSA)",
      "+INCLUDE TCPIP.HA.OBEY(HPSYSA)",
      "+INCLUDE TCPIP.HA.OBEY(HDSYSA)",
    ]);
  });
});
