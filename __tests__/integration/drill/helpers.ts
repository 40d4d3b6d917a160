import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { start, type Emulator, type StartOptions } from "../../../emulator";
import { provision } from "../../../src/run/provision";
import { createZosmfClient, type ZosmfConnection } from "../../../src/zosmf";
import { operator, writeListenerProc } from "../services/helpers";
import type { DrillOptions } from "../../../src/drill";
import { isDisplayCommand } from "../../../src/engine/sent";

export const FAST = { consoleDelayMs: 20, jobTimeoutMs: 30_000 };

export interface Plex {
  readonly emu: Emulator;
  readonly topologyFile: string;
  readonly connection: ZosmfConnection;
  /** Drill options that reach the emulator's DVIPAs and look often. */
  options(extra?: Partial<DrillOptions>): DrillOptions;
}

/** An emulated sysplex provisioned from an example (servers started), ready to drill; a stopped task ends 100 ms after `P`. */
export async function provisionedPlex(
  example: "two-system.yaml" | "three-system-all.yaml",
  edit: (t: string) => string = (t) => t,
  more: Partial<StartOptions> = {},
): Promise<Plex> {
  const systems = example === "two-system.yaml" ? ["SYSA", "SYSB"] : ["SYSA", "SYSB", "SYSC"];
  const emu = await start({
    tls: false,
    port: 0,
    systems,
    dvipaListeners: true,
    jobTiming: { inputMs: 5, activeMs: 20 },
    stopMs: 100,
    ...more,
  });
  const dir = mkdtempSync(path.join(tmpdir(), "ha-drill-"));
  const topologyFile = path.join(dir, "plex.yaml");
  writeFileSync(topologyFile, edit(readFileSync(path.join(__dirname, "../../../examples", example), "utf8")));
  const url = new URL(emu.url);
  const connection: ZosmfConnection = {
    hostname: url.hostname,
    port: Number(url.port),
    protocol: "http",
    user: emu.user,
    password: emu.password,
  };
  const provisioned = await provision({ topologyFile, connection, startServers: true, ...FAST });
  if (provisioned.status !== "succeeded") throw new Error(`provision ${provisioned.status}`);
  await emu.settle();
  return {
    emu,
    topologyFile,
    connection,
    options: (extra = {}) => ({
      topologyFile,
      connection,
      endpoints: { ...emu.dvipaUrls },
      consoleDelayMs: 20,
      pollIntervalMs: 50,
      takeoverTimeoutMs: 10_000,
      restoreTimeoutMs: 30_000,
      ...extra,
    }),
  };
}

/** Console commands the emulator received since `from` that are not displays. */
export function changingCommands(emu: Emulator, from = 0): string[] {
  return emu.requestLog.consoleCommands
    .slice(from)
    .map((c) => c.cmd)
    .filter((c) => !isDisplayCommand(c));
}

/** The three-system example's z/OS Connect servers, started from plain listener procedures on port 5595. */
export async function startZosConnect(plex: Plex): Promise<void> {
  const client = createZosmfClient(plex.connection);
  try {
    for (const [system, job] of [
      ["SYSA", "ZCON1"],
      ["SYSB", "ZCON2"],
      ["SYSC", "ZCON3"],
    ] as const) {
      await writeListenerProc(client, job, [5595]);
      operator(plex.emu, system, `S ${job}`);
    }
  } finally {
    client.close();
  }
  await plex.emu.settle();
}
