import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import type { Emulator } from "../../../emulator";
import type { SeqDataset } from "../../../emulator/state";
import type { ZosmfConnection } from "../../../src/zosmf";
import { EXAMPLE } from "../rollback/helpers";

export const LOCK = "HA.BACKUP.LOCK";

/** A topology file in a folder of its own: another admin's machine, with its own run records. */
export function adminFolder(): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), "ha-lock-")), "plex.yaml");
  writeFileSync(file, readFileSync(EXAMPLE, "utf8"));
  return file;
}

export function connectionOf(emu: Emulator): ZosmfConnection {
  const url = new URL(emu.url);
  return { hostname: url.hostname, port: Number(url.port), protocol: "http", user: emu.user, password: emu.password };
}

/** The lock data set as it is on the emulated system, or undefined. */
export function lockOn(emu: Emulator): SeqDataset | undefined {
  return emu.state.datasets[LOCK] as SeqDataset | undefined;
}

/** A lock left by a run on another machine, as that run's plug-in wrote it. */
export function lockHeldBy(emu: Emulator, runId: string, content?: string): void {
  emu.state.datasets[LOCK] = {
    name: LOCK,
    dsorg: "PS",
    volser: "VOL001",
    created: new Date().toISOString(),
    recfm: "VB",
    lrecl: 1024,
    blksize: 27998,
    content:
      content ??
      JSON.stringify({
        runId,
        user: "OTHERU",
        host: "pipeline-7",
        since: "2026-12-01T08:00:00.000Z",
        command: "provision",
        version: "0.1.0",
      }),
    etag: "E-LOCK",
  };
}
