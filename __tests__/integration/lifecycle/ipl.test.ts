/**
 * The high availability provision sets up survives an IPL and a TCP/IP stack restart: between
 * the event and verify nothing but the emulated operator's own actions happens, so only what
 * z/OS reads at IPL or at stack start (IEASYSxx, BPXPRMxx, the stack's profile) can bring it back.
 */
import { afterEach, describe, expect, it } from "vitest";
import { provision, type ProvisionResult } from "../../../src/run/provision";
import {
  advanceClock,
  check,
  FAST,
  ipl,
  member,
  operator,
  plexFor,
  portlist,
  type Plex,
  pluginCommandsSince,
  restartTcpip,
  unhealthy,
  verifyNow,
  vipadcfg,
} from "./ipl-helpers";
import { createZosmfClient } from "../../../src/zosmf";
import { rollback } from "../../../src/run/rollback";

const TWO = ["SYSA", "SYSB"];
const THREE = ["SYSA", "SYSB", "SYSC"];
const HOUR = 3_600_000;

let plex: Plex | undefined;
afterEach(async () => {
  await plex?.emu.stop();
  plex = undefined;
});

async function provisioned(
  example = "two-system.yaml",
  systems = TWO,
  edit?: (t: string) => string,
): Promise<{ p: Plex; run: ProvisionResult }> {
  const p = (plex = await plexFor(example, systems, edit));
  const run = await provision({ topologyFile: p.topologyFile, connection: p.connection, startServers: true, ...FAST });
  expect(run.status, JSON.stringify(run.outcomes.filter((o) => o.state === "failed"))).toBe("succeeded");
  return { p, run };
}

/**
 * INF (no IBM statement for z/OSMF; WebSphere for z/OS says it must be restarted after TCP/IP is):
 * a server whose stack ended does not listen again on its own. The operator stops and starts it.
 */
async function restartServer(p: Plex, system: string, job: string, start = job): Promise<void> {
  await operator(p, system, `P ${job}`);
  expect(await operator(p, system, `S ${start}`)).not.toMatch(/FAILED|ERROR|NOT FOUND/);
}

describe("z/OSMF hot standby across IPLs (two-system example)", () => {
  it("serves from SYSB while SYSA is down for its IPL and from SYSA again once it is back, with nothing run in between", async () => {
    const { p } = await provisioned();
    expect(unhealthy(await verifyNow(p))).toEqual([]);
    const mark = p.emu.requestLog.consoleCommands.length;
    const marks = { writes: p.emu.requestLog.writes.length, submits: p.emu.requestLog.submits.length };

    await ipl(p, "SYSA", HOUR);
    const down = await verifyNow(p);
    expect(down.verdict).toBe("degraded");
    expect(check(down, "system.active", "SYSA")?.verdict).not.toBe("healthy");
    expect(check(down, "tcpip.hotstandby")?.found).toMatch(/SYSB serving/);
    expect(check(down, "zosmf.reachable.dvipa")?.found).toMatch(/ at SYSB:.*served by SYSB/);

    await advanceClock(p, HOUR + 1);
    const back = await verifyNow(p);
    expect(unhealthy(back)).toEqual([]);
    expect(check(back, "system.active", "SYSA")?.verdict).toBe("healthy");
    // AUTOSWITCHBACK: the DVIPA's connections go to SYSA again, and SYSA is who answers.
    expect(check(back, "tcpip.vdpt.preferred-active")?.verdict).toBe("healthy");
    expect(check(back, "zosmf.reachable.dvipa")?.found).toMatch(/ at SYSA:.*served by SYSA/);
    // Between the provision and the last verify: only verify's displays; nothing written, nothing submitted.
    expect(pluginCommandsSince(p, mark)).toEqual([]);
    expect(p.emu.requestLog.writes.length).toBe(marks.writes);
    expect(p.emu.requestLog.submits.length).toBe(marks.submits);
  });

  it("is healthy after SYSB and then SYSA are IPLed back to back, SYSB taking the DVIPA over in between", async () => {
    const { p } = await provisioned();
    const mark = p.emu.requestLog.consoleCommands.length;
    await ipl(p, "SYSB", HOUR);
    await advanceClock(p, HOUR + 1);
    await ipl(p, "SYSA", HOUR);
    // SYSB's VIPABACKUP came back from its profile: it takes the DVIPA when SYSA goes.
    const between = await verifyNow(p);
    expect(check(between, "zosmf.reachable.dvipa")?.found).toMatch(/ at SYSB:.*served by SYSB/);
    await advanceClock(p, HOUR + 1);
    const after = await verifyNow(p);
    expect(unhealthy(after)).toEqual([]);
    expect(check(after, "zosmf.reachable.dvipa")?.found).toMatch(/served by SYSA/);
    expect(pluginCommandsSince(p, mark)).toEqual([]);
  });

  it("is healthy after a TCP/IP restart on each system once the operator has restarted that system's z/OSMF server", async () => {
    const { p } = await provisioned();
    const mark = p.emu.requestLog.consoleCommands.length;
    for (const [system, server] of [
      ["SYSA", "IZUSVRA"],
      ["SYSB", "IZUSVRB"],
    ]) {
      await restartTcpip(p, system!);
      const restarted = await verifyNow(p);
      // The stack's DVIPA and distribution came back from the profile; the server's socket did not.
      expect(check(restarted, "tcpip.vdpt.ready", system)?.verdict, unhealthy(restarted).join("\n")).not.toBe("healthy");
      expect(check(restarted, "persistence.tcpip", system)?.verdict).toBe("healthy");
      expect(check(restarted, "tcpip.vdpt.ready", system)?.reason).toMatch(/no ready listener/);
      await restartServer(p, system!, server!);
      expect(unhealthy(await verifyNow(p))).toEqual([]);
    }
    expect(pluginCommandsSince(p, mark).filter((c) => !/^[PS] IZUSVR[AB]$/.test(c))).toEqual([]);
  });
});

