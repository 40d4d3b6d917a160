import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import type { Emulator } from "../../../emulator";
import type { PdsDataset } from "../../../emulator/state";
import { provision } from "../../../src/run/provision";
import { FAST, type Plex } from "../rollback/helpers";

/** A record folder of another admin's machine: empty until a run of theirs writes to it. */
export const otherMachine = (): string => mkdtempSync(path.join(tmpdir(), "ha-other-admin-"));

/** The run record library on z/OS, as the emulator holds it. */
export const runLibrary = (emu: Emulator) => emu.state.datasets["HA.BACKUP.RUNS"] as PdsDataset | undefined;

export async function provisioned(plex: Plex, recordDir?: string): Promise<string> {
  const result = await provision({
    topologyFile: plex.topologyFile,
    connection: plex.connection,
    ...(recordDir ? { recordDir } : {}),
    ...FAST,
  });
  if (result.status !== "succeeded") throw new Error(`provision ${result.status}`);
  return result.runId!;
}
