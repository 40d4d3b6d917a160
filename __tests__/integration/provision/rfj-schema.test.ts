/**
 * The --rfj `data` of provision, rollback and verify in the outcomes a pipeline meets (a dry run,
 * success, failure, a rollback, verify with findings and with systems it could not read), and of
 * runs list, runs show and unlock, holds to its schema in schemas/, every field described.
 */
import { afterEach, expect, it } from "vitest";
import type { Emulator } from "../../../emulator";
import { provision } from "../../../src/run/provision";
import { rollback } from "../../../src/run/rollback";
import { listRuns, showRun } from "../../../src/run/runs";
import { unlock } from "../../../src/run/unlock";
import { verify } from "../../../src/run/verify";
import { expectRfjValid } from "../../result-schema";
import { lockHeldBy } from "../lock/helpers";
import { FAST, startPlex } from "../rollback/helpers";

let emu: Emulator | undefined;
afterEach(async () => {
  await emu?.stop();
  emu = undefined;
});

it("provision (dry run, limited, failed, succeeded), rollback, verify (findings, unreadable), runs list/show and unlock all validate", async () => {
  const plex = await startPlex();
  emu = plex.emu;
  const { topologyFile } = plex;
  const connection = { ...plex.connection, retry: { attempts: 1 } };

  const dry = await provision({ topologyFile, connection, ...FAST, dryRun: true });
  expect(dry.status).toBe("planned");
  expectRfjValid("provision-result", dry);
  const limited = await provision({ topologyFile, connection, ...FAST, dryRun: true, limit: ["SYSB"], only: ["zosmf-ha"] });
  expect(limited.leftOut?.length).toBeGreaterThan(0);
  expectRfjValid("provision-result", limited);

  // A step's write fails (matched by its path: the run's lock and record are written too).
  emu.context.faults.add({ kind: "status", status: 500, match: "PUT ds.write /zosmf/restfiles/ds/SYS1.PARMLIB(IEASYSSA)", count: 1 });
  const failed = await provision({ topologyFile, connection, ...FAST });
  expect(failed.status).toBe("failed");
  expect(failed.outcomes.some((o) => o.error)).toBe(true);
  expectRfjValid("provision-result", failed);

  const resumed = await provision({ topologyFile, connection, ...FAST, resume: true });
  expect(resumed.status).toBe("succeeded");
  expectRfjValid("provision-result", resumed);

  // Servers not started: verify finds what is not in force, and says so per check.
  const findings = await verify({ topologyFile, connection, endpoints: { ...emu.dvipaUrls } });
  expect(findings.checks.some((c) => c.verdict !== "healthy")).toBe(true);
  expectRfjValid("verify-result", findings);

  // Every console command refused by the server: checks that need a display could not be run.
  emu.context.faults.add({ kind: "status", status: 500, match: "PUT console.issue" });
  const unreadable = await verify({ topologyFile, connection, endpoints: { ...emu.dvipaUrls } });
  expect(unreadable.checks.some((c) => c.notRun === true)).toBe(true);
  expectRfjValid("verify-result", unreadable);
  emu.context.faults.replace({});

  const undo = await rollback({ topologyFile, connection, ...FAST });
  expect(undo.status).toBe("succeeded");
  expect(undo.zosRecord?.where).toBeDefined();
  expectRfjValid("rollback-result", undo);

  // The runs above (dry runs leave no record), listed and shown: a failed provision, and a rollback that deleted members.
  const list = await listRuns({ topologyFile, connection });
  expect(list.runs.map((r) => r.runId)).toEqual([undo.runId, resumed.runId, failed.runId]);
  expectRfjValid("runs-list-result", list);
  for (const run of [failed.runId!, undo.runId!])
    expectRfjValid("runs-show-result", await showRun({ topologyFile, connection, runId: run }));

  // unlock of a free sysplex, and of a lock a killed run left.
  const free = await unlock({ topologyFile, connection, run: "PLEX1-20261201T080000000-beef" });
  expect(free.removed).toBe(false);
  expectRfjValid("unlock-result", free);
  lockHeldBy(emu, "PLEX1-20261201T080000000-beef");
  const removed = await unlock({ topologyFile, connection, run: "PLEX1-20261201T080000000-beef" });
  expect(removed.holder?.user).toBe("OTHERU");
  expectRfjValid("unlock-result", removed);
});
