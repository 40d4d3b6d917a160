/**
 * `runs list` and `runs show` read z/OS only: an interrupt ends a read that z/OSMF never
 * answers, and a z/OSMF that went away is named in the error. Neither waits out a timeout.
 */
import { afterEach, describe, expect, it } from "vitest";
import type { Emulator } from "../../../emulator";
import { listRuns, showRun } from "../../../src/run/runs";
import { startPlex } from "../rollback/helpers";
import { otherMachine, provisioned } from "./helpers";

let emu: Emulator | undefined;
afterEach(async () => {
  await emu?.stop();
  emu = undefined;
});

/** Resolves once the emulator has taken the one request its hang rule holds. */
async function hangReached(e: Emulator): Promise<void> {
  while (e.context.faults.config.rules.some((r) => r.kind === "hang")) await new Promise((r) => setTimeout(r, 20));
}

describe("runs list and runs show when z/OSMF does not answer", () => {
  it("an interrupt ends a read of the run library that z/OSMF never answers, with the interrupt as the answer", async () => {
    const plex = await startPlex();
    emu = plex.emu;
    const runId = await provisioned(plex);
    // Ten minutes per request: only the interrupt can end these reads within the test's own time.
    const connection = { ...plex.connection, requestTimeoutMs: 600_000 };
    for (const read of [
      (signal: AbortSignal) => listRuns({ topologyFile: plex.topologyFile, recordDir: otherMachine(), connection, signal }),
      (signal: AbortSignal) => showRun({ topologyFile: plex.topologyFile, recordDir: otherMachine(), connection, signal, runId }),
    ]) {
      emu.context.faults.add({ kind: "hang", match: "GET ds.read", count: 1 });
      const interrupt = new AbortController();
      const reading = read(interrupt.signal).then(
        () => "resolved",
        (err: unknown) => (err as Error).message,
      );
      await hangReached(emu);
      interrupt.abort(new Error("Interrupted by SIGTERM"));
      // A list that swallowed the cut-short read would resolve with "no runs on z/OS".
      expect(await reading).toBe("Interrupted by SIGTERM");
    }
  }, 120_000);

  it("with z/OSMF stopped, runs show fails naming the host and port, and runs list says why z/OS was not read", async () => {
    const plex = await startPlex();
    emu = plex.emu;
    const runId = await provisioned(plex);
    await emu.stop();
    emu = undefined;
    const where = `${plex.connection.hostname}:${plex.connection.port}`;
    const connection = { ...plex.connection, retry: { attempts: 2, minDelayMs: 10, maxDelayMs: 20 } };
    const shown = await showRun({ topologyFile: plex.topologyFile, recordDir: otherMachine(), connection, runId }).catch(
      (err: unknown) => err as Error,
    );
    expect(shown).toBeInstanceOf(Error);
    expect((shown as Error).message).toContain(`cannot reach ${where}`);
    const listed = await listRuns({ topologyFile: plex.topologyFile, recordDir: otherMachine(), connection });
    expect(listed.runs).toEqual([]);
    expect(listed.zosProblem).toContain(`cannot reach ${where}`);
  }, 120_000);
});
