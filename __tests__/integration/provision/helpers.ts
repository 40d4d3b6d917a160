import { readFileSync } from "node:fs";
import * as path from "node:path";
import { start, type Emulator } from "../../../emulator";
import { executePlan } from "../../../src/engine/execute";
import type { LastRun } from "../../../src/engine/run-history";
import { sameJob } from "../../../src/engine/run-record";
import type { BackupEntry, CommandEntry, JobEntry, PlannedStep, RunRecorder, StepOutcome, WriteEntry } from "../../../src/engine/types";
import { planProvision } from "../../../src/provision/plan";
import { parseTopology, type Topology } from "../../../src/topology";
import { createZosmfClient, type ZosmfClient } from "../../../src/zosmf";

/** A run record kept in memory, in the shape planProvision reads back. */
export class MemoryRecorder implements RunRecorder {
  readonly backups: BackupEntry[] = [];
  readonly jobs: JobEntry[] = [];
  readonly commands: CommandEntry[] = [];
  readonly writes: WriteEntry[] = [];
  async backup(entry: BackupEntry): Promise<void> {
    this.backups.push(entry);
  }
  /** Like the run record: one entry per job, from the intent to submit until it ends. */
  job(entry: JobEntry): void {
    const at = entry.jobid === null ? -1 : this.jobs.findIndex((j) => sameJob(j, entry));
    if (at >= 0) this.jobs[at] = entry;
    else this.jobs.push(entry);
  }
  command(entry: CommandEntry): void {
    this.commands.push(entry);
  }
  write(entry: WriteEntry): void {
    this.writes.push(entry);
  }
}

export function topology(
  name: "two-system.yaml" | "three-system-all.yaml" = "two-system.yaml",
  edit: (t: string) => string = (t) => t,
): Topology {
  return parseTopology(edit(readFileSync(path.join(__dirname, "../../../examples", name), "utf8")), { fileName: name });
}

export async function startEmulator(systems = ["SYSA", "SYSB"]): Promise<{ emu: Emulator; client: ZosmfClient }> {
  const emu = await start({ tls: false, port: 0, systems, jobTiming: { inputMs: 5, activeMs: 20 } });
  const url = new URL(emu.url);
  const client = createZosmfClient({
    hostname: url.hostname,
    port: Number(url.port),
    protocol: "http",
    user: emu.user,
    password: emu.password,
    retry: { attempts: 1 },
  });
  return { emu, client };
}

let runs = 0;
export function plan(client: ZosmfClient, t: Topology, extra: Partial<Parameters<typeof planProvision>[0]> = {}): Promise<PlannedStep[]> {
  runs++;
  return planProvision({
    topology: t,
    client,
    runToken: `T${runs}`,
    owner: "IBMUSER",
    jobTimeoutMs: 20_000,
    startServers: false,
    consoleDelayMs: 20,
    ...extra,
  });
}

export async function apply(steps: PlannedStep[]): Promise<{ outcomes: StepOutcome[]; recorder: MemoryRecorder; record: LastRun }> {
  const recorder = new MemoryRecorder();
  const outcomes = await executePlan(steps, { recorder, concurrency: 2 });
  const record = { runId: `run-${runs}`, plan: steps.map(({ apply: _apply, ...p }) => p), outcomes };
  return { outcomes, recorder, record };
}
