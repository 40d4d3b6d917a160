/**
 * A dry run only looks: besides the logon it sends GETs and display (D) commands, so it takes
 * no sysplex lock and leaves no run record, on z/OS or on this machine, even where a real run
 * before it left its own records behind.
 */
import { existsSync, readdirSync } from "node:fs";
import * as path from "node:path";
import { afterEach, expect, it } from "vitest";
import type { Emulator } from "../../../emulator";
import { provision } from "../../../src/run/provision";
import { rollback } from "../../../src/run/rollback";
import { FAST, startPlex } from "../rollback/helpers";
import { provisioned, runLibrary } from "./helpers";
import { isDisplayCommand } from "../../../src/engine/sent";

let emu: Emulator | undefined;
afterEach(async () => {
  await emu?.stop();
  emu = undefined;
});

/** What the emulator was sent from now on: the request kinds and the console commands. */
function mark(e: Emulator) {
  const counts = { ...e.requestLog.counts };
  const commands = e.requestLog.consoleCommands.length;
  return {
    kinds: () => Object.keys(e.requestLog.counts).filter((k) => e.requestLog.counts[k] !== counts[k]),
    commands: () => e.requestLog.consoleCommands.slice(commands).map((c) => c.cmd),
  };
}

const readsOnly = /^(GET |PUT console\.issue$|(POST|DELETE) auth$)/;

it("provision and rollback --dry-run send only GETs and D commands: no lock, no run record", async () => {
  const plex = await startPlex();
  emu = plex.emu;
  const { topologyFile, connection } = plex;
  const records = path.join(path.dirname(topologyFile), "ha-runs");

  const fresh = mark(emu);
  const planned = await provision({ topologyFile, connection, ...FAST, dryRun: true });
  expect(planned.status).toBe("planned");
  expect(planned.summary.changed).toBeGreaterThan(0);
  expect(fresh.kinds().length).toBeGreaterThan(0);
  expect(fresh.kinds().filter((k) => !readsOnly.test(k))).toEqual([]);
  expect(fresh.commands().length).toBeGreaterThan(0);
  expect(fresh.commands().filter((c) => !isDisplayCommand(c))).toEqual([]);
  expect(emu.state.datasets["HA.BACKUP.LOCK"]).toBeUndefined();
  expect(runLibrary(emu)).toBeUndefined();
  expect(existsSync(records) ? readdirSync(records) : []).toEqual([]);

  // After a real run, the run library exists: a dry run of its rollback reads it and adds nothing.
  const runId = await provisioned(plex);
  const members = Object.keys(runLibrary(emu)!.members).sort();
  const local = readdirSync(records).sort();
  const undo = mark(emu);
  const dryUndo = await rollback({ topologyFile, connection, ...FAST, run: runId, dryRun: true });
  expect(dryUndo.status).toBe("planned");
  expect(undo.kinds().filter((k) => !readsOnly.test(k))).toEqual([]);
  expect(undo.commands().filter((c) => !isDisplayCommand(c))).toEqual([]);
  expect(emu.state.datasets["HA.BACKUP.LOCK"]).toBeUndefined();
  expect(Object.keys(runLibrary(emu)!.members).sort()).toEqual(members);
  expect(readdirSync(records).sort()).toEqual(local);
});