/** The port-sharing and distributed-services servers of the three-system example: a listener procedure each, started by the operator. */
const SERVICE_SERVERS: Record<string, [job: string, proc: string][]> = {
  SYSA: [
    ["ZCHA1", "ZCHA"],
    ["ZCHA2", "ZCHA"],
    ["ZCON1", "ZCON"],
    ["IMSCON1", "IMSCON"],
    ["ZWE1AG", "ZWEAG"],
    ["ZWE2AG", "ZWEAG"],
  ],
  SYSB: [
    ["ZCON2", "ZCON"],
    ["IMSCON2", "IMSCON"],
    ["ZWE3AG", "ZWEAG"],
  ],
  SYSC: [
    ["ZCON3", "ZCON"],
    ["IMSCON3", "IMSCON"],
    ["ZWE4AG", "ZWEAG"],
  ],
};
const ZOSMF_SERVER: Record<string, string> = { SYSA: "IZUSVRA", SYSB: "IZUSVRB", SYSC: "IZUSVRC" };

async function startServiceServers(p: Plex): Promise<void> {
  const client = createZosmfClient(p.connection);
  try {
    for (const [name, ports] of [
      ["ZCHA", [9443, 9444]],
      ["ZCON", [5595]],
      ["IMSCON", [5801]],
      ["ZWEAG", [7554]],
    ] as const) {
      const cards = ports.map((port) => `//* LISTEN PORT=${port} ADDR=0.0.0.0`);
      await client.files.write("SYS1.PROCLIB", name, [`//${name.padEnd(8)} PROC`, ...cards, "//RUN      EXEC PGM=IEFBR14", ""].join("\n"));
    }
  } finally {
    client.close();
  }
  for (const [system, servers] of Object.entries(SERVICE_SERVERS))
    for (const [job, proc] of servers) expect(await operator(p, system, `S ${proc},JOBNAME=${job}`)).not.toMatch(/FAILED|ERROR/);
}

describe("port sharing and distributed services across stack restarts (three-system example)", () => {
  it("keeps the PORT reservations and VIPADISTRIBUTE through each stack's restart, healthy once the servers are restarted", async () => {
    const { p } = await provisioned("three-system-all.yaml", THREE);
    await startServiceServers(p);
    expect(unhealthy(await verifyNow(p))).toEqual([]);
    const mark = p.emu.requestLog.consoleCommands.length;
    for (const system of THREE) {
      await restartTcpip(p, system);
      if (system === "SYSA") {
        // What the INCLUDEs of the profile gave the new stack, before anyone touched it.
        const ports = await portlist(p, "SYSA");
        expect(ports.find((e) => e.port === 9443 && e.user === "ZCHA*")?.flagSet.shareportWlm).toBe(true);
        const cfg = await vipadcfg(p, "SYSA");
        expect(cfg.distributes.filter((d) => d.destAddress === "192.0.2.1" && d.destPort === 5595)).toHaveLength(3);
        expect(cfg.distributes.filter((d) => d.destAddress === "192.0.2.2" && d.destPort === 5801)).toHaveLength(3);
        expect(cfg.distributes.filter((d) => d.destAddress === "192.0.2.10" && d.destPort === 443)).toHaveLength(3);
      }
      // INF, as for z/OSMF: each server on the restarted stack is stopped and started by the operator.
      await restartServer(p, system, ZOSMF_SERVER[system]!);
      for (const [job, proc] of SERVICE_SERVERS[system]!) await restartServer(p, system, job, `${proc},JOBNAME=${job}`);
      expect(unhealthy(await verifyNow(p)), `after the restart of ${system}'s stack`).toEqual([]);
    }
    expect(pluginCommandsSince(p, mark).filter((c) => !/^[PS] /.test(c))).toEqual([]);
  });

  it("is healthy after an IPL of each system in turn, nothing run in between", async () => {
    const { p } = await provisioned("three-system-all.yaml", THREE);
    for (const system of THREE) {
      await ipl(p, system, HOUR);
      await advanceClock(p, HOUR + 1);
    }
    // The service servers are the site's own, not autostarted by anything provision set up: the operator starts them.
    await startServiceServers(p);
    expect(unhealthy(await verifyNow(p))).toEqual([]);
  });
});

