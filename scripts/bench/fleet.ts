/**
 * A fleet: 8 sysplexes (one emulator process each) verified at once by a pipeline, as a CI
 * matrix or an Ansible play would run them: one `zowe ha verify --rfj` process per sysplex,
 * all started together. Each sysplex is provisioned first, so every verify has a verdict to
 * give. Wall time is from the first start to the last exit; memory is the peak of the summed
 * resident sets of the 8 `zowe` processes (the emulators are the "mainframes" and not counted).
 */
import { execFile } from "node:child_process";
import { mkdtempSync } from "node:fs";
import * as path from "node:path";
import { provision } from "../../src/run/provision";
import { startEmulatorChild, type EmulatorChild, type EmulatorTiming } from "./emulator-process";
import { sampleRss } from "./rss-sampler";
import { systemNames, writeTopology } from "./topology";
import { envFor, ZOWE, type ZoweHome } from "./zowe-cli";

export interface FleetFigure {
  readonly sysplexes: number;
  readonly systemsEach: number;
  readonly wallMs: number;
  /** Peak of the summed RSS of the zowe processes; undefined where /proc cannot be read. */
  readonly peakRssMb?: number;
  /** Exit code and --rfj verdict per sysplex, in order. */
  readonly results: readonly { exitCode: number | null; verdict: string }[];
}

interface Running {
  readonly pid: number | undefined;
  readonly done: Promise<{ exitCode: number | null; verdict: string }>;
}

function verifyRfj(zowe: string, file: string, env: NodeJS.ProcessEnv, cwd: string): Running {
  let resolveDone!: (v: { exitCode: number | null; verdict: string }) => void;
  const done = new Promise<{ exitCode: number | null; verdict: string }>((r) => (resolveDone = r));
  const child = execFile(zowe, ["ha", "verify", "-t", file, "--rfj"], { env, cwd, timeout: 300_000, maxBuffer: 64 * 1024 * 1024 }, (err, stdout) => {
    const exitCode = err ? (typeof (err as { code?: unknown }).code === "number" ? (err as { code: number }).code : null) : 0;
    let verdict = "no JSON";
    try {
      // --rfj: one JSON document; the verdict is the command's data, the exit code its own.
      const doc = JSON.parse(String(stdout)) as { data?: { verdict?: string } };
      verdict = doc.data?.verdict ?? "no verdict";
    } catch {
      // Left as "no JSON": the line in RESULTS.md says so.
    }
    resolveDone({ exitCode, verdict });
  });
  child.stdin?.end();
  return { pid: child.pid, done };
}

export async function measureFleet(home: ZoweHome, dir: string, settings: Omit<EmulatorTiming, "systems">, sysplexes = 8): Promise<FleetFigure> {
  const systems = 2;
  const emus: EmulatorChild[] = [];
  try {
    for (let i = 0; i < sysplexes; i++) emus.push(await startEmulatorChild({ systems: systemNames(systems), ...settings }));
    const file = writeTopology(mkdtempSync(path.join(dir, "fleet-")), systems);
    // Provisioned one after another: the machine's cores are for the measured part.
    for (const emu of emus) {
      const r = await provision({ topologyFile: file, connection: emu.connection, recordDir: mkdtempSync(path.join(dir, "fleet-runs-")), startServers: true, jobTimeoutMs: 120_000 });
      if (r.status !== "succeeded") throw new Error(`fleet provision ${r.status}`);
    }
    const t0 = performance.now();
    const running = emus.map((emu) => verifyRfj(ZOWE, file, envFor(home.home, emu), home.work));
    const rss = sampleRss(() => running.map((r) => r.pid).filter((p): p is number => p !== undefined));
    const results = await Promise.all(running.map((r) => r.done));
    const wallMs = performance.now() - t0;
    const peakRssMb = rss.stop();
    return { sysplexes, systemsEach: systems, wallMs, ...(peakRssMb !== undefined ? { peakRssMb } : {}), results };
  } finally {
    await Promise.all(emus.map((e) => e.stop()));
  }
}

/** "8 x exit 0 (healthy)" or the mix there was. */
export function describeFleetResults(f: FleetFigure): string {
  const counts = new Map<string, number>();
  for (const r of f.results) {
    const key = `exit ${r.exitCode ?? "none"} (${r.verdict})`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts].map(([k, n]) => `${n} x ${k}`).join(", ");
}
