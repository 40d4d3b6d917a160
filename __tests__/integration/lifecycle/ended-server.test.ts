/**
 * A server task that ends during its start: the start step notices it from D A and the
 * task's job, fails with the JESMSGLG lines that say why, and does not wait out the timeout.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { start, type Emulator } from "../../../emulator";
import { provision } from "../../../src/run/provision";

const EXAMPLE = path.join(__dirname, "../../../examples/two-system.yaml");

let emu: Emulator | undefined;
afterEach(async () => {
  await emu?.stop();
  emu = undefined;
});

describe("the start step and a server that ends", () => {
  it("fails within a few polls with the task's JESMSGLG lines, long before --job-timeout", async () => {
    emu = await start({ tls: false, port: 0, systems: ["SYSA", "SYSB"], jobTiming: { inputMs: 5, activeMs: 20 } });
    const dir = mkdtempSync(path.join(tmpdir(), "ha-ended-"));
    const topologyFile = path.join(dir, "plex.yaml");
    writeFileSync(topologyFile, readFileSync(EXAMPLE, "utf8"));
    const url = new URL(emu.url);
    const connection = {
      hostname: url.hostname,
      port: Number(url.port),
      protocol: "http" as const,
      user: emu.user,
      password: emu.password,
    };

    // Another server already holds SYSA's autostart group, so IZUSVRA ends in initialisation.
    emu.state.systems.SYSB.tasks.OLDSVR = {
      jobName: "OLDSVR",
      proc: "OLDSVR",
      kind: "zosmf",
      jobid: "STC09999",
      autostartGroup: "IZUDFLA",
      izuprm: ["00"],
      startedAt: 0,
    };
    // The answer to S shows only that the task started; its end comes later, as on z/OS.
    emu.context.faults.add({ kind: "consoleSplit", match: "S IZUSVRA", pieces: 8 });

    const result = await provision({
      topologyFile,
      connection,
      startServers: true,
      consoleDelayMs: 20,
      jobTimeoutMs: 15_000,
      recordDir: dir,
    });
    const failed = result.outcomes.find((o) => o.id === "zosmf-ha/start/SYSA");
    expect(failed?.state).toBe("failed");
    expect(failed?.error?.message).toMatch(/IZUSVRA on SYSA ended \(STC\d+, CC 0012\)/);
    const details = failed?.error?.details.join("\n") ?? "";
    expect(details).toMatch(/IZUG911E z\/OSMF SERVER IZUSVRA FAILED TO START: AUTOSTART GROUP IZUDFLA IS ALREADY SERVED BY OLDSVR ON SYSB/);
    expect(details).toMatch(/\$HASP395 IZUSVRA +ENDED - RC=0012/);

    const sent = emu.requestLog.consoleCommands.filter((c) => c.system === "SYSA");
    const afterStart = sent.slice(sent.findIndex((c) => c.cmd === "S IZUSVRA") + 1);
    expect(afterStart.filter((c) => c.cmd === "D A,IZUSVRA")).toHaveLength(1);
    expect(afterStart.filter((c) => /^D TCPIP/.test(c.cmd))).toHaveLength(1);
  });
});