/** The example without `tcpip.profile` and `ipl`: what provision sets up lives only in the running systems. */
const transient = (t: string) => t.replace(/^\s*profile: SYS1\.TCPPARMS.*\n/gm, "").replace(/^\s*ipl: \{.*\n/gm, "");

describe("without the persistence fields", () => {
  it("warns, verify says what the next IPL would lose, and the IPL of SYSA loses exactly that", async () => {
    const { p, run } = await provisioned("two-system.yaml", TWO, transient);
    const warnings = run.plan.flatMap((s) => s.warnings ?? []).filter((w) => /not persistent/.test(w));
    expect(warnings.join("\n")).toMatch(/lost at the next IPL of SYSA/);
    expect(warnings.join("\n")).toMatch(/lost at the next IPL of SYSB/);
    const before = await verifyNow(p);
    expect(before.verdict).toBe("degraded");
    const lost = before.checks.filter(
      (c) => c.verdict === "degraded" && /not persistent|would be lost/.test(c.reason ?? "") && /next IPL/.test(c.reason ?? ""),
    );
    expect(lost.map((c) => c.system)).toEqual(expect.arrayContaining(["SYSA", "SYSB"]));

    await ipl(p, "SYSA");
    // SYSA's z/OSMF server does not come back, and its stack has none of the DVIPA's definitions.
    expect(await operator(p, "SYSA", "D A,IZUSVRA")).toMatch(/IZUSVRA NOT FOUND/);
    // Its stack is not even in the sysplex group again: DYNAMICXCF came from the same obey member.
    const cfg = await vipadcfg(p, "SYSA", { notInSysplex: "empty" });
    expect(cfg.defines.filter((d) => d.address === "192.0.2.10")).toEqual([]);
    expect(cfg.distributes.filter((d) => d.destAddress === "192.0.2.10")).toEqual([]);
    const after = await verifyNow(p);
    expect(after.verdict).not.toBe("healthy");
    expect(check(after, "zosmf.reachable.dvipa")?.found ?? "").not.toMatch(/served by SYSA/);
  });
});

describe("rollback, then IPL", () => {
  it("leaves no HA definition in any IPL-time member, nor in any stack after each system is IPLed", async () => {
    plex = await plexFor("two-system.yaml", TWO);
    const p = plex;
    const members = [
      ["SYS1.PARMLIB", "IEASYSSA"],
      ["SYS1.PARMLIB", "IEASYSSB"],
      ["SYS1.PARMLIB", "BPXPRMSA"],
      ["SYS1.PARMLIB", "BPXPRMSB"],
      ["SYS1.TCPPARMS", "PROFSA"],
      ["SYS1.TCPPARMS", "PROFSB"],
    ] as const;
    const original = await Promise.all(members.map(([d, m]) => member(p, d, m)));
    const run = await provision({ topologyFile: p.topologyFile, connection: p.connection, startServers: true, ...FAST });
    expect(run.status).toBe("succeeded");
    // Provision did change each of them (else this test would prove nothing).
    const changed = await Promise.all(members.map(([d, m]) => member(p, d, m)));
    expect(changed.map((t, i) => t !== original[i])).toEqual(members.map(() => true));

    const undone = await rollback({ topologyFile: p.topologyFile, connection: p.connection, ...FAST });
    expect(undone.status, JSON.stringify(undone.outcomes.filter((o) => o.state === "failed"))).toBe("succeeded");
    expect(await Promise.all(members.map(([d, m]) => member(p, d, m)))).toEqual(original);

    for (const system of TWO) await ipl(p, system);
    for (const system of TWO) {
      // EZZ2502I/EZZ2503I (not in the sysplex group, no DVIPA configuration at all) passes too.
      const cfg = await vipadcfg(p, system, { notInSysplex: "empty" });
      const ha = (a: string) => a === "192.0.2.10";
      expect(
        [...cfg.defines, ...cfg.backups].filter((d) => ha(d.address)),
        system,
      ).toEqual([]);
      expect(
        cfg.distributes.filter((d) => ha(d.destAddress)),
        system,
      ).toEqual([]);
    }
    expect(await operator(p, "SYSA", "D A,IZUSVRA")).toMatch(/IZUSVRA NOT FOUND/);
    expect(await operator(p, "SYSB", "D A,IZUSVRB")).toMatch(/IZUSVRB NOT FOUND/);
  });
});
