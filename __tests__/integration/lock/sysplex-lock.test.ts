import { afterEach, describe, expect, it } from "vitest";
import { start, type Emulator } from "../../../emulator";
import { HaError } from "../../../src/errors";
import { provision, rollback, unlock } from "../../../src/index";
import { FAST } from "../rollback/helpers";
import { adminFolder, connectionOf, lockHeldBy, lockOn } from "./helpers";

let emu: Emulator | undefined;
afterEach(async () => {
  await emu?.stop();
  emu = undefined;
});

async function plex(): Promise<Emulator> {
  emu = await start({ tls: false, port: 0, systems: ["SYSA", "SYSB"], jobTiming: { inputMs: 5, activeMs: 20 } });
  return emu;
}

function refusal(outcome: PromiseSettledResult<unknown>): HaError {
  expect(outcome.status).toBe("rejected");
  const reason = (outcome as PromiseRejectedResult).reason as unknown;
  expect(reason).toBeInstanceOf(HaError);
  return reason as HaError;
}

describe("the sysplex lock", () => {
  it("lets one of two provisions started at once work and refuses the other, naming the holder; every job is submitted once", async () => {
    const e = await plex();
    const connection = connectionOf(e);
    const runs = await Promise.allSettled([
      provision({ topologyFile: adminFolder(), connection, ...FAST }),
      provision({ topologyFile: adminFolder(), connection, ...FAST }),
    ]);
    const done = runs.filter((r) => r.status === "fulfilled").map((r) => r.value);
    expect(done).toHaveLength(1);
    expect(done[0]!.status).toBe("succeeded");
    const refused = refusal(runs.find((r) => r.status === "rejected")!);
    expect(refused.failureClass).toBe("zos-failure");
    expect(refused.message).toContain(`SYSPLEX PLEX1 is locked by run ${done[0]!.runId}`);
    expect(refused.details.join("\n")).toContain(`--run ${done[0]!.runId}`);

    const jobnames = e.context.log.submits.map((s) => s.jobname);
    expect(jobnames).toContain("IZUSEC");
    expect(jobnames.filter((j) => j.startsWith("IZUMKF")).length).toBeGreaterThan(0);
    expect(jobnames.length).toBe(new Set(jobnames).size);
    expect(lockOn(e)).toBeUndefined();
  });

  it("leaves a dry run alone while another run holds it, and refuses a real run without touching that run's lock", async () => {
    const e = await plex();
    lockHeldBy(e, "PLEX1-20261201T080000000-beef");
    const connection = connectionOf(e);
    const dry = await provision({ topologyFile: adminFolder(), connection, dryRun: true, ...FAST });
    expect(dry.status).toBe("planned");

    const refused = await provision({ topologyFile: adminFolder(), connection, ...FAST }).catch((err: unknown) => err as HaError);
    expect(refused).toBeInstanceOf(HaError);
    expect((refused as HaError).failureClass).toBe("zos-failure");
    expect((refused as HaError).message).toContain("locked by run PLEX1-20261201T080000000-beef of OTHERU on host pipeline-7");
    expect(e.context.log.submits).toEqual([]);
    expect(JSON.parse(lockOn(e)!.content).runId).toBe("PLEX1-20261201T080000000-beef");
  });

  it("refuses when the lock exists but names no run (unknown holder)", async () => {
    const e = await plex();
    lockHeldBy(e, "", "half written");
    const refused = await provision({ topologyFile: adminFolder(), connection: connectionOf(e), ...FAST }).catch(
      (err: unknown) => err as HaError,
    );
    expect((refused as HaError).failureClass).toBe("zos-failure");
    expect((refused as HaError).message).toContain("locked by an unknown holder");
    expect((refused as HaError).details.join("\n")).toContain("half written");
    expect(e.context.log.submits).toEqual([]);
  });

  it("is released after a failed run and taken by its rollback", async () => {
    const e = await plex();
    e.context.faults.add({ kind: "jobFail", match: "IZUMKF0A", jclError: true });
    const topologyFile = adminFolder();
    const connection = connectionOf(e);
    const failed = await provision({ topologyFile, connection, ...FAST });
    expect(failed.status).toBe("failed");
    expect(lockOn(e)).toBeUndefined();

    lockHeldBy(e, "PLEX1-20261201T080000000-beef");
    const refused = await rollback({ topologyFile, connection, ...FAST }).catch((err: unknown) => err as HaError);
    expect((refused as HaError).message).toContain("locked by run PLEX1-20261201T080000000-beef");
    delete e.state.datasets["HA.BACKUP.LOCK"];
    const undone = await rollback({ topologyFile, connection, ...FAST });
    expect(undone.status).toBe("succeeded");
    expect(lockOn(e)).toBeUndefined();
  });

  it("is released after an interrupt (SIGINT), with the job still running", async () => {
    emu = await start({ tls: false, port: 0, systems: ["SYSA", "SYSB"], jobTiming: { inputMs: 5, activeMs: 600_000 } });
    const e = emu;
    const controller = new AbortController();
    const result = await provision({
      topologyFile: adminFolder(),
      connection: connectionOf(e),
      ...FAST,
      signal: controller.signal,
      sink: {
        onEvent: (ev) => {
          if (ev.type === "step-progress" && /^submitted /.test(ev.message)) controller.abort(new Error("Interrupted by SIGINT"));
        },
      },
    });
    expect(result.status).toBe("interrupted");
    expect(lockOn(e)).toBeUndefined();
  });

  it("is never removed by a run that no longer holds it, and the run says so", async () => {
    const e = await plex();
    const warnings: string[] = [];
    const result = await provision({
      topologyFile: adminFolder(),
      connection: connectionOf(e),
      ...FAST,
      sink: {
        onEvent: (ev) => {
          // Someone unlocked this run and another run took the lock while it worked.
          if (ev.type === "step-start" && lockOn(e) && !lockOn(e)!.content.includes("beef")) lockHeldBy(e, "PLEX1-20261201T080000000-beef");
          if (ev.type === "message" && ev.level === "warn") warnings.push(ev.text);
        },
      },
    });
    expect(result.status).toBe("succeeded");
    expect(JSON.parse(lockOn(e)!.content).runId).toBe("PLEX1-20261201T080000000-beef");
    expect(warnings.join("\n")).toContain(`no longer names run ${result.runId}`);
  });
});

