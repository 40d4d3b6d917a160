/**
 * Rolling back a resumed run undoes the failed run it continued as well: the originals
 * are in the failed run's record, since the resuming run found them already changed.
 */
import { rmSync } from "node:fs";
import * as path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { Emulator } from "../../../emulator";
import { provision } from "../../../src/run/provision";
import { rollback } from "../../../src/run/rollback";
import { runMemberName } from "../../../src/runs/zos-library";
import type { PdsDataset } from "../../../emulator/state";
import { FAST, dvipaInForce, parmlib, startPlex, type Plex } from "./helpers";

let emu: Emulator | undefined;
afterEach(async () => {
  await emu?.stop();
  emu = undefined;
});

/** Run A fails on SYSB's file-system job; run B resumes it and succeeds. */
async function failThenResume(plex: Plex): Promise<{ a: string; b: string }> {
  plex.emu.context.faults.add({ kind: "jobFail", match: "IZUMKF0B", jclError: true });
  const a = await provision({ topologyFile: plex.topologyFile, connection: plex.connection, ...FAST });
  expect(a.status).toBe("failed");
  plex.emu.context.faults.replace({});
  const b = await provision({ topologyFile: plex.topologyFile, connection: plex.connection, resume: true, ...FAST });
  expect(b.status).toBe("succeeded");
  expect(b.resumedRun).toBe(a.runId);
  return { a: a.runId!, b: b.runId! };
}

describe("rollback of a resumed run", () => {
  it("restores what the failed run changed before the resume", async () => {
    const plex = await startPlex();
    emu = plex.emu;
    const zoweYamlBefore = emu.state.uss.files["/global/zowe/zowe.yaml"]!.content;
    expect(parmlib(emu).members.IZUPRM0A).toBeUndefined();
    const runs = await failThenResume(plex);
    expect(parmlib(emu).members.IZUPRM0A).toBeDefined();
    expect(emu.state.uss.files["/global/zowe/zowe.yaml"]!.content).not.toBe(zoweYamlBefore);

    const undone = await rollback({ topologyFile: plex.topologyFile, connection: plex.connection, ...FAST });
    expect(undone.status).toBe("succeeded");
    expect(undone.undoneRun).toBe(runs.b);
    expect(undone.undoneRuns).toEqual([runs.a, runs.b]);
    // The members did not exist before run A: they are deleted.
    expect(parmlib(emu).members.IZUPRM0A).toBeUndefined();
    expect(parmlib(emu).members.IZUPRM0B).toBeUndefined();
    expect(parmlib(emu).members.IZUPRM00).toBeDefined();
    expect(emu.state.uss.files["/global/zowe/zowe.yaml"]!.content).toBe(zoweYamlBefore);
    expect(dvipaInForce(emu)).toEqual([]);
  });

  it("refuses, naming the run, when the record of the resumed run is missing here and on z/OS", async () => {
    const plex = await startPlex();
    emu = plex.emu;
    const runs = await failThenResume(plex);
    rmSync(path.join(path.dirname(plex.topologyFile), "ha-runs", `${runs.a}.provision.json`));
    delete (emu.state.datasets["HA.BACKUP.RUNS"] as PdsDataset).members[runMemberName(runs.a)];
    const writesBefore = emu.requestLog.writes.length;
    await expect(rollback({ topologyFile: plex.topologyFile, connection: plex.connection, ...FAST })).rejects.toThrow(
      new RegExp(`resumed run ${runs.a}`),
    );
    await expect(rollback({ topologyFile: plex.topologyFile, connection: plex.connection, ...FAST })).rejects.toMatchObject({
      failureClass: "invalid-input",
    });
    expect(emu.requestLog.writes.length).toBe(writesBefore);
    expect(parmlib(emu).members.IZUPRM0A).toBeDefined();
  });
});
