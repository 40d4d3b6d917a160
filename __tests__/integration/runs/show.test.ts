/** `runs show --format markdown`: a change record of a real run, read from z/OS by another machine. */
import { afterEach, describe, expect, it } from "vitest";
import type { Emulator } from "../../../emulator";
import { renderRunMarkdown } from "../../../src/report/run-record-markdown";
import { showRun } from "../../../src/run/runs";
import { startPlex } from "../rollback/helpers";
import { otherMachine, provisioned } from "./helpers";

let emu: Emulator | undefined;
afterEach(async () => {
  await emu?.stop();
  emu = undefined;
});

describe("runs show --format markdown", () => {
  it("holds the run's diffs, job ids and return codes, who ran it and which backup member holds what", async () => {
    const plex = await startPlex();
    emu = plex.emu;
    const runId = await provisioned(plex);
    const jobs = emu.requestLog.submits;
    expect(jobs.length).toBeGreaterThan(0);

    const shown = await showRun({ topologyFile: plex.topologyFile, connection: plex.connection, recordDir: otherMachine(), runId });
    expect(shown.places).toEqual(["z/OS"]);
    const md = renderRunMarkdown(shown.record, shown.places);
    expect(md).toContain(`# Change record: provision run ${runId}`);
    expect(md).toMatch(/```diff\n[^`]*\n\+[^\n]*HOSTNAME/);
    expect(md).toContain("SYS1.PARMLIB(IZUPRM0A)");
    for (const job of jobs) expect(md).toMatch(new RegExp(`\\| ${job.jobname} \\| ${job.jobid} \\| CC \\d{4} \\|`));
    // The RACF listing ends RC 8 when a profile is not defined yet; the file-system job ends 0.
    expect(md).toMatch(/\| IZUSECL \| JOB\d+ \| CC 0008 \| 8 \|/);
    expect(md).toMatch(/\| IZUMKF0A \| JOB\d+ \| CC 0000 \| 0 \|/);
    expect(md).toContain(`z/OS user ${emu.user.toUpperCase()}`);
    // The file the run updated: where its original is kept, and what that copy holds.
    const copy = shown.record.backupMap?.find((b) => b.of === "/global/zowe/zowe.yaml");
    expect(copy?.copy).toMatch(/^\/global\/zowe\/zowe\.yaml\.ha-\w+\.bak$/);
    expect(md).toContain(`| ${copy!.copy} | ${copy!.of} | ${runId} |`);
  });
});
