/**
 * `npm run bench`: how fast `zowe ha provision | verify` are against the emulated sysplex,
 * next to the lower bound and to the same work done with stock Zowe commands. Prints a
 * table and writes bench/results.json and bench/RESULTS.md.
 *
 * The emulator runs as a child process with a fixed latency and fixed job times, so the
 * figures mean the same from run to run. The plug-in trusts its CA through
 * NODE_EXTRA_CA_CERTS, as the CLI does; this script re-runs itself with it set.
 */
import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { ensureTlsMaterial } from "../emulator/tls";
import { DEFAULT_CONCURRENCY } from "../src/engine/execute";
import { daemonVerifyTimes } from "./bench/daemon";
import { startEmulatorChild, type EmulatorChild } from "./bench/emulator-process";
import { measureFleet, type FleetFigure } from "./bench/fleet";
import { importTimes } from "./bench/import-time";
import { lowerBound } from "./bench/lower-bound";
import { markdown } from "./bench/markdown";
import { measureProvision, measureVerify, type RunFigure } from "./bench/measure";
import { machine, median } from "./bench/report";
import { runStock, stockActions } from "./bench/stock";
import { computeTargets, jobSummary, type CliFigures, type SizeFigures } from "./bench/targets";
import { systemNames, writeTopology } from "./bench/topology";
import { ROOT, runTimed, zoweHome, type ZoweHome } from "./bench/zowe-cli";

const SETTINGS = { latencyMs: 20, inputMs: 100, activeMs: 400, consolePieceLines: 200 } as const;
const SIZES = [2, 8, 32] as const;
/** Measured runs per size (after one warm-up run that is not counted). */
const RUNS: Record<number, number> = { 2: 5, 8: 3, 32: 2 };
const STARTUP_RUNS = 3;
/** Fresh processes timing the plug-in's import; the median stands. */
const IMPORT_RUNS = 7;

function log(text: string): void {
  process.stderr.write(`bench: ${text}\n`);
}

/** `rttMs`: the round trip the lower bound counts; undefined = this size's own median request. */
async function measureSize(n: number, dir: string, rttMs?: number): Promise<SizeFigures> {
  const emu = await startEmulatorChild({ systems: systemNames(n), ...SETTINGS });
  try {
    const file = writeTopology(dir, n);
    await measureProvision(emu, file, { scratch: dir });
    const runs: RunFigure[] = [];
    for (let i = 0; i < RUNS[n]!; i++) runs.push(await measureProvision(emu, file, { scratch: dir }));
    const provisionMs = runs.map((r) => r.wallMs);
    // The run with the median wall time stands for the size in the detail tables.
    const typical = [...runs].sort((a, b) => a.wallMs - b.wallMs)[Math.floor(runs.length / 2)]!;
    log(`${n} systems: provision ${provisionMs.map((v) => Math.round(v)).join(", ")} ms`);

    // A second provision of the same sysplex finds everything in place: planning only.
    // It reads the last run's record too, as a user's second run would (no new RACF listing).
    const again = await measureProvision(emu, file, {
      scratch: dir,
      reset: false,
      ...(runs.at(-1)!.recordDir ? { recordDir: runs.at(-1)!.recordDir } : {}),
    });
    await measureVerify(emu, file);
    const verifies: RunFigure[] = [];
    for (let i = 0; i < RUNS[n]!; i++) verifies.push(await measureVerify(emu, file));
    const verifyMs = verifies.map((r) => r.wallMs);
    log(`${n} systems: verify ${verifyMs.map((v) => Math.round(v)).join(", ")} ms (${verifies[0]!.status})`);

    // Steps on different systems may all run at once (--concurrency), for the scaling figure.
    const parallel = n > 4 ? await measureProvision(emu, file, { scratch: dir, concurrency: 4 * n }) : undefined;

    const lb = lowerBound({ rttMs: rttMs ?? typical.medianRequestMs, jobMs: SETTINGS.inputMs + SETTINGS.activeMs });
    return {
      systems: n,
      provisionMs,
      provision: typical,
      verifyMs,
      verify: verifies[0]!,
      lowerBoundMs: lb.ms,
      lowerBoundModel: lb.model,
      reprovisionMs: again.wallMs,
      reprovisionPlanMs: again.planMs,
      ...(parallel ? { provisionAllParallelMs: parallel.wallMs } : {}),
    };
  } finally {
    await emu.stop();
  }
}

