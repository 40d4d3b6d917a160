/**
 * `zowe ha drill --method stop` against the emulator: stopping the preferred z/OSMF server
 * closes its listener, the HOTSTANDBY target moves to the backup, and the drill starts it again.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import type { PdsDataset } from "../../../emulator/state";
import { drill, renderDrillText } from "../../../src/drill";
import { expectRfjValid } from "../../result-schema";
import { changingCommands, provisionedPlex, startZosConnect, type Plex } from "./helpers";

let plex: Plex | undefined;
afterEach(async () => {
  await plex?.emu.stop();
  plex = undefined;
});

const phase = (r: Awaited<ReturnType<typeof drill>>, id: string) => r.phases.find((p) => p.id === id);
const serverUp = (p: Plex, job: string) => p.emu.state.systems.SYSA!.tcpip.listeners.some((l) => l.port === 443) && job !== "";

describe("zowe ha drill --method stop", () => {
  it("on a healthy two-system plex times the takeover and the switch-back and starts the server again", async () => {
    plex = await provisionedPlex("two-system.yaml");
    const from = plex.emu.requestLog.consoleCommands.length;
    const undone: (readonly string[])[] = [];
    const r = await drill(plex.options({ method: "stop", onUndone: (l) => undone.push(l) }));
    expect(r.status, JSON.stringify(r.phases, null, 1)).toBe("succeeded");
    // What a forced exit would have printed while the server was down, and nothing once it was back.
    expect(undone).toEqual([["IZUSVRA on SYSA may be left stopped; the operator must run: RO SYSA,S IZUSVRA"], []]);
    expect(phase(r, "takeover")).toMatchObject({ verdict: "passed", detail: expect.stringMatching(/SYSB receiving/) });
    expect(phase(r, "takeover")?.timeMs).toEqual(expect.any(Number));
    expect(phase(r, "answer")?.verdict).toBe("passed");
    expect(phase(r, "switch-back")).toMatchObject({ verdict: "passed", timeMs: expect.any(Number) });
    expect(r.restored).toBe("confirmed");
    expect(changingCommands(plex.emu, from)).toEqual(["P IZUSVRA", "S IZUSVRA"]);
    expect(serverUp(plex, "IZUSVRA")).toBe(true);
    // The lock is gone after the drill.
    expect(plex.emu.state.datasets["HA.BACKUP.LOCK"]).toBeUndefined();
    expectRfjValid("drill-result", r);
  });

  it("waits while the stopped address space is still listed by D A, then sends S once it has ended", async () => {
    // The listener closes at P; the address space ends 1.5 s later, after the takeover was seen.
    plex = await provisionedPlex("two-system.yaml", undefined, { stopMs: 1_500 });
    const from = plex.emu.requestLog.consoleCommands.length;
    const r = await drill(plex.options({ method: "stop" }));
    expect(r.status, JSON.stringify(r.phases, null, 1)).toBe("succeeded");
    expect(r.restored).toBe("confirmed");
    expect(changingCommands(plex.emu, from)).toEqual(["P IZUSVRA", "S IZUSVRA"]);
    expect(plex.emu.state.systems.SYSA!.tasks.IZUSVRA?.endsAt).toBeUndefined();
    expect(serverUp(plex, "IZUSVRA")).toBe(true);
  });

  it("a stopped address space that never ends within the restore bound: no S, failed, with the S the operator must run", async () => {
    plex = await provisionedPlex("two-system.yaml", undefined, { stopMs: 3_600_000 });
    const from = plex.emu.requestLog.consoleCommands.length;
    const r = await drill(plex.options({ method: "stop", restoreTimeoutMs: 1_000 }));
    expect(r.status).toBe("failed");
    expect(r.restored).toBe("not-confirmed");
    expect(phase(r, "restore")?.detail).toMatch(/IZUSVRA on SYSA was still active 1000 ms after it was stopped/);
    expect(r.operatorAction).toEqual(["RO SYSA,S IZUSVRA"]);
    expect(changingCommands(plex.emu, from)).toEqual(["P IZUSVRA"]);
  });

  it("an error in the verify after a confirmed restore is a failed phase, and the result still says the restore was confirmed", async () => {
    plex = await provisionedPlex("two-system.yaml");
    const emu = plex.emu;
    const from = emu.requestLog.consoleCommands.length;
    const restarted = () => changingCommands(emu, from).includes("S IZUSVRA");
    const sink = {
      onEvent: () => {
        if (restarted()) throw new Error("progress display gone");
      },
    };
    const r = await drill(plex.options({ method: "stop", sink }));
    expect(r.status).toBe("failed");
    expect(r.restored).toBe("confirmed");
    expect(phase(r, "restore")?.verdict).toBe("passed");
    expect(phase(r, "final-verify")).toMatchObject({ verdict: "failed", detail: expect.stringMatching(/progress display gone/) });
    expect(serverUp(plex, "IZUSVRA")).toBe(true);
    expect(emu.state.datasets["HA.BACKUP.LOCK"]).toBeUndefined();
  });

  it("under NOAUTOSWITCHBACK reports that traffic stayed on SYSB and what to run to move it back", async () => {
    plex = await provisionedPlex("two-system.yaml", (t) => t.replace("autoSwitchBack: true", "autoSwitchBack: false"));
    const r = await drill(plex.options({ method: "stop" }));
    expect(r.status, JSON.stringify(r.phases, null, 1)).toBe("succeeded");
    expect(phase(r, "switch-back")?.detail).toMatch(/stayed on SYSB/);
    expect(r.operatorAction).toEqual([
      expect.stringMatching(/^RO SYSB,VARY TCPIP,TCPIP,SYSPLEX,QUIESCE,PORT=443,JOBNAME=IZUSVRB$/),
      expect.stringMatching(/^RO SYSB,VARY TCPIP,TCPIP,SYSPLEX,RESUME,PORT=443,JOBNAME=IZUSVRB$/),
    ]);
  });

  it("refuses before anything is stopped when the standby is not ready", async () => {
    plex = await provisionedPlex("two-system.yaml");
    // The backup server ends: no standby behind SYSA.
    plex.emu.state.systems.SYSB!.tcpip.listeners = plex.emu.state.systems.SYSB!.tcpip.listeners.filter((l) => l.port !== 443);
    const from = plex.emu.requestLog.consoleCommands.length;
    const writes = plex.emu.requestLog.writes.length;
    const r = await drill(plex.options({ method: "stop" }));
    expect(r.status).toBe("refused");
    expect(r.reasons.join("\n")).toMatch(/no standby is ready/);
    expect(changingCommands(plex.emu, from)).toEqual([]);
    expect(plex.emu.requestLog.writes.length).toBe(writes);
  });

  it("refuses --method stop when the command's own connection is the preferred system's z/OSMF", async () => {
    // SYSA is named by the host the command connects to: stopping IZUSVRA would cut the drill off.
    plex = await provisionedPlex("two-system.yaml");
    const yaml = readFileSync(plex.topologyFile, "utf8").replace("sysa.example.com", plex.connection.hostname);
    writeFileSync(plex.topologyFile, yaml);
    const from = plex.emu.requestLog.consoleCommands.length;
    const r = await drill(plex.options({ method: "stop", trustTopologyHosts: true }));
    expect(r.status).toBe("refused");
    expect(r.reasons[0]).toMatch(/is SYSA's own z\/OSMF, which --method stop would stop; connect through the DVIPA/);
    expect(changingCommands(plex.emu, from)).toEqual([]);
    expect(plex.emu.state.datasets["HA.BACKUP.LOCK"]).toBeUndefined();
  });

  it("refuses when the standby is gone by the time the lock is taken, releasing the lock, with nothing stopped", async () => {
    plex = await provisionedPlex("two-system.yaml");
    const p = plex;
    const from = p.emu.requestLog.consoleCommands.length;
    // The backup server ends just as the lock is written: the pre-flight look before it saw a ready standby.
    const onRequest = (e: { method: string; path: string }) => {
      if (e.method === "PUT" && e.path.includes("HA.BACKUP.LOCK"))
        p.emu.state.systems.SYSB!.tcpip.listeners = p.emu.state.systems.SYSB!.tcpip.listeners.filter((l) => l.port !== 443);
    };
    const r = await drill(p.options({ method: "stop", onRequest }));
    expect(r.status).toBe("refused");
    expect(r.reasons.join("\n")).toMatch(/after the lock was taken: no standby is ready/);
    expect(changingCommands(p.emu, from)).toEqual([]);
    expect(p.emu.state.datasets["HA.BACKUP.LOCK"]).toBeUndefined();
  });

  it("--dry-run sends displays and GETs only and lists the commands it would issue", async () => {
    plex = await provisionedPlex("two-system.yaml");
    const from = plex.emu.requestLog.consoleCommands.length;
    const writes = plex.emu.requestLog.writes.length;
    const r = await drill(plex.options({ method: "stop", dryRun: true }));
    expect(r.status).toBe("planned");
    expect(r.commands.map((c) => `${c.system} ${c.command}`)).toEqual(["SYSA P IZUSVRA", "SYSA S IZUSVRA"]);
    expect(changingCommands(plex.emu, from)).toEqual([]);
    expect(plex.emu.requestLog.consoleCommands.length).toBeGreaterThan(from);
    expect(plex.emu.requestLog.writes.length).toBe(writes);
  });

  it("an unknown --target is refused naming the field, with nothing sent", async () => {
    plex = await provisionedPlex("two-system.yaml");
    const total = plex.emu.requestLog.total;
    await expect(drill(plex.options({ target: "nosuch" }))).rejects.toMatchObject({
      failureClass: "invalid-input",
      message: expect.stringMatching(/--target: nosuch/),
    });
    expect(plex.emu.requestLog.total).toBe(total);
  });

  it("--method stop on a distributed service is refused naming --method and --target, with nothing sent", async () => {
    plex = await provisionedPlex("three-system-all.yaml");
    await startZosConnect(plex);
    const total = plex.emu.requestLog.total;
    await expect(drill(plex.options({ target: "zosconnect", method: "stop" }))).rejects.toMatchObject({
      failureClass: "invalid-input",
      message: expect.stringMatching(/--method stop is allowed only with --target zosmf \(got --target zosconnect\)/),
    });
    expect(plex.emu.requestLog.total).toBe(total);
    expect(plex.emu.state.systems.SYSA!.tasks.ZCON1).toBeDefined();
  });

  it("when the takeover never happens: fails, starts SYSA's server again and says where it stopped", async () => {
    plex = await provisionedPlex("two-system.yaml");
    // SYSB's stack takes no distributed work: its listener is ready, yet the distributor cannot move to it.
    plex.emu.state.systems.SYSB!.tcpip.sysplexRouting = false;
    const from = plex.emu.requestLog.consoleCommands.length;
    const r = await drill(plex.options({ method: "stop", takeoverTimeoutMs: 1_000 }));
    expect(r.status).toBe("failed");
    expect(r.restored).toBe("confirmed");
    expect(r.reasons[0]).toMatch(/^stopped at "Backup receives in the VDPT": not seen within 1\.0 s/);
    expect(phase(r, "restore")?.verdict).toBe("passed");
    expect(changingCommands(plex.emu, from)).toEqual(["P IZUSVRA", "S IZUSVRA"]);
    expect(plex.emu.state.systems.SYSA!.tcpip.listeners.some((l) => l.jobName === "IZUSVRA" && l.port === 443)).toBe(true);
    expect(plex.emu.state.datasets["HA.BACKUP.LOCK"]).toBeUndefined();
  });

  it("a restart that is not confirmed is not reported as done: failed, with the exact command the operator must run", async () => {
    plex = await provisionedPlex("two-system.yaml");
    // The procedure is gone: the server stops, but cannot be started again from it.
    delete (plex.emu.state.datasets["SYS1.PROCLIB"] as PdsDataset).members.IZUSVRA;
    const undone: (readonly string[])[] = [];
    const r = await drill(plex.options({ method: "stop", restoreTimeoutMs: 1_000, onUndone: (l) => undone.push(l) }));
    expect(r.status).toBe("failed");
    expect(r.restored).toBe("not-confirmed");
    expect(undone.at(-1)).toEqual(["IZUSVRA on SYSA may be left stopped; the operator must run: RO SYSA,S IZUSVRA"]);
    expect(phase(r, "restore")?.verdict).toBe("failed");
    expect(r.operatorAction).toEqual(["RO SYSA,S IZUSVRA"]);
    expect(renderDrillText(r)).toMatch(/The restore was NOT confirmed\.\nThe operator must run:\n {2}RO SYSA,S IZUSVRA/);
    expect(r.phases.map((p) => p.id)).not.toContain("switch-back");
  });
});
