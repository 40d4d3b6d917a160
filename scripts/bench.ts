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
import { daemonVerifyTimes, type DaemonFigure } from "./bench/daemon";
import { startEmulatorChild, type EmulatorChild } from "./bench/emulator-process";
import { lowerBound } from "./bench/lower-bound";
import { measureProvision, measureVerify, type RunFigure } from "./bench/measure";
import { machine, median, ms, table, x, type TargetResult } from "./bench/report";
import { runStock, stockActions } from "./bench/stock";
import { systemNames, writeTopology } from "./bench/topology";
import { ROOT, runTimed, zoweHome, type ZoweHome } from "./bench/zowe-cli";

const SETTINGS = { latencyMs: 20, inputMs: 100, activeMs: 400, consolePieceLines: 200 } as const;
const SIZES = [2, 8, 32] as const;
/** Measured runs per size (after one warm-up run that is not counted). */
const RUNS: Record<number, number> = { 2: 5, 8: 3, 32: 2 };
const STARTUP_RUNS = 3;

function log(text: string): void {
  process.stderr.write(`bench: ${text}\n`);
}

interface SizeFigures {
  systems: number;
  provisionMs: number[];
  provision: RunFigure;
  verifyMs: number[];
  verify: RunFigure;
  lowerBoundMs: number;
  lowerBoundModel: string;
  reprovisionMs?: number;
  reprovisionPlanMs?: number;
  provisionAllParallelMs?: number;
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
async function measureCli(dir: string): Promise<Record<string, unknown>> {
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
    const daemon = await daemonVerifyTimes(home, emu, file, STARTUP_RUNS);
    log(
      "ms" in daemon
        ? `daemon-mode verify ${daemon.ms.map((v) => Math.round(v)).join(", ")} ms`
        : `daemon mode not measured: ${daemon.notMeasured}`,
    );
    return { cliProvisionMs: cli.ms, stock, startup, daemon };
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
      if (r.code !== 0 && !(args[1] === "verify" && r.code === 1)) throw new Error(`zowe ${args.join(" ")} exited ${r.code}: ${r.stderr}`);
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

function jobSummary(r: RunFigure): { polls: number; maxPolls: number; worstNoticeMs: number; allowedMs: number; neededPolls: number } {
  const allowed = (run: number) => Math.max(250, run / 10);
  const worst = Math.max(...r.jobs.map((j) => j.noticeMs));
  const run = Math.max(...r.jobs.map((j) => j.runMs));
  return {
    polls: r.jobs.reduce((s, j) => s + j.polls, 0) / r.jobs.length,
    maxPolls: Math.max(...r.jobs.map((j) => j.polls)),
    worstNoticeMs: worst,
    allowedMs: allowed(run),
    // Polls spaced at the allowed delay, the first one when the job could first have ended.
    neededPolls: Math.ceil(run / allowed(run)) + 1,
  };
}

async function main(): Promise<void> {
  const started = performance.now();
  const dir = mkdtempSync(path.join(tmpdir(), "zowe-ha-bench-"));
  const sizes: SizeFigures[] = [];
  // Every size is held to the 2-system round trip: a bigger sysplex's longer requests come
  // from the client's own load, which a lower bound must not grant it.
  for (const n of SIZES) sizes.push(await measureSize(n, dir, sizes[0]?.provision.medianRequestMs));
  const cli = (await measureCli(dir)) as {
    cliProvisionMs: number;
    stock: { wallMs: number; actions: number; byKind: Record<string, number> };
    startup: Record<string, number>;
    daemon: DaemonFigure;
  };
  const rss = await measureRss(dir);

  const by = (n: number) => sizes.find((s) => s.systems === n)!;
  const p2 = median(by(2).provisionMs);
  const p32 = median(by(32).provisionMs);
  const v2 = median(by(2).verifyMs);
  const v32 = median(by(32).verifyMs);
  const jobs = jobSummary(by(2).provision);
  const targets: TargetResult[] = [
    {
      target: "2-system provision >= 5x faster than stock commands",
      figure: `${x(cli.stock.wallMs / p2)} (${ms(cli.stock.wallMs)} vs ${ms(p2)}); ${x(cli.stock.wallMs / cli.cliProvisionMs)} against the real CLI run`,
      holds: cli.stock.wallMs / p2 >= 5,
    },
    {
      target: "2-system provision within 1.25x of the lower bound",
      figure: `${x(p2 / by(2).lowerBoundMs)} (${ms(p2)} vs ${ms(by(2).lowerBoundMs)})`,
      holds: p2 / by(2).lowerBoundMs <= 1.25,
    },
    {
      target: "32-system provision <= 3x of 2 systems",
      figure: `${x(p32 / p2)} (${ms(p32)}; ${x((by(32).provisionAllParallelMs ?? p32) / p2)} with --concurrency 128)`,
      holds: p32 / p2 <= 3,
    },
    { target: "32-system verify <= 2x of 2 systems", figure: `${x(v32 / v2)} (${ms(v32)} vs ${ms(v2)})`, holds: v32 / v2 <= 2 },
    {
      target: "job end noticed within max(250 ms, 10% of run), no more polls than needed",
      figure: `worst ${ms(jobs.worstNoticeMs)} of ${ms(jobs.allowedMs)} allowed; ${jobs.maxPolls} polls per job, ${jobs.neededPolls} needed`,
      holds: jobs.worstNoticeMs <= jobs.allowedMs && jobs.maxPolls <= jobs.neededPolls,
    },
    {
      target: "`zowe ha verify` (2 systems) under 1.5 s with start-up",
      figure: ms(cli.startup.haVerifyMs!),
      holds: cli.startup.haVerifyMs! < 1500,
    },
    { target: "32-system provision peak RSS under 250 MB", figure: `${rss.maxRssMb.toFixed(0)} MB`, holds: rss.maxRssMb < 250 },
  ];

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
    rss,
    targets,
    benchSeconds: (performance.now() - started) / 1000,
  };
  const md = markdown(results.date, results.machine, sizes, cli, rss, targets);
  mkdirSync(path.join(ROOT, "bench"), { recursive: true });
  writeFileSync(path.join(ROOT, "bench", "results.json"), `${JSON.stringify(results, null, 2)}\n`);
  writeFileSync(path.join(ROOT, "bench", "RESULTS.md"), md);
  process.stdout.write(`${md}\n`);
  rmSync(dir, { recursive: true, force: true });
  log(`done in ${Math.round(results.benchSeconds)} s; wrote bench/results.json and bench/RESULTS.md`);
}

function markdown(
  date: string,
  m: Record<string, unknown>,
  sizes: readonly SizeFigures[],
  cli: {
    cliProvisionMs: number;
    stock: { wallMs: number; actions: number; byKind: Record<string, number> };
    startup: Record<string, number>;
    daemon: DaemonFigure;
  },
  rss: { maxRssMb: number; wallMs: number },
  targets: readonly TargetResult[],
): string {
  const kinds = [...new Set(sizes.flatMap((s) => Object.keys(s.provision.byKind)))].sort();
  const vkinds = [...new Set(sizes.flatMap((s) => Object.keys(s.verify.byKind)))].sort();
  return [
    "# zowe-ha benchmark",
    "",
    `${date} on ${m.cpu} (${m.cores} cores, ${m.memoryGiB} GiB), ${m.os}, Node ${m.node}, zowe-ha ${m.zoweHa}, @zowe/cli ${m.zoweCli}.`,
    `Emulator in its own process: ${SETTINGS.latencyMs} ms per request, jobs ${SETTINGS.inputMs} ms input + ${SETTINGS.activeMs} ms active, console pieces of ${SETTINGS.consolePieceLines} lines.`,
    `Provision with --start-servers and the default --concurrency ${DEFAULT_CONCURRENCY}, through the engine API in-process (median of the runs after a warm-up).`,
    "",
    "## Targets",
    "",
    table(
      ["target", "figure", "holds"],
      targets.map((t) => [t.target, t.figure, t.holds ? "yes" : "**no**"]),
    ),
    "",
    "## Provision and verify",
    "",
    table(
      [
        "systems",
        "provision",
        "of which planning",
        "lower bound",
        "ratio",
        "requests",
        "no-change re-provision",
        "verify",
        "verify requests",
      ],
      sizes.map((s) => [
        String(s.systems),
        ms(median(s.provisionMs)),
        ms(s.provision.planMs),
        ms(s.lowerBoundMs),
        x(median(s.provisionMs) / s.lowerBoundMs),
        String(s.provision.requests),
        ms(s.reprovisionMs ?? 0),
        ms(median(s.verifyMs)),
        String(s.verify.requests),
      ]),
    ),
    "",
    `Lower bound: ${sizes[0]!.lowerBoundModel}.`,
    "",
    "Provision requests by kind:",
    "",
    table(
      ["kind", ...sizes.map((s) => `${s.systems} sys`)],
      kinds.map((k) => [k, ...sizes.map((s) => String(s.provision.byKind[k] ?? 0))]),
    ),
    "",
    "Verify requests by kind:",
    "",
    table(
      ["kind", ...sizes.map((s) => `${s.systems} sys`)],
      vkinds.map((k) => [k, ...sizes.map((s) => String(s.verify.byKind[k] ?? 0))]),
    ),
    "",
    "Jobs (status polls per job; delay from the job's end to the answer that showed OUTPUT):",
    "",
    table(
      ["systems", "jobs", "run time", "polls per job", "notice delay avg", "notice delay max"],
      sizes.map((s) => {
        const j = s.provision.jobs;
        return [
          String(s.systems),
          String(j.length),
          ms(j[0]?.runMs ?? 0),
          (j.reduce((a, b) => a + b.polls, 0) / j.length).toFixed(1),
          ms(j.reduce((a, b) => a + b.noticeMs, 0) / j.length),
          ms(Math.max(...j.map((b) => b.noticeMs))),
        ];
      }),
    ),
    "",
    "## CLI",
    "",
    table(
      ["what", "wall time"],
      [
        ["`zowe ha provision --start-servers` (2 systems, real CLI)", ms(cli.cliProvisionMs)],
        [
          `stock commands, ${cli.stock.actions} \`zowe\` runs (${Object.entries(cli.stock.byKind)
            .map(([k, v]) => `${v} ${k}`)
            .join(", ")})`,
          ms(cli.stock.wallMs),
        ],
        ["`node -e 0`", ms(cli.startup.nodeMs!)],
        ["`zowe --version`", ms(cli.startup.zoweVersionMs!)],
        ["`zowe ha --help`", ms(cli.startup.haHelpMs!)],
        ["`zowe ha verify` (2 systems, idle emulator)", ms(cli.startup.haVerifyMs!)],
        [
          "the same under `zowe daemon enable` (warm daemon)",
          "ms" in cli.daemon ? ms(median(cli.daemon.ms)) : `not measured: ${cli.daemon.notMeasured}`,
        ],
        [`32-system provision in its own process (peak RSS ${rss.maxRssMb.toFixed(0)} MB)`, ms(rss.wallMs)],
      ],
    ),
    "",
  ].join("\n");
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
