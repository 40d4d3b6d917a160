import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { Emulator } from "../../../emulator";
import type { PdsDataset } from "../../../emulator/state";
import { executePlan } from "../../../src/engine/execute";
import { isDisplayCommand, SentLog } from "../../../src/engine/sent";
import type { Change, PlannedStep } from "../../../src/engine/types";
import { exitCodeFor, HaError } from "../../../src/errors";
import { renderPlan, renderRunResult } from "../../../src/report/run-text";
import { toStepPlan } from "../../../src/run/apply-run";
import { failureClassOf } from "../../../src/run/exit-policy";
import { provision } from "../../../src/run/provision";
import type { ZosmfClient } from "../../../src/zosmf";
import { MemoryRecorder, plan, startEmulator, topology } from "./helpers";
import { lockWrites, writeLines } from "../../lock-writes";

let emu: Emulator;
let client: ZosmfClient;

afterEach(async () => {
  client.close();
  await emu.stop();
});

/** The steps asked for, with their dependencies among themselves kept. */
const pick = (steps: PlannedStep[], ...ids: string[]) => steps.filter((s) => ids.includes(s.id));
const datasetChange = (step: PlannedStep | undefined) =>
  step?.changes.find((c): c is Extract<Change, { kind: "dataset" }> => c.kind === "dataset");

function connection() {
  const url = new URL(emu.url);
  return {
    hostname: url.hostname,
    port: Number(url.port),
    protocol: "http" as const,
    user: emu.user,
    password: emu.password,
    retry: { attempts: 1 },
  };
}

function topologyFile(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "zowe-ha-plancheck-"));
  const file = path.join(dir, "plex.yaml");
  writeFileSync(file, readFileSync(path.join(__dirname, "../../../examples/two-system.yaml"), "utf8").replace("../schemas/", ""));
  return file;
}

/** Only reads and displays reached the emulator; a run (not a bare plan) also took and removed its sysplex lock. */
function expectNothingSent(o: { locked: boolean } = { locked: false }): void {
  expect(writeLines(emu.requestLog.writes)).toEqual(o.locked ? lockWrites() : []);
  expect(emu.requestLog.submits).toEqual([]);
  expect(emu.requestLog.consoleCommands.filter((c) => !isDisplayCommand(c.cmd))).toEqual([]);
}

describe("the plan creates the libraries it writes into", () => {
  it("plans a missing obey library as a dataset change with its attributes, and apply creates it before writing a member", async () => {
    ({ emu, client } = await startEmulator());
    delete emu.state.datasets["TCPIP.HA.OBEY"];
    const steps = await plan(client, topology());
    expectNothingSent();

    const create = steps.find((s) => s.id === "datasets/obey");
    expect(datasetChange(create)).toMatchObject({
      dsn: "TCPIP.HA.OBEY",
      action: "create",
      attributes: { dsorg: "PO", recfm: "FB", lrecl: 80, volser: "ZOSVOL" },
    });
    for (const system of ["SYSA", "SYSB"])
      expect(steps.find((s) => s.id === `zosmf-ha/tcpip/${system}`)!.dependsOn).toContain("datasets/obey");
    const text = renderPlan(steps.map(toStepPlan));
    expect(text).toMatch(
      /create data set TCPIP\.HA\.OBEY .*\n\s+DSORG=PO RECFM=FB LRECL=80 BLKSIZE=27920 SPACE=\(TRK,\(5,5,10\)\) VOLUME=ZOSVOL/,
    );

    const sent = new SentLog();
    const outcomes = await executePlan(pick(steps, "datasets/obey", "zosmf-ha/tcpip/SYSA"), {
      recorder: new MemoryRecorder(),
      concurrency: 2,
      sent,
    });
    expect(outcomes.map((o) => [o.id, o.state, o.error?.message])).toEqual([
      ["datasets/obey", "changed", undefined],
      ["zosmf-ha/tcpip/SYSA", "changed", undefined],
    ]);
    const obey = emu.state.datasets["TCPIP.HA.OBEY"] as PdsDataset;
    expect(obey).toMatchObject({ dsorg: "PO", recfm: "FB", lrecl: 80 });
    expect(Object.keys(obey.members)).toEqual(["HASYSA"]);
    const kinds = emu.requestLog.writes.map((w) => `${w.kind} ${w.target}`);
    expect(kinds.findIndex((k) => k.startsWith("ds.create"))).toBeLessThan(kinds.findIndex((k) => k.startsWith("ds.write")));
    expect(sent.entries.map((e) => e.what)).toContain("data set TCPIP.HA.OBEY created");
  });

  it("plans a missing backup library as a dataset change when a member is updated", async () => {
    ({ emu, client } = await startEmulator());
    (emu.state.datasets["SYS1.PARMLIB"] as PdsDataset).members.IZUPRM0A = {
      content: "/* the site's own */",
      etag: "E0",
      user: "IBMUSER",
      changed: "2025-01-01T00:00:00Z",
    };
    expect(emu.state.datasets["HA.BACKUP"]).toBeUndefined();
    const steps = await plan(client, topology());
    expectNothingSent();

    const create = steps.find((s) => s.id === "datasets/backup");
    expect(datasetChange(create)).toMatchObject({
      dsn: "HA.BACKUP",
      action: "create",
      attributes: { dsorg: "PO", recfm: "FB", lrecl: 80 },
    });
    expect(steps.find((s) => s.id === "zosmf-ha/parmlib/SYSA")!.dependsOn).toContain("datasets/backup");

    const outcomes = await executePlan(pick(steps, "datasets/backup", "zosmf-ha/parmlib/SYSA"), {
      recorder: new MemoryRecorder(),
      concurrency: 2,
    });
    expect(outcomes.map((o) => o.state)).toEqual(["changed", "changed"]);
    const backup = emu.state.datasets["HA.BACKUP"] as PdsDataset;
    expect(Object.values(backup.members).map((m) => m.content)).toEqual(["/* the site's own */"]);
  });
});

