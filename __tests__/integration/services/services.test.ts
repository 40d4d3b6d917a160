import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Emulator } from "../../../emulator";
import { executePlan } from "../../../src/engine/execute";
import type { PlannedStep } from "../../../src/engine/types";
import { planRollback } from "../../../src/rollback/plan";
import type { Topology } from "../../../src/topology";
import type { ZosmfClient } from "../../../src/zosmf";
import { apply, MemoryRecorder, plan, startEmulator, topology } from "../provision/helpers";
import { operator, portlist, runRecord, runVerify, serviceProblems, topologyFile, vipadcfg, writeListenerProc } from "./helpers";
import { isDisplayCommand } from "../../../src/engine/sent";

/*
 * The three-system example end to end on the emulator: z/OSMF hot standby, the Caching
 * Service on VSAM RLS, port sharing for z/OS Connect and a Sysplex Distributor in front
 * of z/OS Connect (192.0.2.1..5595) and IMS Connect (192.0.2.2..5801). One sysplex for the
 * whole story, since each part builds on the one before.
 */

const ZCON = "192.0.2.1";
const IMS = "192.0.2.2";
const XCF = { SYSA: "198.51.100.1", SYSB: "198.51.100.2", SYSC: "198.51.100.3" } as const;

let emu: Emulator;
let client: ZosmfClient;
let t: Topology;
let file: string;
let provisioned: { steps: PlannedStep[]; outcomes: Awaited<ReturnType<typeof apply>>["outcomes"]; recorder: MemoryRecorder };

beforeAll(async () => {
  ({ emu, client } = await startEmulator(["SYSA", "SYSB", "SYSC"]));
  t = topology("three-system-all.yaml");
  file = topologyFile();
});
afterAll(async () => {
  client.close();
  await emu.stop();
});

const failures = (outcomes: readonly { id: string; state: string; error?: { message: string; details: readonly string[] } }[]) =>
  outcomes
    .filter((o) => o.state === "failed" || o.state === "skipped")
    .map((o) => `${o.id}: ${o.error?.message ?? o.state} ${o.error?.details.join(" | ") ?? ""}`);

