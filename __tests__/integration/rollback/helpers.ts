import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { start, type Emulator } from "../../../emulator";
import type { PdsDataset } from "../../../emulator/state";
import type { ZosmfConnection } from "../../../src/zosmf";

export const EXAMPLE = path.join(__dirname, "../../../examples/two-system.yaml");
export const FIXTURES = path.join(__dirname, "fixtures");
export const FAST = { consoleDelayMs: 20, jobTimeoutMs: 30_000 };
export const DVIPA = "192.0.2.10";

export interface Plex {
  readonly emu: Emulator;
  readonly topologyFile: string;
  readonly connection: ZosmfConnection;
}

/** A two-system emulator and a topology file in a fresh folder (its run records go beside it). */
export async function startPlex(): Promise<Plex> {
  const emu = await start({ tls: false, port: 0, systems: ["SYSA", "SYSB"], jobTiming: { inputMs: 5, activeMs: 20 } });
  const dir = mkdtempSync(path.join(tmpdir(), "ha-rollback-"));
  const topologyFile = path.join(dir, "plex.yaml");
  writeFileSync(topologyFile, readFileSync(EXAMPLE, "utf8"));
  const url = new URL(emu.url);
  return {
    emu,
    topologyFile,
    connection: { hostname: url.hostname, port: Number(url.port), protocol: "http", user: emu.user, password: emu.password },
  };
}

export const parmlib = (emu: Emulator) => emu.state.datasets["SYS1.PARMLIB"] as PdsDataset;

/** What of the DVIPA each stack still has in force. */
export function dvipaInForce(emu: Emulator): string[] {
  const left: string[] = [];
  for (const [name, sys] of Object.entries(emu.state.systems)) {
    const t = sys!.tcpip;
    if (t.vipaDefine.some((d) => d.address === DVIPA)) left.push(`${name} VIPADEFINE`);
    if (t.vipaBackup.some((d) => d.address === DVIPA)) left.push(`${name} VIPABACKUP`);
    if (t.distributions.some((d) => d.dvipa === DVIPA)) left.push(`${name} VIPADISTRIBUTE`);
  }
  return left;
}
