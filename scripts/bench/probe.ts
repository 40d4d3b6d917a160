/** Exploration only: one provision and verify per size, figures printed raw. */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { startEmulatorChild } from "./emulator-process";
import { measureProvision, measureVerify } from "./measure";
import { systemNames, writeTopology } from "./topology";

async function main(): Promise<void> {
  const sizes = process.argv.slice(2).map(Number);
  const dir = mkdtempSync(path.join(tmpdir(), "zowe-ha-probe-"));
  for (const n of sizes.length ? sizes : [2]) {
    const emu = await startEmulatorChild({ systems: systemNames(n), latencyMs: 20, inputMs: 100, activeMs: 400, consolePieceLines: 500 });
    try {
      const file = writeTopology(dir, n);
      const p = await measureProvision(emu, file, { startServers: true });
      console.log(n, "provision", Math.round(p.wallMs), "plan", Math.round(p.planMs), "req", p.requests, JSON.stringify(p.byKind));
      console.log(" jobs", JSON.stringify(p.jobs.map((j) => [j.job, j.runMs, j.polls, Math.round(j.noticeMs)])));
      const v = await measureVerify(emu, file);
      console.log(n, "verify", Math.round(v.wallMs), v.status, "req", v.requests, JSON.stringify(v.byKind));
    } finally {
      await emu.stop();
    }
  }
}
void main().catch((e) => { console.error(e); process.exit(1); });
