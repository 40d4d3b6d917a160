/**
 * The real `zowe` from node_modules in a throw-away home, reaching the emulator through
 * ZOWE_OPT_* variables and trusting its CA through NODE_EXTRA_CA_CERTS, as a user would.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import type { EmulatorChild } from "./emulator-process";

export const ROOT = path.resolve(__dirname, "..", "..", "..");
export const ZOWE = path.join(ROOT, "node_modules", ".bin", "zowe");

export interface Timed {
  readonly ms: number;
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export function runTimed(file: string, args: readonly string[], env: NodeJS.ProcessEnv, timeoutMs = 120_000, cwd = ROOT): Promise<Timed> {
  const t0 = performance.now();
  return new Promise((resolve) => {
    const child = execFile(file, [...args], { env, cwd, timeout: timeoutMs, maxBuffer: 64 * 1024 * 1024 }, (err, stdout, stderr) => {
      const code = err ? (typeof (err as { code?: unknown }).code === "number" ? (err as { code: number }).code : null) : 0;
      resolve({ ms: performance.now() - t0, code, stdout: String(stdout), stderr: String(stderr) });
    });
    // Nothing to read: the daemon-mode client forwards piped input and would wait for its end.
    child.stdin?.end();
  });
}

export interface ZoweHome {
  readonly home: string;
  readonly work: string;
  /** Runs `zowe <args>`; with an emulator, its address and credentials go in through the environment. */
  zowe(args: readonly string[], emu?: EmulatorChild, timeoutMs?: number): Promise<Timed>;
}

/** The daemon's socket and pid file live under ZOWE_DAEMON_DIR (default ~/.zowe/daemon): one per home here, never the user's. */
export function envFor(home: string, emu?: EmulatorChild): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ZOWE_CLI_HOME: home, ZOWE_DAEMON_DIR: path.join(home, "daemon"), FORCE_COLOR: "0", ZOWE_SHOW_DEPRECATED_WARNINGS: "false" };
  if (emu) {
    const u = new URL(emu.url);
    Object.assign(env, {
      ZOWE_OPT_HOST: u.hostname,
      ZOWE_OPT_PORT: u.port,
      ZOWE_OPT_USER: emu.user,
      ZOWE_OPT_PASSWORD: emu.password,
      ZOWE_OPT_REJECT_UNAUTHORIZED: "true",
      NODE_EXTRA_CA_CERTS: emu.caFile,
    });
  }
  return env;
}

/** A fresh Zowe home; with `installPlugin`, the packed plug-in installed from its tarball. */
export async function zoweHome(installPlugin: boolean): Promise<ZoweHome> {
  const work = mkdtempSync(path.join(tmpdir(), "zowe-ha-bench-home-"));
  const home = path.join(work, "home");
  const zowe = (args: readonly string[], emu?: EmulatorChild, timeoutMs?: number) => runTimed(ZOWE, args, envFor(home, emu), timeoutMs, work);
  if (installPlugin) {
    const packed = await runTimed("npm", ["pack", "--silent", "--pack-destination", work], process.env, 180_000);
    if (packed.code !== 0) throw new Error(`npm pack failed: ${packed.stderr}`);
    const tgz = readdirSync(work).find((f) => f.endsWith(".tgz"));
    if (!tgz) throw new Error("npm pack wrote no tarball");
    // The npm cache already holds the dependencies; revalidating each against the registry
    // can take minutes on a slow network and measures nothing the benchmark is about.
    const env = { ...envFor(home), npm_config_prefer_offline: "true" };
    const installed = await runTimed(ZOWE, ["plugins", "install", path.join(work, tgz)], env, 600_000, work);
    if (installed.code !== 0) throw new Error(`plugin install failed: ${installed.stdout}\n${installed.stderr}`);
  }
  return { home, work, zowe };
}
