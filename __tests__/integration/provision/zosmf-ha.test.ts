import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Emulator } from "../../../emulator";
import { parseNetstat } from "../../../src/parsers";
import type { ZosmfClient } from "../../../src/zosmf";
import { apply, plan, startEmulator, topology } from "./helpers";
import { isDisplayCommand } from "../../../src/engine/sent";

let emu: Emulator;
let client: ZosmfClient;

beforeEach(async () => {
  ({ emu, client } = await startEmulator());
});
afterEach(async () => {
  client.close();
  await emu.stop();
});

describe("z/OSMF hot standby and caching on a fresh two-system sysplex", () => {
  it("plans every step read-only, applies it, and plans nothing the second time", async () => {
    const t = topology();
    const before = {
      submits: emu.requestLog.submits.length,
      writes: emu.requestLog.writes.length,
      commands: emu.requestLog.consoleCommands.length,
    };
    const steps = await plan(client, t);
    // The IPL-time members the example names are updated, so the backup library for their originals comes first.
    expect(steps.map((s) => s.id)).toEqual([
      "datasets/backup",
      "zosmf-ha/security",
      "zosmf-ha/filesystem/SYSA",
      "zosmf-ha/filesystem/SYSB",
      "zosmf-ha/parmlib/SYSA",
      "zosmf-ha/parmlib/SYSB",
      "zosmf-ha/angel-procs",
      "zosmf-ha/proc/SYSA",
      "zosmf-ha/proc/SYSB",
      "zosmf-ha/tcpip/SYSA",
      "zosmf-ha/tcpip/SYSB",
      "caching-service/zowe-yaml",
      "ipl-persistence/tcpip-profile/SYSA",
      "ipl-persistence/tcpip-profile/SYSB",
      "ipl-persistence/mounts/SYSA",
      "ipl-persistence/mounts/SYSB",
      "ipl-persistence/autostart/SYSA",
      "ipl-persistence/autostart/SYSB",
    ]);
    for (const s of steps.filter((s) => s.id !== "zosmf-ha/angel-procs"))
      expect(s.changes.length, `${s.id}: ${s.observed}`).toBeGreaterThan(0);
    // Planning only reads: no submit, no write, no command but D.
    expect(emu.requestLog.submits.length).toBe(before.submits);
    expect(emu.requestLog.writes.length).toBe(before.writes);
    const commands = emu.requestLog.consoleCommands.slice(before.commands);
    expect(commands.length).toBeGreaterThan(0);
    for (const c of commands) expect(c.cmd).toSatisfy(isDisplayCommand);

    const first = await apply(steps);
    for (const o of first.outcomes)
      expect(o.state, `${o.id}: ${o.error?.message} ${o.error?.details.join(" | ")}`).not.toMatch(/failed|skipped/);

    for (const system of ["SYSA", "SYSB"]) {
      const r = await client.console.issue("D TCPIP,TCPIP,N,VIPADCFG", { system, collect: { delayMs: 20 } });
      const cfg = parseNetstat("VIPADCFG", r.text);
      expect(cfg.kind).toBe("ok");
      if (cfg.kind !== "ok") return;
      expect(
        cfg.data.distributes
          .filter((d) => d.destAddress === "192.0.2.10" && d.destPort === 443)
          .map((d) => d.srvType)
          .sort(),
      ).toEqual(["BACKUP", "PREFERRED"]);
      if (system === "SYSA") expect(cfg.data.defines.map((d) => d.address)).toContain("192.0.2.10");
      else expect(cfg.data.backups.map((d) => d.address)).toContain("192.0.2.10");
    }

    const submitsBefore = emu.requestLog.submits.length;
    const again = await plan(client, t, { lastSuccessfulRecord: first.record });
    // The plan says each step's inputs are those of the first run: told, and still looked at live.
    for (const s of again) expect(s.sameInputsAs, s.id).toBe(first.record.runId);
    // The security step always lists the live RACF state; nothing else has work left.
    for (const s of again.filter((s) => s.id !== "zosmf-ha/security")) expect(s.changes, `${s.id}: ${s.observed}`).toEqual([]);
    const second = await apply(again);
    expect(second.outcomes.every((o) => o.state === "unchanged")).toBe(true);
    const resubmitted = emu.requestLog.submits.slice(submitsBefore);
    expect(resubmitted).toHaveLength(1);
    expect(JSON.stringify(resubmitted[0])).toContain("IZUSECL");
  });
});

describe("three systems with HEALTHSWITCH and NOAUTOSWITCHBACK", () => {
  it("applies the distribution with ranks and the options on every stack that carries it", async () => {
    client.close();
    await emu.stop();
    ({ emu, client } = await startEmulator(["SYSA", "SYSB", "SYSC"]));
    const t = topology("three-system-all.yaml", (text) => text.replace("autoSwitchBack: true", "autoSwitchBack: false"));
    const steps = (await plan(client, t)).filter((s) => s.id.startsWith("zosmf-ha/tcpip/"));
    expect(steps.map((s) => s.id)).toEqual(["zosmf-ha/tcpip/SYSA", "zosmf-ha/tcpip/SYSB", "zosmf-ha/tcpip/SYSC"]);
    const { outcomes } = await apply(steps);
    for (const o of outcomes) expect(o.state, `${o.id}: ${o.error?.message} ${o.error?.details.join(" | ")}`).toBe("changed");
    const again = (await plan(client, t)).filter((s) => s.id.startsWith("zosmf-ha/tcpip/"));
    for (const s of again) expect(s.changes, s.observed).toEqual([]);
  });
});
