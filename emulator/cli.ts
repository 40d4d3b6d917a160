/**
 * `npm run emulator -- --systems SYSA,SYSB [--port N] [--http] [--seed N] [--write-config DIR]
 *   [--latency-ms N] [--job-input-ms N --job-active-ms N] [--per-system] [--dvipa]
 *   [--fault SPEC]... [--user U --password P] [--ca-dir DIR] [--console-piece-lines N] [--notice-ms N] [--json]`
 *
 * Starts the emulator in this process and keeps it up until SIGINT/SIGTERM. `--json` makes
 * the first line of output one JSON object (url, systemUrls, caFile, user, password, pid)
 * for programs that start the emulator as a child process.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { parseFaultArg, type FaultRule } from "./faults";
import { start, type Emulator, type StartOptions } from "./index";

interface CliArgs {
  options: StartOptions;
  writeConfig?: string;
  json: boolean;
}

const FLAGS_WITH_VALUES = new Set([
  "--systems",
  "--port",
  "--seed",
  "--write-config",
  "--latency-ms",
  "--job-input-ms",
  "--job-active-ms",
  "--fault",
  "--user",
  "--password",
  "--ca-dir",
  "--sysplex",
  "--console-piece-lines",
  "--notice-ms",
]);

export function parseArgs(argv: string[]): CliArgs {
  const options: StartOptions = {};
  const faults: FaultRule[] = [];
  const jobTiming: { inputMs?: number; activeMs?: number } = {};
  let writeConfig: string | undefined;
  let json = false;
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = FLAGS_WITH_VALUES.has(flag) ? argv[++i] : undefined;
    if (FLAGS_WITH_VALUES.has(flag) && value === undefined) throw new Error(`${flag} needs a value`);
    const number = () => {
      const n = Number(value);
      if (!Number.isFinite(n)) throw new Error(`${flag} needs a number, not ${value}`);
      return n;
    };
    switch (flag) {
      case "--systems":
        options.systems = (value as string)
          .split(",")
          .map((s) => s.trim())
          .filter(Boolean);
        break;
      case "--sysplex":
        options.sysplexName = value;
        break;
      case "--port":
        options.port = number();
        break;
      case "--seed":
        options.seed = number();
        break;
      case "--latency-ms":
        options.latencyMs = number();
        break;
      case "--job-input-ms":
        jobTiming.inputMs = number();
        break;
      case "--job-active-ms":
        jobTiming.activeMs = number();
        break;
      case "--console-piece-lines":
        options.consolePieceLines = number();
        break;
      case "--notice-ms":
        options.distribution = { noticeMs: number() };
        break;
      case "--fault":
        faults.push(parseFaultArg(value as string));
        break;
      case "--user":
        options.user = value;
        break;
      case "--password":
        options.password = value;
        break;
      case "--ca-dir":
        options.caDir = value;
        break;
      case "--write-config":
        writeConfig = value;
        break;
      case "--http":
        options.tls = false;
        break;
      case "--per-system":
        options.perSystemListeners = true;
        break;
      case "--dvipa":
        options.dvipaListeners = true;
        break;
      case "--json":
        json = true;
        break;
      default:
        throw new Error(`unknown option ${flag}`);
    }
  }
  if (faults.length > 0) options.faults = { rules: faults };
  if (jobTiming.inputMs !== undefined || jobTiming.activeMs !== undefined) options.jobTiming = jobTiming;
  return { options, writeConfig, json };
}

function zosmfProfile(url: string, emulator: Emulator) {
  const u = new URL(url);
  return {
    type: "zosmf",
    properties: {
      host: u.hostname,
      port: Number(u.port),
      protocol: u.protocol.replace(":", ""),
      rejectUnauthorized: true,
      user: emulator.user,
      password: emulator.password,
    },
    // Plain properties: the emulator's credentials are not secrets and headless hosts have no vault.
    secure: [] as string[],
  };
}

/** A Zowe team config (zowe.config.json) pointing at the emulator. */
export function teamConfig(emulator: Emulator): Record<string, unknown> {
  const profiles: Record<string, unknown> = { zosmf: zosmfProfile(emulator.url, emulator) };
  for (const [system, url] of Object.entries(emulator.systemUrls)) profiles[`zosmf_${system}`] = zosmfProfile(url, emulator);
  return { $schema: "./zowe.schema.json", profiles, defaults: { zosmf: "zosmf" }, autoStore: false };
}

async function main(): Promise<void> {
  let args: CliArgs;
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`emulator: ${(error as Error).message}\n`);
    process.exit(2);
  }
  const emulator = await start(args.options);
  if (args.json) {
    const { url, systemUrls, caFile, user, password } = emulator;
    process.stdout.write(`${JSON.stringify({ url, systemUrls, caFile, user, password, pid: process.pid })}\n`);
  }
  process.stdout.write(`z/OSMF emulator at ${emulator.url} (systems ${Object.keys(emulator.state.systems).join(", ")})\n`);
  for (const [system, url] of Object.entries(emulator.systemUrls)) process.stdout.write(`  ${system}: ${url}\n`);
  process.stdout.write(`user ${emulator.user}, password ${emulator.password}\n`);
  if (emulator.caFile) process.stdout.write(`CA file ${emulator.caFile} (for Zowe CLI: NODE_EXTRA_CA_CERTS=${emulator.caFile})\n`);
  if (args.writeConfig) {
    mkdirSync(args.writeConfig, { recursive: true });
    const file = path.join(args.writeConfig, "zowe.config.json");
    writeFileSync(file, `${JSON.stringify(teamConfig(emulator), null, 2)}\n`);
    process.stdout.write(`wrote ${file}\n`);
  }
  const stop = () => {
    void emulator.stop().then(() => process.exit(0));
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

if (require.main === module) {
  void main();
}
