import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Emulator } from "../../../emulator";
import { issueCommand } from "../../../emulator/operator/index";
import type { RunRecordData } from "../../../src/engine/run-record";
import type { PlannedStep, StepOutcome } from "../../../src/engine/types";
import { parseNetstat, type PortlistEntry, type VipadcfgReport } from "../../../src/parsers";
import { verify, type VerifyResult } from "../../../src/run/verify";
import type { ZosmfClient } from "../../../src/zosmf";
import type { MemoryRecorder } from "../provision/helpers";

/** A run record built from what the in-memory recorder kept, in the shape rollback reads. */
export function runRecord(steps: readonly PlannedStep[], outcomes: readonly StepOutcome[], recorder: MemoryRecorder): RunRecordData {
  return {
    formatVersion: 1,
    runId: "provision-under-test",
    kind: "provision",
    sysplex: "PLEX2",
    topologyFile: "three-system-all.yaml",
    topologySha256: "0",
    startedAt: new Date(0).toISOString(),
    status: "succeeded",
    plan: steps.map(({ apply: _apply, ...p }) => p),
    outcomes: [...outcomes],
    backups: recorder.backups.map(({ original, ...b }) => ({
      ...b,
      existed: original !== null,
      ...(original !== null ? { original } : {}),
    })),
    writes: [...recorder.writes],
    jobs: [...recorder.jobs],
    commands: [...recorder.commands],
  };
}

export function operator(emu: Emulator, system: string, text: string): string[] {
  return issueCommand(emu.state, { system, consoleName: "OPER1", now: Date.now() }, text).lines;
}

/** A plain listener procedure in SYS1.PROCLIB, written through z/OSMF like any member. */
export async function writeListenerProc(client: ZosmfClient, name: string, ports: readonly number[]): Promise<void> {
  const cards = ports.map((p) => `//* LISTEN PORT=${p} ADDR=0.0.0.0`);
  await client.files.write("SYS1.PROCLIB", name, [`//${name.padEnd(8)} PROC`, ...cards, `//RUN      EXEC PGM=IEFBR14`, ""].join("\n"));
}

export async function portlist(client: ZosmfClient, system: string): Promise<PortlistEntry[]> {
  const r = await client.console.issue("D TCPIP,TCPIP,N,PORTLIST", { system, collect: { delayMs: 20 } });
  const parsed = parseNetstat("PORTLIST", r.text);
  if (parsed.kind !== "ok") throw new Error(`PORTLIST on ${system}: ${parsed.kind}`);
  return parsed.data.entries;
}

export async function vipadcfg(client: ZosmfClient, system: string): Promise<VipadcfgReport> {
  const r = await client.console.issue("D TCPIP,TCPIP,N,VIPADCFG,DETAIL", { system, collect: { delayMs: 20 } });
  const parsed = parseNetstat("VIPADCFG", r.text);
  if (parsed.kind !== "ok") throw new Error(`VIPADCFG on ${system}: ${parsed.kind}`);
  return parsed.data;
}

export function topologyFile(): string {
  const dir = mkdtempSync(join(tmpdir(), "ha-services-int-"));
  const file = join(dir, "three-system-all.yaml");
  writeFileSync(file, readFileSync(join(__dirname, "../../../examples/three-system-all.yaml"), "utf8"));
  return file;
}

export async function runVerify(emu: Emulator, file: string): Promise<VerifyResult> {
  const url = new URL(emu.url);
  // Where the emulator serves DVIPAs on local ports (dvipaListeners), verify reaches them there.
  await emu.settle();
  return verify({
    topologyFile: file,
    endpoints: { ...emu.dvipaUrls },
    connection: { hostname: url.hostname, port: Number(url.port), protocol: "http", user: emu.user, password: emu.password },
    systemTimeoutMs: 20_000,
  });
}

/** The port-sharing and distributed-services checks that are not healthy, one line each. */
export function serviceProblems(r: VerifyResult): string[] {
  return r.checks
    .filter((c) => /^(ports|services)\./.test(c.id) && c.verdict !== "healthy")
    .map((c) => `${c.verdict} ${c.id} ${c.system ?? "sysplex"}: ${c.reason}`);
}
