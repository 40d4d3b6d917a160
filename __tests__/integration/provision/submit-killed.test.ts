/**
 * The intent to submit is on disk before the submit leaves. A run killed while it looks for
 * a job whose submit answer was lost (no chance to write anything more) leaves only that
 * intent and its sysplex lock; once the lock is removed, the next provision finds the job by its
 * token and submits nothing twice.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { start, type Emulator } from "../../../emulator";
import { readRecord } from "../../../src/engine/run-record";
import { HaError } from "../../../src/errors";
import { provision } from "../../../src/run/provision";
import { unlock } from "../../../src/run/unlock";
import type { ZosmfConnection } from "../../../src/zosmf";

const ROOT = path.join(__dirname, "../../..");
const EXAMPLE = path.join(ROOT, "examples/three-system-all.yaml");

/** The Caching Service on VSAM alone: its one job (ZWECSVSM's work) defines the cluster, so a second submit would do it twice. */
function vsamOnly(text: string): string {
  const sections = text.split(/\n(?=\S)/);
  return sections.filter((s) => !/^(zosmfHa|portSharing|distributedServices):/.test(s)).join("\n");
}
const FAST = { consoleDelayMs: 20, jobTimeoutMs: 30_000 };

let emu: Emulator | undefined;
afterEach(async () => {
  await emu?.stop();
  emu = undefined;
});

async function setUp(activeMs: number): Promise<{ dir: string; topologyFile: string; connection: ZosmfConnection; emu: Emulator }> {
  emu = await start({ tls: false, port: 0, systems: ["SYSA", "SYSB", "SYSC"], jobTiming: { inputMs: 5, activeMs } });
  const dir = mkdtempSync(path.join(tmpdir(), "ha-killed-"));
  const topologyFile = path.join(dir, "plex.yaml");
  writeFileSync(topologyFile, vsamOnly(readFileSync(EXAMPLE, "utf8")));
  const url = new URL(emu.url);
  const connection: ZosmfConnection = {
    hostname: url.hostname,
    port: Number(url.port),
    protocol: "http",
    user: emu.user,
    password: emu.password,
    retry: { attempts: 1 },
  };
  return { dir, topologyFile, connection, emu };
}

/**
 * Runs provision (the built plug-in, lib/: `npm run build` first) in a child process whose submit answer is lost and whose
 * lookup by token never answers, and kills it (SIGKILL: nothing more is written) once the
 * lookup has reached the emulator.
 */
async function runKilledDuringLookup(e: Emulator, topologyFile: string, connection: ZosmfConnection): Promise<void> {
  e.context.faults.add({ kind: "lostResponse", match: "PUT jobs.submit", count: 1 });
  e.context.faults.add({ kind: "hang", match: "GET jobs.list", count: 1 });
  const script = `
    const { provision } = require(${JSON.stringify(path.join(ROOT, "lib/src/run/provision"))});
    provision(${JSON.stringify({ topologyFile, connection, ...FAST, concurrency: 1 })}).then(() => process.exit(0), () => process.exit(1));
  `;
  const child = spawn(process.execPath, ["-e", script], { stdio: "ignore" });
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  // The hang rule is used up when the lookup arrives; the child cannot get past it.
  while (e.context.faults.config.rules.some((r) => r.kind === "hang")) {
    if (child.exitCode !== null) throw new Error(`the run ended (${child.exitCode}) before its lookup`);
    await new Promise((r) => setTimeout(r, 20));
  }
  child.kill("SIGKILL");
  await exited;
  e.context.faults.replace({});
}

describe("a run killed while looking for a job whose submit answer was lost", () => {
  it("left the intent on disk, and the next provision finds that job and submits it no second time", async () => {
    const { dir, topologyFile, connection, emu } = await setUp(20);
    await runKilledDuringLookup(emu, topologyFile, connection);
    expect(emu.requestLog.submits).toHaveLength(1);
    const lost = emu.requestLog.submits[0]!;
    const killed = readdirSync(path.join(dir, "ha-runs")).filter((f) => f.endsWith(".json"));
    expect(killed).toHaveLength(1);
    const record = await readRecord(path.join(dir, "ha-runs", killed[0]!));
    expect(record.status).toBe("running");
    expect(record.jobs).toEqual([expect.objectContaining({ jobname: lost.jobname, jobid: null, retcode: null })]);

    // The killed run could not remove its sysplex lock: the next run is refused, naming it, and sends nothing that changes z/OS.
    const writes = emu.requestLog.writes.length;
    const locked = (await provision({ topologyFile, connection, ...FAST }).catch((e: unknown) => e)) as HaError;
    expect(locked).toBeInstanceOf(HaError);
    expect(locked.message).toContain(`locked by run ${record.runId} `);
    expect(locked.details.join("\n")).toContain(`zowe ha unlock -t ${topologyFile} --run ${record.runId}`);
    // Its only write is the attempt to create the lock, which z/OS refuses because the lock exists.
    expect(emu.requestLog.writes.slice(writes).map((w) => `${w.kind} ${w.target}`)).toEqual([
      "ds.create /zosmf/restfiles/ds/HA.BACKUP.LOCK",
    ]);
    expect(emu.requestLog.submits).toHaveLength(1);
    // Once the admin removes it, the next provision finds the job by its token instead of submitting it again.
    expect((await unlock({ topologyFile, connection, run: record.runId })).removed).toBe(true);
    const next = await provision({ topologyFile, connection, ...FAST });
    expect(next.status).toBe("succeeded");
    const again = emu.requestLog.submits.filter((s) => s.jobname === lost.jobname);
    expect(again.map((s) => s.jobid)).toEqual([lost.jobid]);
  });

  it("refuses the next provision while that job still runs, submitting nothing", async () => {
    const { topologyFile, connection, emu } = await setUp(600_000);
    await runKilledDuringLookup(emu, topologyFile, connection);
    const lost = emu.requestLog.submits[0]!;
    // The admin removes the lock the killed run left (the test above shows the refusal before that).
    const holder = readdirSync(path.join(path.dirname(topologyFile), "ha-runs"))[0]!.split(".")[0]!;
    expect((await unlock({ topologyFile, connection, run: holder })).removed).toBe(true);

    const err = (await provision({ topologyFile, connection, ...FAST }).catch((e: unknown) => e)) as HaError;
    expect(err).toBeInstanceOf(HaError);
    expect(err.details.join("\n")).toContain(`${lost.jobname}(${lost.jobid})`);
    expect(emu.requestLog.submits).toHaveLength(1);
  });

  it("refuses when the state of a job the run left cannot be read (HTTP 500), rather than take it for purged", async () => {
    const { topologyFile, connection, emu } = await setUp(600_000);
    // The first job never ends within the job timeout: the run fails and leaves it on the queue.
    const cut = await provision({ topologyFile, connection, ...FAST, jobTimeoutMs: 300, concurrency: 1 });
    expect(cut.status).toBe("failed");
    const left = emu.requestLog.submits.length;
    emu.context.faults.add({ kind: "status", status: 500, match: "GET jobs.status" });

    const err = (await provision({ topologyFile, connection, ...FAST }).catch((e: unknown) => e)) as HaError;
    expect(err).toBeInstanceOf(HaError);
    expect(err.message).toMatch(/could not be read; nothing was planned or submitted/);
    expect(emu.requestLog.submits).toHaveLength(left);
  });
});
