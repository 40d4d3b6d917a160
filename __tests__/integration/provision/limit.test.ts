/**
 * Partial windows: --limit plans and applies only the listed systems' steps (and the
 * sysplex-wide steps they need), --only only the named workflows; the plan says what it left
 * out, an unknown name sends nothing, and --resume keeps the window of the run it continues.
 */
import { afterEach, describe, expect, it } from "vitest";
import type { Emulator } from "../../../emulator";
import { HaError } from "../../../src/errors";
import { renderRunResult } from "../../../src/report/run-text";
import { provision } from "../../../src/run/provision";
import { FAST, startPlex } from "../rollback/helpers";

let emu: Emulator | undefined;
afterEach(async () => {
  await emu?.stop();
  emu = undefined;
});

async function plex() {
  const p = await startPlex();
  emu = p.emu;
  return { ...p, connection: { ...p.connection, retry: { attempts: 1 } } };
}

/** What reached SYSB: commands routed to it and writes of its own members. */
const touchedSysb = (e: Emulator) => [
  ...e.requestLog.consoleCommands.filter((c) => c.system === "SYSB").map((c) => c.cmd),
  // Members of the backup library are named by hashes, which may end in "0B" by chance.
  ...e.requestLog.writes.filter((w) => !/HA\.BACKUP/.test(w.target) && /0B\b|SYSB|ZOSMFB/.test(w.target)).map((w) => w.target),
];

