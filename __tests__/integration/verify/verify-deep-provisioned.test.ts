/**
 * verify --deep right after provision: everything the plan set up reads back healthy, and the
 * only thing submitted is the one listing job.
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

it("finds a freshly provisioned sysplex healthy in depth, submitting exactly one listing job", async () => {
  emu = await start({ tls: false, port: 0, systems: ["SYSA", "SYSB"], dvipaListeners: true, jobTiming: { inputMs: 5, activeMs: 20 } });
  const topologyFile = path.join(mkdtempSync(path.join(tmpdir(), "ha-deep-")), "plex.yaml");
  writeFileSync(topologyFile, readFileSync(path.join(__dirname, "../../../examples/two-system.yaml"), "utf8"));
  const url = new URL(emu.url);
  const connection = { hostname: url.hostname, port: Number(url.port), protocol: "http" as const, user: emu.user, password: emu.password };
  const provisioned = await provision({ topologyFile, connection, startServers: true, consoleDelayMs: 20, jobTimeoutMs: 30_000 });
  expect(provisioned.status).toBe("succeeded");
  await emu.settle();
  const before = { submits: emu.requestLog.submits.length, writes: emu.requestLog.writes.length };

  const r = await verify({ topologyFile, connection, endpoints: { ...emu.dvipaUrls }, deep: true });

  expect(r.checks.filter((c) => c.verdict !== "healthy").map((c) => `${c.id} ${c.system ?? ""}: ${c.reason}`)).toEqual([]);
  for (const id of ["zosmf.security.keyring.IZUSVR.IZUKeyring.IZUDFLT", "zosmf.security.certificate.IZUSVR.DefaultzOSMFCert.IZUDFLT"])
    expect(r.checks.some((c) => c.id === id)).toBe(true);
  expect(r.checks.filter((c) => c.id === "zosmf.proc.defaults").map((c) => c.system)).toEqual(["SYSA", "SYSB"]);
  expect(r.checks.some((c) => c.id === "tcpip.healthswitch")).toBe(true);
  expect(emu.requestLog.submits.slice(before.submits).map((s) => s.jobname)).toEqual(["IZUSECL"]);
  expect(emu.requestLog.writes.length).toBe(before.writes);
});
