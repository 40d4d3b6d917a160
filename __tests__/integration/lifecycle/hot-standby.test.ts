/**
 * The whole life of a hot-standby set-up against the emulator, through the same engine
 * entry points the commands call: provision, verify, failover, resume, rollback.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { start, type Emulator } from "../../../emulator";
import type { PdsDataset } from "../../../emulator/state";
import { exitCodeFor, HaError } from "../../../src/errors";
import { provision } from "../../../src/run/provision";
import { rollback } from "../../../src/run/rollback";
import { verify, type VerifyResult } from "../../../src/run/verify";
import { createZosmfClient, type ZosmfConnection } from "../../../src/zosmf";
import { isDisplayCommand } from "../../../src/engine/sent";
import { lockWrites, writeLines } from "../../lock-writes";

const EXAMPLE = path.join(__dirname, "../../../examples/two-system.yaml");
const FAST = { consoleDelayMs: 20, jobTimeoutMs: 30_000 };

let emu: Emulator | undefined;
afterEach(async () => {
  await emu?.stop();
  emu = undefined;
});

async function setUp(
  edit: (t: string) => string = (t) => t,
  consolePieceLines?: number,
): Promise<{ topologyFile: string; connection: ZosmfConnection }> {
  emu = await start({
    tls: false,
    port: 0,
    systems: ["SYSA", "SYSB"],
    dvipaListeners: true,
    jobTiming: { inputMs: 5, activeMs: 20 },
    ...(consolePieceLines ? { consolePieceLines } : {}),
  });
  const dir = mkdtempSync(path.join(tmpdir(), "ha-life-"));
  const topologyFile = path.join(dir, "plex.yaml");
  writeFileSync(topologyFile, edit(readFileSync(EXAMPLE, "utf8")));
  const url = new URL(emu.url);
  return {
    topologyFile,
    connection: { hostname: url.hostname, port: Number(url.port), protocol: "http", user: emu.user, password: emu.password },
  };
}

async function control(method: string, controlPath: string, body?: unknown): Promise<void> {
  const res = await fetch(new URL(controlPath, emu!.url), {
    method,
    body: body === undefined ? undefined : JSON.stringify(body),
    headers: { "content-type": "application/json" },
  });
  expect(res.ok).toBe(true);
}

async function operator(connection: ZosmfConnection, system: string, command: string): Promise<string> {
  const client = createZosmfClient(connection);
  try {
    return (await client.console.issue(command, { system, collect: { maxFollowUps: 2, delayMs: 20 } })).text;
  } finally {
    client.close();
  }
}

/** verify as the commands run it, with the DVIPA reached at the local port the emulator serves it on. */
async function verifyNow(options: { topologyFile: string; connection: ZosmfConnection }): Promise<VerifyResult> {
  await emu!.settle();
  return verify({ ...options, endpoints: { ...emu!.dvipaUrls } });
}

const check = (r: VerifyResult, id: string, system?: string) => r.checks.find((c) => c.id === id && c.system === system);