describe("the plan refuses what it cannot apply, before anything is sent", () => {
  it("an obey library of unfitting attributes and a missing procedure source are reported together, exit 3, only reads sent", async () => {
    ({ emu, client } = await startEmulator());
    Object.assign(emu.state.datasets["TCPIP.HA.OBEY"]!, { recfm: "FB", lrecl: 60 });
    delete (emu.state.datasets["SYS1.IBM.PROCLIB"] as PdsDataset).members.IZUSVR1;
    const file = topologyFile();
    const err = await provision({ topologyFile: file, connection: connection(), consoleDelayMs: 20, jobTimeoutMs: 20_000 }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(HaError);
    expect(exitCodeFor(err)).toBe(3);
    const all = [(err as HaError).message, ...(err as HaError).details].join("\n");
    expect((err as HaError).message).toMatch(/nothing was sent/);
    expect(all).toMatch(/TCPIP\.HA\.OBEY \(datasets\.obey\) has LRECL=60/);
    expect(all).toMatch(/SYS1\.IBM\.PROCLIB\(IZUSVR1\) does not exist/);
    expectNothingSent({ locked: true });
  });

  it("a read the user is not authorised for fails planning naming the member, nothing sent", async () => {
    ({ emu, client } = await startEmulator());
    emu.context.faults.add({ kind: "status", match: "GET ds.read", status: 403 });
    const err = await plan(client, topology()).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(HaError);
    expect((err as HaError).message).toMatch(/not authorised to read [A-Z0-9.]+\([A-Z0-9@#$]+\) \(HTTP 403\)/);
    expect(exitCodeFor(err)).toBe(4);
    expectNothingSent();
  });
});

describe("a failure after a change", () => {
  it("exits 2, not 3, names what the run changed and the command to resume or roll back", async () => {
    ({ emu, client } = await startEmulator());
    emu.context.faults.add({ kind: "jobFail", match: "IZUMKF0B", cc: 12 });
    const file = topologyFile();
    const result = await provision({
      topologyFile: file,
      connection: connection(),
      consoleDelayMs: 20,
      jobTimeoutMs: 20_000,
      concurrency: 2,
    });
    expect(result.status).toBe("failed");
    const failureClass = failureClassOf(result);
    expect(failureClass).toBe("zos-failure");
    expect(result.sent.length).toBeGreaterThan(0);
    const text = renderRunResult(result);
    expect(text).toMatch(/Changed on z\/OS by this run \(\d+\):/);
    expect(text).toMatch(/job IZUMKF0A\(JOB\d+\)/);
    expect(text).toMatch(/SYS1\.PARMLIB\(IZUPRM0A\) written/);
    expect(text).toContain(`zowe ha provision -t ${file} --resume`);
    expect(text).toContain(`zowe ha rollback -t ${file} --run ${result.runId}`);
  });
});
