/**
 * The stack's profile INCLUDEs the hot-standby obey member, so a stack restart or an IPL
 * reads what OBEYFILE applied: written once, left alone the second time, shown and not sent
 * in a dry run, and put back byte for byte by rollback.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import type { Emulator } from "../../../emulator";
import type { PdsDataset } from "../../../emulator/state";
import { HaError } from "../../../src/errors";
import { provision } from "../../../src/run/provision";
import { rollback } from "../../../src/run/rollback";
import { FAST, startPlex, type Plex } from "../rollback/helpers";

const STEP = "ipl-persistence/tcpip-profile/SYSA";
const INCLUDE = "INCLUDE TCPIP.HA.OBEY(HASYSA)";

/** A profile as a site keeps it: comments, text in columns 73-80, a nested INCLUDE, its own VIPADYNAMIC, STARTs last. */
const PROFILE = [
  "; TCP/IP profile of SYSA                                                00000100",
  "TCPCONFIG RESTRICTLOWPORTS ; low ports for APF programs only            00000200",
  "INCLUDE SYS1.TCPPARMS(PORTSA)                                           00000300",
  "DEVICE OSA1 MPCIPA                                                      00000400",
  "LINK OSA1L IPAQENET OSA1                                                00000500",
  "HOME 10.1.1.1 OSA1L                                                     00000600",
  "VIPADYNAMIC                                                             00000700",
  "  VIPARANGE DEFINE 255.255.255.0 10.9.9.0                               00000800",
  "ENDVIPADYNAMIC                                                          00000900",
  "START OSA1                                                              00001000",
].join("\n");

let emu: Emulator | undefined;
afterEach(async () => {
  await emu?.stop();
  emu = undefined;
});

const tcpparms = (e: Emulator) => e.state.datasets["SYS1.TCPPARMS"] as PdsDataset;

/** The plex with SYSA's profile member (and the member it INCLUDEs) and the topology naming it. */
async function plexWithProfile(): Promise<Plex> {
  const plex = await startPlex();
  emu = plex.emu;
  const state = plex.emu.state;
  state.datasets["SYS1.TCPPARMS"] ??= {
    name: "SYS1.TCPPARMS",
    volser: "ZOSRES",
    created: "2024-01-01",
    dsorg: "PO",
    recfm: "FB",
    lrecl: 80,
    blksize: 27920,
    members: {},
  };
  tcpparms(plex.emu).members.PROFSA = { content: PROFILE, etag: "PROFSA-1", user: "SYSPROG", changed: "2024-01-01T00:00:00Z" };
  tcpparms(plex.emu).members.PORTSA = { content: "PORT 23 TCP TN3270", etag: "PORTSA-1", user: "SYSPROG", changed: "2024-01-01T00:00:00Z" };
  const text = readFileSync(plex.topologyFile, "utf8").replace("      proc: TCPIP\n", "      proc: TCPIP\n      profile: SYS1.TCPPARMS(PROFSA)\n");
  writeFileSync(plex.topologyFile, text);
  return plex;
}

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
    expect(step.warnings?.join("\n")).toMatch(/SYS1\.TCPPARMS\(PROFSA\): 10 record\(s\) hold text beyond column 71/);

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
});