describe("port sharing and Sysplex Distributor services on the three-system example", () => {
  it("plans the two workflows read-only, with a step per stack", async () => {
    const before = { writes: emu.requestLog.writes.length, commands: emu.requestLog.consoleCommands.length };
    const steps = await plan(client, t);
    const ids = steps.map((s) => s.id).filter((id) => /^(port-sharing|distributed-services)\//.test(id));
    expect(ids).toEqual([
      "port-sharing/reserve/SYSA",
      "distributed-services/distribute/SYSA",
      "distributed-services/distribute/SYSB",
      "distributed-services/distribute/SYSC",
    ]);
    expect(steps.map((s) => s.id)).toContain("caching-service/vsam");
    expect(emu.requestLog.writes.length).toBe(before.writes);
    for (const c of emu.requestLog.consoleCommands.slice(before.commands)) expect(c.cmd).toSatisfy(isDisplayCommand);
    // Three targets per service and separate endpoints: nothing to warn about.
    for (const s of steps.filter((x) => x.id.startsWith("distributed-services/"))) expect(s.warnings ?? []).toEqual([]);
  });

  it("warns in the plan, on the distributor's step, about a service with two targets", async () => {
    // A shared DVIPA is already refused by the topology rules; its warning is covered by the unit tests.
    const variant = topology("three-system-all.yaml", (text) =>
      text.replace(
        "targets: [{ system: SYSA, server: ZCON1 }, { system: SYSB, server: ZCON2 }, { system: SYSC, server: ZCON3 }]",
        "targets: [{ system: SYSA, server: ZCON1 }, { system: SYSB, server: ZCON2 }]",
      ),
    );
    const steps = await plan(client, variant);
    expect(steps.find((s) => s.id === "distributed-services/distribute/SYSA")?.warnings).toEqual([
      expect.stringMatching(/^zosconnect has 2 targets \(SYSA, SYSB\)/),
    ]);
    expect(steps.find((s) => s.id === "distributed-services/distribute/SYSB")?.warnings).toBeUndefined();
  });

  it("provisions everything, VSAM RLS included, and PORTLIST and VIPADCFG show it", async () => {
    const steps = await plan(client, t);
    const run = await apply(steps);
    expect(failures(run.outcomes)).toEqual([]);
    provisioned = { steps, outcomes: run.outcomes, recorder: run.recorder };
    expect(run.outcomes.find((o) => o.id === "caching-service/vsam")?.state).toBe("changed");
    expect(run.recorder.jobs.map((j) => j.jobname)).toContain("ZWECSVSM");

    const ports = await portlist(client, "SYSA");
    const shared = ports.find((e) => e.port === 9443 && e.user === "ZCHA*");
    expect(shared?.flagSet.shareportWlm).toBe(true);
    const outbound = ports.find((e) => e.port === 9444 && e.user === "ZCHA*");
    expect(outbound).toBeDefined();
    // Both servers bind the outbound port as well, so it is shared too.
    expect(outbound?.flagSet.shareport).toBe(true);

    const a = await vipadcfg(client, "SYSA");
    expect(a.defines.map((d) => d.address)).toEqual(expect.arrayContaining([ZCON, IMS]));
    const zcon = a.distributes.filter((d) => d.destAddress === ZCON && d.destPort === 5595);
    expect(zcon.map((d) => d.destXcf).sort()).toEqual([XCF.SYSA, XCF.SYSB, XCF.SYSC]);
    expect(new Set(zcon.map((d) => `${d.distMethod} ${d.optLoc}`))).toEqual(new Set(["SERVERWLM 1"]));
    const ims = a.distributes.filter((d) => d.destAddress === IMS && d.destPort === 5801);
    expect(Object.fromEntries(ims.map((d) => [d.destXcf, `${d.distMethod} ${d.weight}`]))).toEqual({
      [XCF.SYSA]: "WEIGHTEDACTIVE 2",
      [XCF.SYSB]: "WEIGHTEDACTIVE 1",
      [XCF.SYSC]: "WEIGHTEDACTIVE 1",
    });
    const b = await vipadcfg(client, "SYSB");
    expect(b.backups.filter((x) => x.address === ZCON || x.address === IMS).map((x) => x.rank)).toEqual([1, 1]);
    expect(b.distributes.filter((d) => d.destAddress === ZCON).length).toBe(3);
    const c = await vipadcfg(client, "SYSC");
    expect(c.distributes.filter((d) => d.destAddress === ZCON || d.destAddress === IMS)).toEqual([]);
  });

  it("plans nothing the second time: no VARY, no write", async () => {
    const before = {
      writes: emu.requestLog.writes.length,
      commands: emu.requestLog.consoleCommands.length,
      submits: emu.requestLog.submits.length,
    };
    const again = await plan(client, t, {
      lastSuccessfulRecord: { runId: "first", plan: provisioned.steps.map(({ apply: _a, ...p }) => p), outcomes: provisioned.outcomes },
    });
    // The z/OSMF security step and the VSAM step always list the live state; nothing else has work left.
    const listing = new Set(["zosmf-ha/security", "caching-service/vsam"]);
    for (const s of again.filter((s) => !listing.has(s.id))) expect(s.changes, `${s.id}: ${s.observed}`).toEqual([]);
    expect(again.find((s) => s.id === "caching-service/vsam")?.changes.map((c) => (c.kind === "job" ? c.jobname : c.kind))).toEqual([
      "ZWECSLST",
    ]);
    const run = await apply(again);
    expect(run.outcomes.every((o) => o.state === "unchanged")).toBe(true);
    expect(emu.requestLog.writes.length).toBe(before.writes);
    // Listings only: no DEFINE job (ZWECSVSM) and no RACF definitions.
    expect(
      emu.requestLog.submits
        .slice(before.submits)
        .map((s) => s.jobname)
        .sort(),
    ).toEqual(["IZUSECL", "ZWECSLST"]);
    for (const c of emu.requestLog.consoleCommands.slice(before.commands)) expect(c.cmd).toSatisfy(isDisplayCommand);
  });

  it("lists the VSAM cluster even when the last run's record says it was checked, and refuses one changed since", async () => {
    const record = { runId: "first", plan: provisioned.steps.map(({ apply: _a, ...p }) => p), outcomes: provisioned.outcomes };
    const cluster = emu.state.datasets["ZWE.CACHE.VSAM"] as unknown as { keys: { length: number; offset: number } };
    const keys = { ...cluster.keys };
    cluster.keys = { length: 64, offset: 0 };
    try {
      const steps = (await plan(client, t, { lastSuccessfulRecord: record })).filter((s) => s.id === "caching-service/vsam");
      const { outcomes } = await apply(steps);
      expect(outcomes[0]?.state).toBe("failed");
      expect(outcomes[0]?.error?.details.join("\n")).toMatch(/KEYS\(64 0\), not KEYS\(128 0\)/);
    } finally {
      cluster.keys = keys;
    }
  });

  it("verify finds the services healthy once the servers listen", async () => {
    // Both z/OS Connect servers take the outbound port as well; it is shared like the API port.
    await writeListenerProc(client, "ZCHAOUT", [9443, 9444]);
    await writeListenerProc(client, "ZCHA", [9443, 9444]);
    await writeListenerProc(client, "ZCON", [5595]);
    await writeListenerProc(client, "IMSCON", [5801]);
    expect(operator(emu, "SYSA", "S ZCHAOUT,JOBNAME=ZCHA1").join("\n")).not.toMatch(/FAILED|ERROR/);
    expect(operator(emu, "SYSA", "S ZCHA,JOBNAME=ZCHA2").join("\n")).not.toMatch(/FAILED|ERROR/);
    // A job outside the prefix cannot take the reserved port.
    expect(operator(emu, "SYSA", "S ZCHA,JOBNAME=OTHER1").join("\n")).toMatch(/RESERVED FOR ANOTHER JOB/);
    for (const [i, system] of ["SYSA", "SYSB", "SYSC"].entries()) {
      expect(operator(emu, system, `S ZCON,JOBNAME=ZCON${i + 1}`).join("\n")).not.toMatch(/FAILED|ERROR/);
      expect(operator(emu, system, `S IMSCON,JOBNAME=IMSCON${i + 1}`).join("\n")).not.toMatch(/FAILED|ERROR/);
    }
    // The example's Zowe gateways: two share 7554 on SYSA, one each on SYSB and SYSC.
    await writeListenerProc(client, "ZWEAG", [7554]);
    for (const [job, system] of [
      ["ZWE1AG", "SYSA"],
      ["ZWE2AG", "SYSA"],
      ["ZWE3AG", "SYSB"],
      ["ZWE4AG", "SYSC"],
    ] as const)
      expect(operator(emu, system, `S ZWEAG,JOBNAME=${job}`).join("\n")).not.toMatch(/FAILED|ERROR/);
    const r = await runVerify(emu, file);
    expect(serviceProblems(r)).toEqual([]);
    expect(r.checks.filter((c) => /^(ports|services)\./.test(c.id)).length).toBeGreaterThan(8);
  });

  it("verify says degraded naming a stopped z/OS Connect server, failed when no IMS Connect is left", async () => {
    operator(emu, "SYSB", "P ZCON2");
    const degraded = await runVerify(emu, file);
    expect(serviceProblems(degraded)).toEqual([expect.stringMatching(/^degraded services\.zosconnect\.targets sysplex: .*SYSB \(ZCON2\)/)]);

    for (const [i, system] of ["SYSA", "SYSB", "SYSC"].entries()) operator(emu, system, `P IMSCON${i + 1}`);
    const failed = await runVerify(emu, file);
    const targets = failed.checks.find((c) => c.id === "services.imsconnect.targets");
    expect(targets?.verdict).toBe("failed");
    expect(failed.verdict).toBe("failed");
  });

  it("rollback removes the PORT and distribution statements the run added", async () => {
    const record = runRecord(provisioned.steps, provisioned.outcomes, provisioned.recorder);
    // Listeners go first, as an operator would stop the servers before taking their ports away.
    for (const job of ["ZCHA1", "ZCHA2"]) operator(emu, "SYSA", `P ${job}`);
    const steps = await planRollback({ topology: t, client, record, force: false, runToken: "RB1", consoleDelayMs: 20 });
    const ids = steps.map((s) => s.id);
    expect(ids).toEqual(expect.arrayContaining(["rollback/ports/SYSA", "rollback/services/SYSA", "rollback/services/SYSB"]));
    // SYSC is only a target: it got dynamic XCF, which stays.
    expect(ids).not.toContain("rollback/services/SYSC");
    const outcomes = await executePlan(steps, { recorder: new MemoryRecorder(), concurrency: 1 });
    expect(failures(outcomes)).toEqual([]);

    const ports = await portlist(client, "SYSA");
    expect(ports.filter((e) => e.user === "ZCHA*")).toEqual([]);
    for (const system of ["SYSA", "SYSB"]) {
      const cfg = await vipadcfg(client, system);
      const ours = (a: string | null) => a === ZCON || a === IMS;
      expect(cfg.defines.filter((d) => ours(d.address))).toEqual([]);
      expect(cfg.backups.filter((d) => ours(d.address))).toEqual([]);
      expect(cfg.distributes.filter((d) => ours(d.destAddress))).toEqual([]);
      // The hot-standby distribution goes too, through its own removal.
      expect(cfg.distributes.filter((d) => d.destAddress === "192.0.2.10")).toEqual([]);
    }

    // A second rollback finds nothing left to remove.
    const again = await planRollback({ topology: t, client, record, force: false, runToken: "RB2", consoleDelayMs: 20 });
    for (const s of again.filter((x) => /^rollback\/(ports|services)\//.test(x.id))) expect(s.changes, s.observed).toEqual([]);
  });
});