/** The 2-system provision through the real CLI, then the stock-command script and start-up times. */
async function measureCli(dir: string): Promise<{ cli: CliFigures; fleet: FleetFigure }> {
  log("packing the plug-in and installing it into an isolated Zowe home");
  const home = await zoweHome(true);
  const emu = await startEmulatorChild({ systems: systemNames(2), ...SETTINGS });
  try {
    const file = writeTopology(dir, 2);
    await emu.control("POST", "/__emulator/reset");
    const cli = await home.zowe(
      ["ha", "provision", "-t", file, "--start-servers", "--record-dir", path.join(dir, "cli-runs")],
      emu,
      300_000,
    );
    if (cli.code !== 0) throw new Error(`zowe ha provision failed: ${cli.stdout}\n${cli.stderr}`);
    log(`CLI provision ${Math.round(cli.ms)} ms`);

    await emu.control("POST", "/__emulator/reset");
    const actions = await stockActions(emu, file, mkdtempSync(path.join(dir, "stock-")), systemNames(2));
    const stock = await runStock(home, emu, actions);
    log(`stock script ${Math.round(stock.wallMs)} ms (${stock.actions} zowe commands)`);

    const startup = await startupTimes(home, emu, file);
    // The same verify without any start-up: what daemon mode could at best come down to.
    const inProcess: number[] = [];
    for (let i = 0; i < STARTUP_RUNS; i++) inProcess.push((await measureVerify(emu, file)).wallMs);
    const daemon = await daemonVerifyTimes(home, emu, file, STARTUP_RUNS);
    log(
      "ms" in daemon
        ? `daemon-mode verify ${daemon.ms.map((v) => Math.round(v)).join(", ")} ms`
        : `daemon mode not measured: ${daemon.notMeasured}`,
    );
    const importTime = await importTimes(ROOT, path.join("commands", "verify", "Verify.handler"), IMPORT_RUNS);
    log(`plug-in import ${Math.round(importTime.configMs + importTime.handlerMs)} ms`);
    await emu.stop();
    log("fleet: 8 sysplexes, 8 zowe ha verify --rfj at once");
    const fleet = await measureFleet(home, dir, SETTINGS);
    log(`fleet ${Math.round(fleet.wallMs)} ms, peak RSS ${fleet.peakRssMb?.toFixed(0) ?? "?"} MB`);
    return { cli: { cliProvisionMs: cli.ms, stock, startup, daemon, inProcessVerifyMs: median(inProcess), importTime }, fleet };
  } finally {
    await emu.stop();
    rmSync(home.work, { recursive: true, force: true });
  }
}

async function startupTimes(home: ZoweHome, emu: EmulatorChild, file: string): Promise<Record<string, number>> {
  const best = async (args: readonly string[], withEmu: boolean) => {
    const times: number[] = [];
    for (let i = 0; i < STARTUP_RUNS; i++) {
      const r = await home.zowe(args, withEmu ? emu : undefined);
      if (r.code !== 0 && !(args[1] === "verify" && r.code !== null && r.code <= 2))
        throw new Error(`zowe ${args.join(" ")} exited ${r.code}: ${r.stderr}`);
      times.push(r.ms);
    }
    return median(times);
  };
  const nodeOnly = median(await Promise.all([0, 1, 2].map(async () => (await runTimed(process.execPath, ["-e", "0"], process.env)).ms)));
  return {
    nodeMs: nodeOnly,
    zoweVersionMs: await best(["--version"], false),
    haHelpMs: await best(["ha", "--help"], false),
    haVerifyMs: await best(["ha", "verify", "-t", file], true),
  };
}