describe("provision --limit and --only", () => {
  it("a dry run with --limit SYSA looks only at SYSA and the sysplex-wide steps it needs, and lists what it left out", async () => {
    const { emu, topologyFile, connection } = await plex();
    const r = await provision({ topologyFile, connection, ...FAST, dryRun: true, limit: ["sysa"] });
    const ids = r.plan.map((s) => s.id);
    expect(ids).toEqual(
      expect.arrayContaining(["zosmf-ha/security", "zosmf-ha/angel-procs", "zosmf-ha/parmlib/SYSA", "zosmf-ha/tcpip/SYSA"]),
    );
    expect(ids.filter((id) => id.endsWith("/SYSB"))).toEqual([]);
    expect(r.limit).toEqual({ systems: ["SYSA"] });
    expect(r.leftOut?.filter((s) => s.system === "SYSB").map((s) => s.id)).toContain("zosmf-ha/parmlib/SYSB");
    const text = renderRunResult(r);
    expect(text).toMatch(/left out by --limit: \d+ steps on SYSB/);
    expect(text).toMatch(/left out by --limit: caching-service\/zowe-yaml \(sysplex-wide, and no step of SYSA needs it\)/);
    expect(touchedSysb(emu)).toEqual([]);
  });

  it("applies only SYSA's steps; a later full run does SYSB's", async () => {
    const { emu, topologyFile, connection } = await plex();
    const limited = await provision({ topologyFile, connection, ...FAST, limit: ["SYSA"] });
    expect(limited.status).toBe("succeeded");
    expect(touchedSysb(emu)).toEqual([]);
    const full = await provision({ topologyFile, connection, ...FAST });
    expect(full.status).toBe("succeeded");
    const changed = full.outcomes.filter((o) => o.state === "changed").map((o) => o.id);
    expect(changed).toContain("zosmf-ha/parmlib/SYSB");
    expect(changed).not.toContain("zosmf-ha/parmlib/SYSA");
  });

  it("--only ipl-persistence on a fresh sysplex refuses to INCLUDE obey members no run has written, naming them", async () => {
    const { emu, topologyFile, connection } = await plex();
    const err = await provision({ topologyFile, connection, ...FAST, dryRun: true, only: ["ipl-persistence"] }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(HaError);
    const text = [(err as HaError).message, ...(err as HaError).details].join("\n");
    expect(text).toMatch(
      /SYS1\.TCPPARMS\(PROFSA\) would INCLUDE TCPIP\.HA\.OBEY\(HASYSA\), which this run does not write and which does not exist/,
    );
    expect((err as HaError).failureClass).toBe("invalid-input");
    expect(emu.requestLog.writes).toEqual([]);
    // Once the obey members are there (a full run), the same window has nothing left to refuse.
    expect((await provision({ topologyFile, connection, ...FAST })).status).toBe("succeeded");
    expect((await provision({ topologyFile, connection, ...FAST, dryRun: true, only: ["ipl-persistence"] })).status).toBe("planned");
  });

  it("--only zosmf-ha leaves the Caching Service out, and says so", async () => {
    const { topologyFile, connection } = await plex();
    const r = await provision({ topologyFile, connection, ...FAST, dryRun: true, only: ["zosmf-ha"] });
    expect(r.plan.filter((s) => s.id.startsWith("caching-service/"))).toEqual([]);
    expect(r.plan.some((s) => s.id === "zosmf-ha/parmlib/SYSB")).toBe(true);
    expect(renderRunResult(r)).toMatch(/left out by --only: 1 step of caching-service/);
  });

  it.each([
    [{ limit: ["SYSZ"] }, /--limit: "SYSZ" is not a system/, /allowed: SYSA, SYSB/],
    [{ only: ["zosmf"] }, /--only: "zosmf" is not a workflow/, /allowed: zosmf-ha, caching-service/],
  ])("refuses an unknown name (%o) naming the option and what is allowed, sending nothing", async (scope, message, allowed) => {
    const { emu, topologyFile, connection } = await plex();
    const err = (await provision({ topologyFile, connection, ...FAST, ...scope }).catch((e: unknown) => e)) as HaError;
    expect(err).toBeInstanceOf(HaError);
    expect(err.failureClass).toBe("invalid-input");
    expect(err.message).toMatch(message);
    expect(err.details.join("\n")).toMatch(allowed);
    expect(emu.requestLog.total).toBe(0);
  });

  it("--resume keeps the window of the limited run it continues, and refuses another", async () => {
    const { emu, topologyFile, connection } = await plex();
    // SYSA's IEASYSxx write fails once (matched by its path: the run's lock and record are written too):
    // the limited run fails after changing something.
    emu.context.faults.add({ kind: "status", status: 500, match: "PUT ds.write /zosmf/restfiles/ds/SYS1.PARMLIB(IEASYSSA)", count: 1 });
    const cut = await provision({ topologyFile, connection, ...FAST, limit: ["SYSA"], concurrency: 1 });
    expect(cut.status).toBe("failed");
    expect(cut.outcomes.find((o) => o.state === "failed")?.id).toBe("ipl-persistence/autostart/SYSA");
    expect(cut.summary.changed).toBeGreaterThan(0);

    const requests = emu.requestLog.total;
    const other = (await provision({ topologyFile, connection, ...FAST, resume: true, limit: ["SYSB"] }).catch(
      (e: unknown) => e,
    )) as HaError;
    expect(other).toBeInstanceOf(HaError);
    expect(other.failureClass).toBe("invalid-input");
    expect(other.message).toMatch(/which ran with --limit SYSA; this command asks for --limit SYSB/);
    const whole = (await provision({ topologyFile, connection, ...FAST, resume: true, only: ["zosmf-ha"] }).catch(
      (e: unknown) => e,
    )) as HaError;
    expect(whole.message).toMatch(/which ran with --limit SYSA; this command asks for --only zosmf-ha/);
    expect(emu.requestLog.total).toBe(requests);

    const resumed = await provision({ topologyFile, connection, ...FAST, resume: true });
    expect(resumed.status).toBe("succeeded");
    expect(resumed.limit).toEqual({ systems: ["SYSA"] });
    expect(resumed.plan.filter((s) => s.system === "SYSB")).toEqual([]);
    expect(touchedSysb(emu)).toEqual([]);
  });
});
