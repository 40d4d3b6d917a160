/**
 * One measured `provision` or `verify` through the engine API, in this process, against
 * the emulator child: wall time, requests by kind, and per job how many status polls it
 * took and how long after the job's end the plug-in noticed.
 */
import { mkdtempSync } from "node:fs";
import * as path from "node:path";
import { provision } from "../../src/run/provision";
import { verify } from "../../src/run/verify";
import { authSinceClear, clearRequestLog, type AuthFigure } from "./auth";
import type { EmulatorChild } from "./emulator-process";
import { RequestTally } from "./requests";

export interface JobFigure {
  readonly job: string;
  /** Emulated run time: submit to end (input + active). */
  readonly runMs: number;
  readonly polls: number;
  /** From the job's end to the answer of the poll that saw OUTPUT. */
  readonly noticeMs: number;
}

export interface RunFigure {
  readonly wallMs: number;
  /** Until the plan was ready (the whole run for verify). */
  readonly planMs: number;
  readonly status: string;
  readonly requests: number;
  readonly byKind: Record<string, number>;
  readonly jobs: readonly JobFigure[];
  /** Median time of one request, as the client saw it. */
  readonly medianRequestMs: number;
  /** Where a provision kept its run record. */
  readonly recordDir?: string;
  /** How the run authenticated, from the emulator's request log. */
  readonly auth: AuthFigure;
}

function medianOf(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s.length ? s[Math.floor(s.length / 2)]! : 0;
}

interface EmulatedJob {
  jobid: string;
  jobname: string;
  type: string;
  submittedAt: number;
  endsAt: number | null;
}

export async function measureProvision(emu: EmulatorChild, topologyFile: string, options: { scratch: string; concurrency?: number; startServers?: boolean; reset?: boolean; recordDir?: string }): Promise<RunFigure> {
  if (options.reset !== false) await emu.control("POST", "/__emulator/reset");
  else await clearRequestLog(emu);
  const offset = await emu.clockOffset();
  const tally = new RequestTally();
  // A run record of its own per run, unless the caller continues an earlier one's history.
  const recordDir = options.recordDir ?? mkdtempSync(path.join(options.scratch, "runs-"));
  let planAt = 0;
  const t0 = performance.now();
  const result = await provision({
    topologyFile,
    connection: emu.connection,
    recordDir,
    jobTimeoutMs: 120_000,
    startServers: options.startServers ?? true,
    ...(options.concurrency !== undefined ? { concurrency: options.concurrency } : {}),
    sink: { onEvent: (e) => void (e.type === "plan" && (planAt = performance.now())) },
    onRequest: tally.onRequest,
  });
  const wallMs = performance.now() - t0;
  const failed = result.outcomes.filter((o) => o.state === "failed").map((o) => `${o.id}: ${o.error?.message}`);
  if (result.status !== "succeeded") throw new Error(`provision ${result.status}:\n${failed.join("\n")}`);

  const auth = await authSinceClear(emu);
  const state = await emu.control<{ jobs: EmulatedJob[] }>("GET", "/__emulator/state");
  const polls = tally.statusPolls();
  const jobs: JobFigure[] = [];
  for (const j of state.jobs) {
    const seen = polls.get(`${j.jobname}/${j.jobid}`);
    if (j.type !== "JOB" || j.endsAt === null || !seen) continue;
    jobs.push({ job: `${j.jobname}(${j.jobid})`, runMs: j.endsAt - j.submittedAt, polls: seen.polls, noticeMs: seen.lastAt - (j.endsAt + offset) });
  }
  return { wallMs, planMs: planAt - t0, status: result.status, requests: tally.total, byKind: tally.byKind(), jobs, medianRequestMs: medianOf(tally.events.map((e) => e.ms)), recordDir, auth };
}

export async function measureVerify(emu: EmulatorChild, topologyFile: string): Promise<RunFigure> {
  await clearRequestLog(emu);
  const tally = new RequestTally();
  const t0 = performance.now();
  const result = await verify({ topologyFile, connection: emu.connection, onRequest: tally.onRequest });
  const wallMs = performance.now() - t0;
  const auth = await authSinceClear(emu);
  return { wallMs, planMs: wallMs, status: result.verdict, requests: tally.total, byKind: tally.byKind(), jobs: [], medianRequestMs: medianOf(tally.events.map((e) => e.ms)), auth };
}
