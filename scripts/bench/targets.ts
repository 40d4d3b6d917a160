/**
 * The benchmark's targets, each computed from the figures (never written by hand): what was
 * measured, the bound, and whether it holds.
 */
import type { AuthFigure } from "./auth";
import type { DaemonFigure } from "./daemon";
import type { ImportFigure } from "./import-time";
import type { RunFigure } from "./measure";
import { median, ms, x, type TargetResult } from "./report";

export interface SizeFigures {
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

export interface CliFigures {
  cliProvisionMs: number;
  stock: { wallMs: number; actions: number; byKind: Record<string, number> };
  startup: Record<string, number>;
  daemon: DaemonFigure;
  /** The same 2-system verify through the engine API in the benchmark's process: the work without any start-up. */
  inProcessVerifyMs: number;
  importTime: ImportFigure & { runs: number[] };
}

export interface JobSummary {
  polls: number;
  maxPolls: number;
  worstNoticeMs: number;
  allowedMs: number;
  neededPolls: number;
}

export function jobSummary(r: RunFigure): JobSummary {
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

/** Every provision and verify measured: at most one logon per host each. */
function authTarget(sizes: readonly SizeFigures[]): TargetResult {
  const runs: { what: string; auth: AuthFigure }[] = sizes.flatMap((s) => [
    { what: `${s.systems}-system provision`, auth: s.provision.auth },
    { what: `${s.systems}-system verify`, auth: s.verify.auth },
  ]);
  const worst = runs.reduce((a, b) => (b.auth.maxLogonsPerHost > a.auth.maxLogonsPerHost ? b : a));
  const basic = runs.reduce((s, r) => s + r.auth.basic, 0);
  return {
    target: "one logon per host per command",
    figure: `at most ${worst.auth.maxLogonsPerHost} (${worst.what}); ${basic} requests with Basic credentials in ${runs.length} runs`,
    holds: worst.auth.maxLogonsPerHost <= 1,
  };
}

function cliTargets(cli: CliFigures): TargetResult[] {
  const daemonMs = "ms" in cli.daemon ? median(cli.daemon.ms) : undefined;
  const importMs = cli.importTime.configMs + cli.importTime.handlerMs;
  return [
    {
      target: "`zowe ha verify` (2 systems) under 1.5 s with start-up",
      figure: ms(cli.startup.haVerifyMs!),
      holds: cli.startup.haVerifyMs! < 1500,
    },
    {
      target: "`zowe ha verify` (2 systems) in daemon mode <= 0.3 s",
      figure:
        daemonMs === undefined
          ? `not measured: ${"notMeasured" in cli.daemon ? cli.daemon.notMeasured : ""}`
          : `${ms(daemonMs)} (of which the verify itself, in-process: ${ms(cli.inProcessVerifyMs)})`,
      holds: daemonMs !== undefined && daemonMs <= 300,
    },
    {
      target: "the plug-in's own import time (configuration module and verify handler) <= 150 ms",
      figure: `${ms(importMs)} (${Math.round((importMs / cli.startup.haVerifyMs!) * 100)}% of the classic \`zowe ha verify\`)`,
      holds: importMs <= 150,
    },
  ];
}

export function computeTargets(by: (n: number) => SizeFigures, sizes: readonly SizeFigures[], cli: CliFigures, rssMb: number): TargetResult[] {
  const p2 = median(by(2).provisionMs);
  const p32 = median(by(32).provisionMs);
  const v2 = median(by(2).verifyMs);
  const v32 = median(by(32).verifyMs);
  const perSystem = (by(32).verify.requests - by(2).verify.requests) / 30;
  const jobs = jobSummary(by(2).provision);
  return [
    {
      target: "2-system provision >= 5x faster than stock commands",
      figure: `${x(cli.stock.wallMs / p2)} (${ms(cli.stock.wallMs)} vs ${ms(p2)}); ${x(cli.stock.wallMs / cli.cliProvisionMs)} against the real CLI run`,
      holds: cli.stock.wallMs / p2 >= 5,
    },
    {
      target: "2-system provision within 1.15x of the lower bound",
      figure: `${x(p2 / by(2).lowerBoundMs)} (${ms(p2)} vs ${ms(by(2).lowerBoundMs)})`,
      holds: p2 / by(2).lowerBoundMs <= 1.15,
    },
    {
      target: "32-system provision <= 2x of 2 systems",
      figure: `${x(p32 / p2)} (${ms(p32)}; ${x((by(32).provisionAllParallelMs ?? p32) / p2)} with --concurrency 128)`,
      holds: p32 / p2 <= 2,
    },
    { target: "32-system verify <= 1.5x of 2 systems", figure: `${x(v32 / v2)} (${ms(v32)} vs ${ms(v2)})`, holds: v32 / v2 <= 1.5 },
    {
      target: "verify requests grow by at most 2 per added system",
      figure: `${perSystem.toFixed(1)} per system (${by(2).verify.requests} for 2, ${by(32).verify.requests} for 32)`,
      holds: perSystem <= 2,
    },
    authTarget(sizes),
    {
      target: "job end noticed within max(250 ms, 10% of run), no more polls than needed",
      figure: `worst ${ms(jobs.worstNoticeMs)} of ${ms(jobs.allowedMs)} allowed; ${jobs.maxPolls} polls per job, ${jobs.neededPolls} needed`,
      holds: jobs.worstNoticeMs <= jobs.allowedMs && jobs.maxPolls <= jobs.neededPolls,
    },
    ...cliTargets(cli),
    { target: "32-system provision peak RSS under 250 MB", figure: `${rssMb.toFixed(0)} MB`, holds: rssMb < 250 },
  ];
}