describe("hot standby from provision to rollback", () => {
  it("provisions, verifies healthy, fails over to SYSB and back, and rolls back to the exact original bytes", async () => {
    const { topologyFile, connection } = await setUp();
    const zoweYamlBefore = emu!.state.uss.files["/global/zowe/zowe.yaml"]!.content;

    const provisioned = await provision({ topologyFile, connection, startServers: true, ...FAST });
    expect(provisioned.status).toBe("succeeded");
    expect(provisioned.summary.failed).toBe(0);

    const healthy = await verifyNow({ topologyFile, connection });
    expect(healthy.checks.filter((c) => c.verdict !== "healthy")).toEqual([]);
    expect(healthy.verdict).toBe("healthy");

    // A system that left the sysplex comes back only through an IPL: it stays down until /up.
    await control("POST", "/__emulator/system/SYSA/ipl", { durationMs: 3_600_000 });
    const degraded = await verifyNow({ topologyFile, connection });
    expect(degraded.verdict).toBe("degraded");
    expect(check(degraded, "tcpip.hotstandby")?.found).toMatch(/SYSB/);
    expect(check(degraded, "tcpip.hotstandby")?.reason ?? "").toMatch(/SYSA/);

    await control("POST", "/__emulator/system/SYSA/up");
    // The IPL mounted SYSA's USER_DIR and started its server from the members provision edited.
    expect(await operator(connection, "SYSA", "D A,IZUSVRA")).not.toMatch(/NOT FOUND/);
    const back = await verifyNow({ topologyFile, connection });
    expect(check(back, "tcpip.vdpt.preferred-active")?.verdict).toBe("healthy");
    expect(check(back, "tcpip.hotstandby")?.verdict).toBe("healthy");

    const undone = await rollback({ topologyFile, connection, ...FAST });
    expect(undone.status).toBe("succeeded");
    expect(undone.undoneRun).toBe(provisioned.runId);
    expect(emu!.state.uss.files["/global/zowe/zowe.yaml"]!.content).toBe(zoweYamlBefore);
    const parmlib = emu!.state.datasets["SYS1.PARMLIB"] as PdsDataset;
    expect(parmlib.members.IZUPRM0A).toBeUndefined();
    expect(parmlib.members.IZUPRM00).toBeDefined();
    const stack = emu!.state.systems.SYSA!.tcpip;
    expect(stack.distributions.filter((d) => d.dvipa === "192.0.2.10")).toEqual([]);
    expect(stack.vipaDefine.filter((d) => d.address === "192.0.2.10")).toEqual([]);
    expect(emu!.state.systems.SYSB!.tcpip.vipaBackup.filter((d) => d.address === "192.0.2.10")).toEqual([]);
  });

  it("with NOAUTOSWITCHBACK stays on SYSB after SYSA is back, and verify says it is serving from the backup", async () => {
    const { topologyFile, connection } = await setUp((t) => t.replace("autoSwitchBack: true", "autoSwitchBack: false"));
    expect((await provision({ topologyFile, connection, startServers: true, ...FAST })).status).toBe("succeeded");
    await control("POST", "/__emulator/system/SYSA/ipl", { durationMs: 3_600_000 });
    await control("POST", "/__emulator/system/SYSA/up");
    const r = await verifyNow({ topologyFile, connection });
    expect(r.verdict).toBe("degraded");
    expect(check(r, "tcpip.hotstandby")?.found).toMatch(/SYSB/);
    expect(check(r, "tcpip.hotstandby")?.reason ?? "").toMatch(/NOAUTOSWITCHBACK/);
  });

  it("a re-run after success submits only the security listing, writes nothing but its run record and reports nothing changed", async () => {
    const { topologyFile, connection } = await setUp();
    expect((await provision({ topologyFile, connection, ...FAST })).status).toBe("succeeded");
    const before = {
      submits: emu!.requestLog.submits.length,
      writes: emu!.requestLog.writes.length,
      commands: emu!.requestLog.consoleCommands.length,
    };
    const again = await provision({ topologyFile, connection, ...FAST });
    expect(again.summary.changed).toBe(0);
    expect(again.summary.failed).toBe(0);
    // The live RACF state is listed on every run; nothing is defined again.
    expect(emu!.requestLog.submits.slice(before.submits).map((s) => s.jobname)).toEqual(["IZUSECL"]);
    // Only the sysplex lock (taken before applying, removed at the end) and the run's own record
    // in the run library beside the backups are written; nothing else.
    const writes = emu!.requestLog.writes.slice(before.writes).map((w) => `${w.kind} ${w.target}`);
    expect(writes.filter((t) => !t.includes("/zosmf/restfiles/ds/HA.BACKUP.RUNS("))).toEqual([
      "ds.create /zosmf/restfiles/ds/HA.BACKUP.LOCK",
      "ds.write /zosmf/restfiles/ds/HA.BACKUP.LOCK",
      "ds.delete /zosmf/restfiles/ds/HA.BACKUP.LOCK",
    ]);
    expect(writes.length).toBeGreaterThan(3);
    expect(emu!.requestLog.consoleCommands.slice(before.commands).filter((c) => !isDisplayCommand(c.cmd))).toEqual([]);
  });
});

