/**
 * A console display whose follow-up read is lost is issued again whole: the lost read is not
 * repeated (it may have consumed its piece), and no verdict is built on half an answer.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { afterEach, expect, it } from "vitest";
import { start, type Emulator } from "../../../emulator";
import { provision } from "../../../src/run/provision";
import { verify } from "../../../src/run/verify";

let emu: Emulator | undefined;
afterEach(async () => {
  await emu?.stop();
  emu = undefined;
});

const commandsSince = (e: Emulator, from: number) =>
  e.requestLog.consoleCommands
    .slice(from)
    .map((c) => `${c.system} ${c.cmd}`)
    .sort();

it("issues the display again when its follow-up is lost, and reads the same verdicts as without the fault", async () => {
  emu = await start({ tls: false, port: 0, systems: ["SYSA", "SYSB"], dvipaListeners: true, jobTiming: { inputMs: 5, activeMs: 20 } });
  const topologyFile = path.join(mkdtempSync(path.join(tmpdir(), "ha-followup-")), "plex.yaml");
  writeFileSync(topologyFile, readFileSync(path.join(__dirname, "../../../examples/two-system.yaml"), "utf8"));
  const url = new URL(emu.url);
  // The default retry policy: a 503 on a request marked repeatable would be sent again.
  const connection = { hostname: url.hostname, port: Number(url.port), protocol: "http" as const, user: emu.user, password: emu.password };
  expect((await provision({ topologyFile, connection, consoleDelayMs: 20, jobTimeoutMs: 30_000 })).status).toBe("succeeded");
  await emu.settle();
  const verdicts = (r: Awaited<ReturnType<typeof verify>>) => r.checks.map((c) => `${c.id} ${c.system ?? ""}: ${c.verdict}`).sort();
  const puts = () => emu!.requestLog.counts["PUT console.issue"] ?? 0;
  let from = emu.requestLog.consoleCommands.length;
  let putsFrom = puts();
  const baseline = verdicts(await verify({ topologyFile, connection, endpoints: { ...emu.dvipaUrls } }));
  const baselineCommands = commandsSince(emu, from);
  const baselinePuts = puts() - putsFrom;
  expect(baseline.some((v) => /healthy$/.test(v))).toBe(true);

  // The first follow-up read of the run is lost (HTTP 503, which a repeatable request would retry).
  emu.context.faults.add({ kind: "status", status: 503, match: "GET console.solmsgs", count: 1 });
  from = emu.requestLog.consoleCommands.length;
  putsFrom = puts();
  const r = await verify({ topologyFile, connection, endpoints: { ...emu.dvipaUrls } });

  expect(emu.context.faults.config.rules).toEqual([]);
  expect(verdicts(r)).toEqual(baseline);
  // One display issued twice, whole (a routed one again on every system it went to): the lost read was not sent again on its own.
  expect(puts() - putsFrom).toBe(baselinePuts + 1);
  const extra = [...commandsSince(emu, from)];
  for (const c of baselineCommands) {
    const at = extra.indexOf(c);
    expect(at, `${c} issued again`).toBeGreaterThanOrEqual(0);
    extra.splice(at, 1);
  }
  expect(extra.length).toBeGreaterThan(0);
  expect(new Set(extra.map((c) => c.slice(c.indexOf(" ") + 1))).size).toBe(1);
});
