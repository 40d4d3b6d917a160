/**
 * Run records on z/OS: another admin, whose record folder is empty, sees the runs of the
 * sysplex and undoes them; the list merges both homes; the z/OS copy holds no secret.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import type { Emulator } from "../../../emulator";
import { REDACTED } from "../../../src/engine/redact";
import { renderRunResult } from "../../../src/report/run-text";
import { provision } from "../../../src/run/provision";
import { rollback } from "../../../src/run/rollback";
import { listRuns, showRun } from "../../../src/run/runs";
import { runMemberName } from "../../../src/runs/zos-library";
import { FAST, parmlib, startPlex } from "../rollback/helpers";
import { otherMachine, provisioned, runLibrary } from "./helpers";

let emu: Emulator | undefined;
afterEach(async () => {
  await emu?.stop();
  emu = undefined;
});

describe("run records on z/OS", () => {
  it("let another admin with an empty record folder list a run and roll it back", async () => {
    const plex = await startPlex();
    emu = plex.emu;
    const zoweYaml = emu.state.uss.files["/global/zowe/zowe.yaml"]!.content;
    const runId = await provisioned(plex);
    expect(parmlib(emu).members.IZUPRM0A).toBeDefined();

    const elsewhere = otherMachine();
    const list = await listRuns({ topologyFile: plex.topologyFile, connection: plex.connection, recordDir: elsewhere });
    expect(list.zosProblem).toBeUndefined();
    expect(list.runs.map((r) => [r.runId, r.places])).toEqual([[runId, ["z/OS"]]]);
    expect(list.runs[0]).toMatchObject({ command: "provision", status: "succeeded", user: emu.user.toUpperCase() });
    expect(list.runs[0]!.changed).toBeGreaterThan(0);

    const undone = await rollback({ topologyFile: plex.topologyFile, connection: plex.connection, recordDir: elsewhere, run: runId, ...FAST });
    expect(undone.status).toBe("succeeded");
    expect(undone.undoneRuns).toEqual([runId]);
    expect(parmlib(emu).members.IZUPRM0A).toBeUndefined();
    expect(parmlib(emu).members.IZUPRM0B).toBeUndefined();
    expect(emu.state.uss.files["/global/zowe/zowe.yaml"]!.content).toBe(zoweYaml);
  });

  it("are merged with the local folder in runs list, newest first, each run once", async () => {
    const plex = await startPlex();
    emu = plex.emu;
    const mine = await provisioned(plex);
    const elsewhere = otherMachine();
    const theirs = await provisioned(plex, elsewhere);
    const list = await listRuns({ topologyFile: plex.topologyFile, connection: plex.connection });
    expect(list.runs.map((r) => [r.runId, r.places])).toEqual([
      [theirs, ["z/OS"]],
      [mine, ["local", "z/OS"]],
    ]);
    // The second run found everything in place.
    expect(list.runs[0]).toMatchObject({ changed: 0, changedSomething: false });
  });

  it("hold no secret: the keystore password of zowe.yaml is masked as in the local record", async () => {
    const plex = await startPlex();
    emu = plex.emu;
    const file = emu.state.uss.files["/global/zowe/zowe.yaml"]!;
    file.content = file.content.replace("    certificate:\n", "    certificate:\n      keystore:\n        password: Ks-Secret-9731\n");
    file.content = file.content.replace("    storage:\n", "    storage:\n      redisPassword: Rd-Secret-4412\n");
    const runId = await provisioned(plex);
    const library = runLibrary(emu)!;
    const record = library.members[runMemberName(runId)]!.content;
    const everything = Object.values(library.members)
      .map((m) => m!.content)
      .join("\n");
    expect(record).toContain("zowe.yaml");
    expect(record).toContain(REDACTED);
    for (const secret of ["Ks-Secret-9731", "Rd-Secret-4412", emu.password]) expect(everything).not.toContain(secret);
    const shown = await showRun({ topologyFile: plex.topologyFile, connection: plex.connection, recordDir: otherMachine(), runId });
    expect(JSON.stringify(shown.record)).not.toContain("Rd-Secret-4412");
  });

  it("do not fail a run when they cannot be written; the result says so", async () => {
    const plex = await startPlex();
    emu = plex.emu;
    // 41 characters: a valid backup library, but <backup>.RUNS would be no data set name.
    const backup = "HA.BACKUP.QUALIFR1.QUALIFR2.QUALIFR3.QUAL4";
    writeFileSync(plex.topologyFile, readFileSync(plex.topologyFile, "utf8").replace("backup: HA.BACKUP ", `backup: ${backup} `));
    const warnings: string[] = [];
    const result = await provision({
      topologyFile: plex.topologyFile,
      connection: plex.connection,
      ...FAST,
      sink: { onEvent: (e) => (e.type === "message" && e.level === "warn" ? warnings.push(e.text) : undefined) },
    });
    expect(result.status).toBe("succeeded");
    expect(result.zosRecord?.problem).toBeDefined();
    expect(warnings.some((w) => /run record could not be written to z\/OS/.test(w))).toBe(true);
    expect(result.zosRecord?.problem).toMatch(/longer than 44 characters/);
    expect(renderRunResult(result)).toMatch(/Run record NOT on z\/OS/);
    expect(parmlib(emu).members.IZUPRM0A).toBeDefined();
  });
});
