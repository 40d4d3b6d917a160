import { execFile, spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { request } from "node:https";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { createInterface } from "node:readline";

export const ROOT = path.resolve(__dirname, "../..");
const ZOWE_BIN = path.join(ROOT, "node_modules", ".bin", "zowe");

export interface RunResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a command with a hard time bound; a zowe prompt without a terminal would otherwise hang. */
export function run(
  file: string,
  args: string[],
  options: { env?: NodeJS.ProcessEnv; cwd?: string; timeoutMs?: number } = {},
): Promise<RunResult> {
  return new Promise((resolve) => {
    execFile(
      file,
      args,
      {
        env: { ...process.env, FORCE_COLOR: "0", ...options.env },
        cwd: options.cwd ?? ROOT,
        timeout: options.timeoutMs ?? 90_000,
        maxBuffer: 64 * 1024 * 1024,
      },
      (err, stdout, stderr) => {
        const status = err ? (typeof (err as { code?: unknown }).code === "number" ? (err as { code: number }).code : null) : 0;
        resolve({ status, stdout: String(stdout), stderr: String(stderr) });
      },
    );
  });
}

/** An isolated Zowe home with the packed plug-in installed from its tarball, as a user would install it. */
export async function installPackedPlugin(): Promise<{
  home: string;
  zowe: (args: string[], env?: NodeJS.ProcessEnv, timeoutMs?: number) => Promise<RunResult>;
  /** The same zowe, started and left running, for a test that signals it. */
  start: (args: string[], env?: NodeJS.ProcessEnv) => RunningZowe;
}> {
  const work = mkdtempSync(path.join(tmpdir(), "zowe-ha-cli-"));
  const home = path.join(work, "home");
  const packed = await run("npm", ["pack", "--silent", "--pack-destination", work], { timeoutMs: 120_000 });
  if (packed.status !== 0) throw new Error(`npm pack failed: ${packed.stderr}`);
  const tgz = readdirSync(work).find((f) => f.endsWith(".tgz"));
  if (!tgz) throw new Error("npm pack wrote no tarball");
  const zowe = (args: string[], env: NodeJS.ProcessEnv = {}, timeoutMs = 90_000) =>
    run(ZOWE_BIN, args, { env: { ZOWE_CLI_HOME: home, ...env }, cwd: work, timeoutMs });
  // The plug-in's dependencies are in npm's cache after the project's own install: do not wait on the registry.
  const installed = await zowe(["plugins", "install", path.join(work, tgz)], { npm_config_prefer_offline: "true" }, 240_000);
  if (installed.status !== 0) throw new Error(`plugin install failed: ${installed.stdout}\n${installed.stderr}`);
  const start = (args: string[], env: NodeJS.ProcessEnv = {}) =>
    startZowe(args, { ...process.env, FORCE_COLOR: "0", ZOWE_CLI_HOME: home, ...env }, work);
  return { home, zowe, start };
}

export interface RunningZowe {
  child: ChildProcess;
  /** Output so far. */
  output(): { stdout: string; stderr: string };
  /** Exit code once the process ends (null when a signal ended it). */
  exited: Promise<number | null>;
}

/** zowe as its own process (the node script itself, so a signal reaches the host's process and not a shell). */
function startZowe(args: string[], env: NodeJS.ProcessEnv, cwd: string): RunningZowe {
  const child = spawn(ZOWE_BIN, args, { env, cwd, stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stdout!.setEncoding("utf8").on("data", (c: string) => (stdout += c));
  child.stderr!.setEncoding("utf8").on("data", (c: string) => (stderr += c));
  const exited = new Promise<number | null>((resolve) => child.once("close", (code) => resolve(code)));
  return { child, output: () => ({ stdout, stderr }), exited };
}

export interface EmulatorProcess {
  url: string;
  host: string;
  port: number;
  user: string;
  password: string;
  caFile?: string;
  systemUrls: Record<string, string>;
  child: ChildProcess;
  stop(): Promise<void>;
}

/** The emulator in its own process: a CLI test's child zowe process must not share our event loop with it. */
export async function startEmulatorProcess(args: string[] = []): Promise<EmulatorProcess> {
  const child = spawn(process.execPath, [path.join(ROOT, "lib", "emulator", "cli.js"), "--json", ...args], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  const lines = createInterface({ input: child.stdout! });
  const first = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("emulator did not start within 60 s")), 60_000);
    lines.once("line", (line) => {
      clearTimeout(timer);
      resolve(line);
    });
    child.once("exit", (code) => reject(new Error(`emulator exited with ${code}`)));
  });
  const info = JSON.parse(first) as { url: string; user: string; password: string; caFile?: string; systemUrls?: Record<string, string> };
  const u = new URL(info.url);
  return {
    ...info,
    systemUrls: info.systemUrls ?? {},
    host: u.hostname,
    port: Number(u.port),
    child,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}

/** GET a control path of the emulator, trusting its own CA as the plug-in does. */
export function emulatorGet<T>(emulator: EmulatorProcess, controlPath: string): Promise<T> {
  return emulatorCall<T>(emulator, "GET", controlPath);
}

/** A control call; `body` is sent as is (a member's new text for `PUT ds/...`). */
export function emulatorCall<T>(emulator: EmulatorProcess, method: string, controlPath: string, body?: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const req = request(
      new URL(controlPath, emulator.url),
      { method, ca: emulator.caFile ? readFileSync(emulator.caFile) : undefined, timeout: 10_000 },
      (res) => {
        let body = "";
        res.setEncoding("utf8");
        res.on("data", (c: string) => (body += c));
        res.on("end", () => resolve(JSON.parse(body) as T));
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}