describe("console responses that need follow-ups", () => {
  it("verify still reads every display whole when each comes in pieces or only through follow-ups", async () => {
    const { topologyFile, connection } = await setUp();
    expect((await provision({ topologyFile, connection, startServers: true, ...FAST })).status).toBe("succeeded");
    await control("POST", "/__emulator/faults", { kind: "consoleSplit", match: "D TCPIP*", pieces: 3 });
    await control("POST", "/__emulator/faults", { kind: "consoleDelay", match: "D TCPIP,TCPIP,N,VDPT*" });
    const before = emu!.requestLog.counts["GET console.solmsgs"] ?? 0;
    const r = await verifyNow({ topologyFile, connection });
    expect(r.checks.filter((c) => c.verdict !== "healthy")).toEqual([]);
    expect((emu!.requestLog.counts["GET console.solmsgs"] ?? 0) - before).toBeGreaterThan(0);
  });
});

describe("long console responses", () => {
  it("provision and verify read displays that come in many small pieces", async () => {
    // Two lines a piece: VIPADCFG and VDPT take more follow-ups than a fixed small bound would allow.
    const { topologyFile, connection } = await setUp((t) => t, 2);
    expect((await provision({ topologyFile, connection, startServers: true, ...FAST })).status).toBe("succeeded");
    const r = await verifyNow({ topologyFile, connection });
    expect(r.checks.filter((c) => c.verdict !== "healthy")).toEqual([]);
    expect(emu!.requestLog.counts["GET console.solmsgs"] ?? 0).toBeGreaterThan(50);
  });
});

