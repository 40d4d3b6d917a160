/**
 * `zowe ha verify` in Zowe's daemon mode: `zowe daemon enable` puts the native client in
 * <home>/bin; its first run starts the daemon (`zowe --daemon`, found on PATH), later runs
 * reuse it. The daemon is stopped by the pid it recorded, whatever happened.
 */
import { existsSync, readFileSync } from "node:fs";
import * as path from "node:path";
import type { EmulatorChild } from "./emulator-process";
import { envFor, ROOT, runTimed, type ZoweHome } from "./zowe-cli";

export type DaemonFigure = { readonly ms: number[] } | { readonly notMeasured: string };

export async function daemonVerifyTimes(home: ZoweHome, emu: EmulatorChild, file: string, runs: number): Promise<DaemonFigure> {
  const enabled = await home.zowe(["daemon", "enable"]);
  const client = path.join(home.home, "bin", process.platform === "win32" ? "zowe.exe" : "zowe");
  if (enabled.code !== 0 || !existsSync(client)) return { notMeasured: `zowe daemon enable failed: ${(enabled.stderr || enabled.stdout).trim().split("\n")[0]}` };
  // The native client starts the daemon with the `zowe` it finds on PATH: this project's own.
  const env = { ...envFor(home.home, emu), PATH: `${path.join(ROOT, "node_modules", ".bin")}${path.delimiter}${process.env.PATH ?? ""}` };
  const verify = () => runTimed(client, ["ha", "verify", "-t", file], env, 120_000, home.work);
  try {
    const first = await verify();
    // Exit 0 to 2 is a verdict: the command ran; anything else means the daemon did not serve it.
    if (first.code === null || first.code > 2) return { notMeasured: `the first daemon-mode run exited ${first.code}: ${(first.stderr || first.stdout).trim().split("\n")[0]}` };
    const ms: number[] = [];
    for (let i = 0; i < runs; i++) ms.push((await verify()).ms);
    return { ms };
  } finally {
    stopDaemon(home.home);
  }
}

function stopDaemon(home: string): void {
  const pidFile = path.join(home, "daemon", "daemon_pid.json");
  if (!existsSync(pidFile)) return;
  const { pid } = JSON.parse(readFileSync(pidFile, "utf8")) as { pid?: unknown };
  // SIGINT, as `zowe daemon disable` stops it.
  if (typeof pid === "number" && Number.isInteger(pid)) {
    try {
      process.kill(pid, "SIGINT");
    } catch {
      // Already gone.
    }
  }
}