describe("zowe ha unlock", () => {
  it("refuses a run id that is not the holder's, and removes the lock when --run names it", async () => {
    const e = await plex();
    lockHeldBy(e, "PLEX1-20261201T080000000-beef");
    const topologyFile = adminFolder();
    const connection = connectionOf(e);
    const wrong = await unlock({ topologyFile, connection, run: "PLEX1-20261201T080000000-dead" }).catch((err: unknown) => err as HaError);
    expect((wrong as HaError).failureClass).toBe("zos-failure");
    expect((wrong as HaError).message).toContain("locked by run PLEX1-20261201T080000000-beef");
    expect(lockOn(e)).toBeDefined();

    const forced = await unlock({ topologyFile, connection, run: "PLEX1-20261201T080000000-dead", force: true }).catch(
      (err: unknown) => err as HaError,
    );
    expect(forced).toBeInstanceOf(HaError);
    expect(lockOn(e)).toBeDefined();

    const done = await unlock({ topologyFile, connection, run: "PLEX1-20261201T080000000-beef" });
    expect(done.removed).toBe(true);
    expect(done.holder?.host).toBe("pipeline-7");
    expect(lockOn(e)).toBeUndefined();
  });

  it("removes a lock that names no run only with --force, and asks for --run before sending anything", async () => {
    const e = await plex();
    lockHeldBy(e, "", "garbage");
    const topologyFile = adminFolder();
    const connection = connectionOf(e);
    const before = e.context.log.total;
    const bare = await unlock({ topologyFile, connection }).catch((err: unknown) => err as HaError);
    expect((bare as HaError).failureClass).toBe("invalid-input");
    expect(e.context.log.total).toBe(before);

    const noForce = await unlock({ topologyFile, connection, run: "X" }).catch((err: unknown) => err as HaError);
    expect((noForce as HaError).message).toContain("unknown holder");
    expect(lockOn(e)).toBeDefined();
    const forced = await unlock({ topologyFile, connection, force: true });
    expect(forced.removed).toBe(true);
    expect(lockOn(e)).toBeUndefined();
  });
});