describe("failures", () => {
  it("--resume continues a failed run without redoing what is in place", async () => {
    const { topologyFile, connection } = await setUp();
    await control("POST", "/__emulator/faults", { kind: "jobFail", match: "IZUMKF0B", jclError: true });
    const failed = await provision({ topologyFile, connection, ...FAST });
    expect(failed.status).toBe("failed");
    const fsB = failed.outcomes.find((o) => o.id === "zosmf-ha/filesystem/SYSB")!;
    expect(fsB.state).toBe("failed");
    expect(fsB.error!.message).toMatch(/JCL ERROR/);
    expect(fsB.error!.message).toMatch(/JOB\d+/);

    await control("DELETE", "/__emulator/faults");
    const submitsBefore = emu!.requestLog.submits.map((s) => s.jobname);
    const resumed = await provision({ topologyFile, connection, resume: true, ...FAST });
    expect(resumed.status).toBe("succeeded");
    expect(resumed.resumedRun).toBe(failed.runId);
    expect(resumed.outcomes.find((o) => o.id === "zosmf-ha/filesystem/SYSA")!.state).toBe("unchanged");
    expect(resumed.outcomes.find((o) => o.id === "zosmf-ha/filesystem/SYSB")!.state).toBe("changed");
    const newJobs = emu!.requestLog.submits.map((s) => s.jobname).slice(submitsBefore.length);
    expect(newJobs).not.toContain("IZUMKF0A");
  });

  it("does not plan or submit again while a job of the previous run has not ended", async () => {
    const { topologyFile, connection } = await setUp();
    await control("POST", "/__emulator/faults", { kind: "jobNeverEnds", match: "IZUMKF0B" });
    const timedOut = await provision({ topologyFile, connection, ...FAST, jobTimeoutMs: 400 });
    expect(timedOut.outcomes.find((o) => o.id === "zosmf-ha/filesystem/SYSB")!.state).toBe("failed");
    const submits = emu!.requestLog.submits.length;
    await expect(provision({ topologyFile, connection, resume: true, ...FAST })).rejects.toThrow(/left jobs that have not ended/);
    await expect(provision({ topologyFile, connection, ...FAST })).rejects.toThrow(/left jobs that have not ended/);
    expect(emu!.requestLog.submits.length).toBe(submits);
    // A dry run only reads, so it may still show the plan.
    expect((await provision({ topologyFile, connection, dryRun: true, ...FAST })).status).toBe("planned");
  });

  it("refuses in planning, every problem named and nothing sent, the steps it cannot do: a missing zowe.yaml, another file system at USER_DIR", async () => {
    const { topologyFile, connection } = await setUp();
    delete emu!.state.uss.files["/global/zowe/zowe.yaml"];
    emu!.state.mounts.push({ fsname: "OTHER.ZFS", mountpoint: "/global/zosmf/zosmfb", fstype: "ZFS", mode: "rdwr", sysname: "SYSB" });
    for (const dryRun of [true, false]) {
      const err = (await provision({ topologyFile, connection, dryRun, ...FAST }).catch((e: unknown) => e)) as HaError;
      expect(err).toBeInstanceOf(HaError);
      expect(exitCodeFor(err)).toBe(3);
      const all = [err.message, ...err.details].join("\n");
      expect(all).toMatch(/caching-service\/zowe-yaml: \/global\/zowe\/zowe\.yaml does not exist/);
      expect(all).toMatch(/zosmf-ha\/filesystem\/SYSB: OTHER\.ZFS is mounted at \/global\/zosmf\/zosmfb/);
    }
    // Only the real run's sysplex lock, taken before it looked and removed at the refusal.
    expect(writeLines(emu!.requestLog.writes)).toEqual(lockWrites());
    expect(emu!.requestLog.submits).toEqual([]);
  });

  it("refuses --resume when no failed run exists", async () => {
    const { topologyFile, connection } = await setUp();
    await expect(provision({ topologyFile, connection, resume: true, ...FAST })).rejects.toThrow(/no failed provision run/);
  });

  it("a console routing rejection for an unknown system stops the run before anything is written", async () => {
    const { topologyFile, connection } = await setUp((t) => t.replaceAll("SYSB", "SYSX"));
    await expect(provision({ topologyFile, connection, ...FAST })).rejects.toThrow(/IEE618I|SYSX/);
    expect(writeLines(emu!.requestLog.writes)).toEqual(lockWrites());
    expect(emu!.requestLog.submits).toEqual([]);
  });

  it("rollback refuses to overwrite a member changed since the run, unless forced", async () => {
    const { topologyFile, connection } = await setUp();
    expect((await provision({ topologyFile, connection, ...FAST })).status).toBe("succeeded");
    const parmlib = emu!.state.datasets["SYS1.PARMLIB"] as PdsDataset;
    parmlib.members.IZUPRM0A!.content += "/* edited by an operator */\n";
    parmlib.members.IZUPRM0A!.etag = "OPERATOR-EDIT";
    const refused = await rollback({ topologyFile, connection, ...FAST });
    expect(refused.status).toBe("failed");
    const step = refused.outcomes.find((o) => o.id === "rollback/restore/SYS1.PARMLIB(IZUPRM0A)")!;
    expect(step.state).toBe("failed");
    expect(step.error!.message).toMatch(/changed after run/);
    expect(parmlib.members.IZUPRM0A!.content).toMatch(/edited by an operator/);

    const forced = await rollback({ topologyFile, connection, force: true, ...FAST });
    expect(forced.outcomes.find((o) => o.id === "rollback/restore/SYS1.PARMLIB(IZUPRM0A)")!.state).toBe("changed");
    expect(parmlib.members.IZUPRM0A).toBeUndefined();
  });
});