/** A 32-system provision in a child process of its own; its peak RSS. */
async function measureRss(dir: string): Promise<{ maxRssMb: number; wallMs: number }> {
  const emu = await startEmulatorChild({ systems: systemNames(32), ...SETTINGS });
  try {
    const file = writeTopology(dir, 32);
    const env = { ...process.env, BENCH_CONNECTION: JSON.stringify(emu.connection) };
    const r = await runTimed(
      process.execPath,
      [path.join(__dirname, "bench", "rss-child.js"), file, mkdtempSync(path.join(dir, "rss-"))],
      env,
      300_000,
    );
    if (r.code !== 0) throw new Error(`rss child failed: ${r.stderr}`);
    const out = JSON.parse(r.stdout.trim().split("\n").pop()!) as { status: string; wallMs: number; maxRssKb: number };
    if (out.status !== "succeeded") throw new Error(`the 32-system provision in the child ${out.status}`);
    return { maxRssMb: out.maxRssKb / 1024, wallMs: out.wallMs };
  } finally {
    await emu.stop();
  }
}

async function main(): Promise<void> {
  const started = performance.now();
  const dir = mkdtempSync(path.join(tmpdir(), "zowe-ha-bench-"));
  const sizes: SizeFigures[] = [];
  // Every size is held to the 2-system round trip: a bigger sysplex's longer requests come
  // from the client's own load, which a lower bound must not grant it.
  for (const n of SIZES) sizes.push(await measureSize(n, dir, sizes[0]?.provision.medianRequestMs));
  const { cli, fleet } = await measureCli(dir);
  const rss = await measureRss(dir);
  const by = (n: number) => sizes.find((s) => s.systems === n)!;
  const targets = computeTargets(by, sizes, cli, rss.maxRssMb);

  const results = {
    date: new Date().toISOString(),
    machine: machine(ROOT),
    settings: {
      ...SETTINGS,
      runs: RUNS,
      note: `latency per z/OSMF request; job = input + active ms from submit; provision with --start-servers, default --concurrency ${DEFAULT_CONCURRENCY}`,
    },
    sizes: sizes.map((s) => ({
      ...s,
      provisionMedianMs: median(s.provisionMs),
      verifyMedianMs: median(s.verifyMs),
      jobs: s.provision.jobs.length ? jobSummary(s.provision) : undefined,
    })),
    cli,
    fleet,
    rss,
    targets,
    benchSeconds: (performance.now() - started) / 1000,
  };
  const md = markdown(results.date, results.machine, SETTINGS, DEFAULT_CONCURRENCY, sizes, cli, fleet, rss, targets);
  mkdirSync(path.join(ROOT, "bench"), { recursive: true });
  writeFileSync(path.join(ROOT, "bench", "results.json"), `${JSON.stringify(results, null, 2)}\n`);
  writeFileSync(path.join(ROOT, "bench", "RESULTS.md"), md);
  process.stdout.write(`${md}\n`);
  rmSync(dir, { recursive: true, force: true });
  log(`done in ${Math.round(results.benchSeconds)} s; wrote bench/results.json and bench/RESULTS.md`);
}

/** Re-runs this script with the emulator's CA trusted process-wide, as the CLI trusts it. */
function relaunchTrusting(caFile: string): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [__filename, ...process.argv.slice(2)], {
      stdio: "inherit",
      env: { ...process.env, NODE_EXTRA_CA_CERTS: caFile },
    });
    child.on("exit", (code) => resolve(code ?? 1));
  });
}

const caFile = ensureTlsMaterial().caFile;
if (process.env.NODE_EXTRA_CA_CERTS !== caFile) {
  void relaunchTrusting(caFile).then((code) => process.exit(code));
} else {
  main().then(
    () => process.exit(0),
    (err) => {
      process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
      process.exit(1);
    },
  );
}
