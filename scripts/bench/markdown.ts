/** bench/RESULTS.md from the figures. */
import { describeAuth } from "./auth";
import { describeFleetResults, type FleetFigure } from "./fleet";
import { median, ms, table, x, type TargetResult } from "./report";
import type { CliFigures, SizeFigures } from "./targets";

export interface Settings {
  readonly latencyMs: number;
  readonly inputMs: number;
  readonly activeMs: number;
  readonly consolePieceLines: number;
}

function header(date: string, m: Record<string, unknown>, s: Settings, concurrency: number, loadNote: string): string[] {
  return [
    "# zowe-ha benchmark",
    "",
    `${date} on ${m.cpu} (${m.cores} cores, ${m.memoryGiB} GiB), ${m.os}, Node ${m.node}, zowe-ha ${m.zoweHa}, @zowe/cli ${m.zoweCli}.`,
    `Emulator in its own process: ${s.latencyMs} ms per request, jobs ${s.inputMs} ms input + ${s.activeMs} ms active, console pieces of ${s.consolePieceLines} lines.`,
    `Provision with --start-servers and the default --concurrency ${concurrency}, through the engine API in-process (median of the runs after a warm-up).`,
    loadNote,
  ];
}

function sizeTables(sizes: readonly SizeFigures[]): string[] {
  const kinds = [...new Set(sizes.flatMap((s) => Object.keys(s.provision.byKind)))].sort();
  const vkinds = [...new Set(sizes.flatMap((s) => Object.keys(s.verify.byKind)))].sort();
  const byKind = (pick: (s: SizeFigures) => Record<string, number>, ks: string[]) =>
    table(
      ["kind", ...sizes.map((s) => `${s.systems} sys`)],
      ks.map((k) => [k, ...sizes.map((s) => String(pick(s)[k] ?? 0))]),
    );
  return [
    "## Provision and verify",
    "",
    table(
      ["systems", "provision", "of which planning", "lower bound", "ratio", "requests", "no-change re-provision", "verify", "verify requests"],
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
    "Authentication per run, from the emulator's request log (logons are POST /zosmf/services/authenticate; Basic is a request that carried the password, each one a RACF check on z/OS; cookie is a request that rode on the logon's token):",
    "",
    table(
      ["systems", "provision", "verify"],
      sizes.map((s) => [String(s.systems), describeAuth(s.provision.auth), describeAuth(s.verify.auth)]),
    ),
    "",
    "Provision requests by kind:",
    "",
    byKind((s) => s.provision.byKind, kinds),
    "",
    "Verify requests by kind:",
    "",
    byKind((s) => s.verify.byKind, vkinds),
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
  ];
}

function startupRows(cli: CliFigures): string[][] {
  const it = cli.importTime;
  const heavy = ["zod", "yaml", "axios", "handlebars", "diff"].map((p) => `${p} ${it.packages[p] ? "yes" : "no"}`).join(", ");
  return [
    ["`node -e 0`", ms(cli.startup.nodeMs!)],
    ["`zowe --version`", ms(cli.startup.zoweVersionMs!)],
    ["`zowe ha --help`", ms(cli.startup.haHelpMs!)],
    ["`zowe ha verify` (2 systems), classic CLI", ms(cli.startup.haVerifyMs!)],
    [
      "the same in daemon mode (`zowe daemon enable`, warm daemon)",
      "ms" in cli.daemon ? ms(median(cli.daemon.ms)) : `not measured: ${cli.daemon.notMeasured}`,
    ],
    ["the same verify through the engine API in the benchmark's process (no start-up)", ms(cli.inProcessVerifyMs)],
    [
      `the plug-in's own import: configuration module and definitions / verify handler (${it.modules} modules; ${heavy})`,
      `${ms(it.configMs)} / ${ms(it.handlerMs)}`,
    ],
  ];
}

function fleetRows(fleet: FleetFigure): string[][] {
  const rss = fleet.peakRssMb === undefined ? "peak RSS not measured (no /proc)" : `peak RSS of the ${fleet.sysplexes} processes together ${fleet.peakRssMb.toFixed(0)} MB`;
  return [
    [
      `${fleet.sysplexes} sysplexes of ${fleet.systemsEach} systems (one emulator each) verified at once: ${fleet.sysplexes} \`zowe ha verify --rfj\` processes; ${rss}; ${describeFleetResults(fleet)}`,
      ms(fleet.wallMs),
    ],
  ];
}

export function markdown(
  date: string,
  m: Record<string, unknown>,
  settings: Settings,
  concurrency: number,
  sizes: readonly SizeFigures[],
  cli: CliFigures,
  fleet: FleetFigure,
  rss: { maxRssMb: number; wallMs: number },
  targets: readonly TargetResult[],
): string {
  const loadNote = `Load average when the benchmark started: ${String(m.loadAverage)} on ${String(m.cores)} cores; figures taken while other work shares the cores are indicative.`;
  return [
    ...header(date, m, settings, concurrency, loadNote),
    "",
    "## Targets",
    "",
    table(
      ["target", "figure", "holds"],
      targets.map((t) => [t.target, t.figure, t.holds ? "yes" : "**no**"]),
    ),
    "",
    ...sizeTables(sizes),
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
        ...startupRows(cli),
        ...fleetRows(fleet),
        [`32-system provision in its own process (peak RSS ${rss.maxRssMb.toFixed(0)} MB)`, ms(rss.wallMs)],
      ],
    ),
    "",
    "The daemon serves one request at a time (later clients wait and retry), so a fleet runs classic processes side by side; daemon mode is for the many short commands of one user or job.",
    "",
  ].join("\n");
}
