/**
 * The emulator as a child process, so the plug-in under measurement never shares an event
 * loop with the server it talks to; plus the control calls the benchmark needs.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { request } from "node:https";
import * as path from "node:path";
import { createInterface } from "node:readline";
import type { ZosmfConnection } from "../../src/zosmf";

export interface EmulatorChild {
  readonly url: string;
  readonly user: string;
  readonly password: string;
  readonly caFile: string;
  readonly connection: ZosmfConnection;
  readonly child: ChildProcess;
  /** GET/POST/DELETE a control path (`/__emulator/...`) and parse its JSON answer. */
  control<T>(method: string, controlPath: string, body?: unknown): Promise<T>;
  /** Offset to add to an emulator clock reading to get this process's performance.now(). */
  clockOffset(): Promise<number>;
  stop(): Promise<void>;
}

export interface EmulatorTiming {
  readonly systems: readonly string[];
  readonly latencyMs: number;
  readonly inputMs: number;
  readonly activeMs: number;
  /** Lines per console response piece; unset = the emulator's default. */
  readonly consolePieceLines?: number;
}

const CLI = path.resolve(__dirname, "..", "..", "emulator", "cli.js");

export async function startEmulatorChild(t: EmulatorTiming): Promise<EmulatorChild> {
  const args = ["--json", "--systems", t.systems.join(","), "--latency-ms", String(t.latencyMs), "--job-input-ms", String(t.inputMs), "--job-active-ms", String(t.activeMs)];
  if (t.consolePieceLines !== undefined) args.push("--console-piece-lines", String(t.consolePieceLines));
  const child = spawn(process.execPath, [CLI, ...args], { stdio: ["ignore", "pipe", "inherit"] });
  const first = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("the emulator did not start within 60 s")), 60_000);
    createInterface({ input: child.stdout! }).once("line", (line) => {
      clearTimeout(timer);
      resolve(line);
    });
    child.once("exit", (code) => reject(new Error(`the emulator exited with ${code}`)));
  });
  // Drain the rest of its output so a full pipe can never stall it.
  child.stdout!.resume();
  const info = JSON.parse(first) as { url: string; user: string; password: string; caFile: string };
  const ca = readFileSync(info.caFile, "utf8");
  const u = new URL(info.url);

  const control = <T>(method: string, controlPath: string, body?: unknown) =>
    new Promise<T>((resolve, reject) => {
      const req = request(new URL(controlPath, info.url), { method, ca, timeout: 30_000, headers: body === undefined ? {} : { "Content-Type": "application/json" } }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => {
          try {
            resolve(JSON.parse(Buffer.concat(chunks).toString("utf8")) as T);
          } catch (err) {
            reject(err);
          }
        });
      });
      req.on("timeout", () => req.destroy(new Error(`control ${controlPath} timed out`)));
      req.on("error", reject);
      req.end(body === undefined ? undefined : JSON.stringify(body));
    });

  const clockOffset = async () => {
    // Loopback and an idle emulator: half the round trip is a fair guess at when it read its clock.
    let best = { rtt: Infinity, offset: 0 };
    for (let i = 0; i < 5; i++) {
      const before = performance.now();
      const { now } = await control<{ now: number }>("GET", "/__emulator/clock");
      const after = performance.now();
      if (after - before < best.rtt) best = { rtt: after - before, offset: (before + after) / 2 - now };
    }
    return best.offset;
  };

  return {
    url: info.url,
    user: info.user,
    password: info.password,
    caFile: info.caFile,
    // Trusted as the CLI trusts it (NODE_EXTRA_CA_CERTS, loaded once per process) when the
    // benchmark runs that way; a per-connection `ca` would add its own cost to every socket.
    connection: {
      hostname: u.hostname,
      port: Number(u.port),
      protocol: "https",
      user: info.user,
      password: info.password,
      ...(process.env.NODE_EXTRA_CA_CERTS === info.caFile ? {} : { ca }),
    },
    child,
    control,
    clockOffset,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}
