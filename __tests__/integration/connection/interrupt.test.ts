import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { start, type Emulator } from "../../../emulator";
import { readRecord } from "../../../src/engine/run-record";
import { provision } from "../../../src/run/provision";
import { failureClassOf } from "../../../src/run/exit-policy";
import { EXAMPLE, FAST } from "../rollback/helpers";

let emu: Emulator | undefined;
afterEach(async () => {
  await emu?.stop();
  emu = undefined;
});

describe("an interrupt (SIGINT, SIGTERM) during provision", () => {
  it("closes the run record as interrupted, names the job still running, and says to wait for it before --resume or rollback", async () => {
    // Jobs stay ACTIVE long enough to be running when the interrupt comes.
    emu = await start({ tls: false, port: 0, systems: ["SYSA", "SYSB"], jobTiming: { inputMs: 5, activeMs: 600_000 } });
    const dir = mkdtempSync(path.join(tmpdir(), "ha-interrupt-"));
    const topologyFile = path.join(dir, "plex.yaml");
    writeFileSync(topologyFile, readFileSync(EXAMPLE, "utf8"));
    const url = new URL(emu.url);
    const controller = new AbortController();
    const result = await provision({
      topologyFile,
      connection: { hostname: url.hostname, port: Number(url.port), protocol: "http", user: emu.user, password: emu.password },
      ...FAST,
      signal: controller.signal,
      sink: {
        onEvent: (e) => {
          if (e.type === "step-progress" && /^submitted /.test(e.message)) controller.abort(new Error("Interrupted by SIGINT"));
        },
      },
    });
    expect(result.status).toBe("interrupted");
    expect(failureClassOf(result)).toBe("tool-failure");
    const running = result.runningJobs ?? [];
    expect(running.length).toBeGreaterThan(0);
    expect(running[0]).toMatch(/^\w+\(JOB\d+\)$/);
    const record = await readRecord(result.recordFile!);
    expect(record.status).toBe("interrupted");
    expect(result.next?.[0]).toContain(running[0]);
    expect(result.next?.join("\n")).toMatch(/--resume/);
  });
});
