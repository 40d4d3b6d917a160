/**
 * Run records on z/OS: another admin, whose record folder is empty, sees the runs of the
 * sysplex and undoes them; the list merges both homes; the z/OS copy holds no secret.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import type { Emulator } from "../../../emulator";
import { REDACTED } from "../../../src/engine/redact";
import { EXIT_CODES, HaError } from "../../../src/errors";
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

    const undone = await rollback({
      topologyFile: plex.topologyFile,
      connection: plex.connection,
      recordDir: elsewhere,
      run: runId,
      ...FAST,
    });
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
    // The site already has a sequential data set by that name: no member can be written into it.
    const site = {
      name: "HA.BACKUP.RUNS",
      volser: "USR001",
      created: "2026-01-01",
      dsorg: "PS" as const,
      recfm: "FB",
      lrecl: 80,
      blksize: 27920,
      content: "SITE DATA\n",
      etag: "E1",
    };
    emu.state.datasets["HA.BACKUP.RUNS"] = site;
    const warnings: string[] = [];
    const result = await provision({
      topologyFile: plex.topologyFile,
      connection: plex.connection,
      ...FAST,
      sink: { onEvent: (e) => (e.type === "message" && e.level === "warn" ? warnings.push(e.text) : undefined) },
    });
    expect(result.status).toBe("succeeded");
    expect(warnings.some((w) => /run record could not be written to z\/OS/.test(w))).toBe(true);
    expect(result.zosRecord?.where).toBeUndefined();
    expect(result.zosRecord?.problem).toMatch(/HA\.BACKUP\.RUNS/);
    expect(renderRunResult(result)).toMatch(/Run record NOT on z\/OS/);
    expect(parmlib(emu).members.IZUPRM0A).toBeDefined();
    // The site's data set is left as it was.
    expect(emu.state.datasets["HA.BACKUP.RUNS"]).toEqual(site);
  });

  it("need room for <backup>.LOCK and <backup>.RUNS: a longer backup name is refused before anything is sent", async () => {
    const plex = await startPlex();
    emu = plex.emu;
    // 40 characters: a data set name, but <backup>.LOCK would be none.
    const backup = "HA.BACKUP.QUALIFR1.QUALIFR2.QUALIFR3.QUA";
    writeFileSync(plex.topologyFile, readFileSync(plex.topologyFile, "utf8").replace("backup: HA.BACKUP ", `backup: ${backup} `));
    const err = (await provision({ topologyFile: plex.topologyFile, connection: plex.connection, ...FAST }).catch(
      (e: unknown) => e,
    )) as HaError;
    expect(err).toBeInstanceOf(HaError);
    expect(EXIT_CODES[err.failureClass]).toBe(3);
    expect(`${err.message}\n${err.details.join("\n")}`).toMatch(/datasets\.backup[\s\S]*at most 39 characters/);
    expect(emu.requestLog.total).toBe(0);
  });
});
