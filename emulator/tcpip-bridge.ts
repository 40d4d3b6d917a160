/**
 * The seam between the HTTP core and the operator/TCP/IP model. The core calls only the
 * functions below; at start they are bound to `emulator/operator/index` (and
 * `emulator/tcpip/index` for resolveDvipa) when those modules exist, otherwise to the
 * stand-ins here, which keep the core usable on its own.
 */
import { existsSync } from "node:fs";
import * as path from "node:path";
import type { EmulatorState } from "./state";
import { consoleTexts } from "./zosmf-forms";

export interface CommandContext {
  system: string;
  consoleName: string;
  /** Emulated ms since start. */
  now: number;
  nowIso: string;
}

export type IssueCommand = (state: EmulatorState, ctx: CommandContext, cmd: string) => { lines: string[] };
export type SetSystemUp = (state: EmulatorState, name: string, up: boolean, now: number) => void;
/** The system whose server answers a connection to address:port, or null (connection reset). */
export type ResolveDvipa = (state: EmulatorState, address: string, port: number) => string | null;

export interface OperatorBridge {
  issueCommand: IssueCommand;
  setSystemUp: SetSystemUp;
  resolveDvipa: ResolveDvipa;
  /** Which functions came from the real modules (for the log and the report). */
  bound: string[];
}

/** Stand-in until the operator model exists: every verb is unknown. */
export const stubIssueCommand: IssueCommand = (_state, _ctx, cmd) => {
  const verb = cmd.trim().split(/[\s,]+/)[0]?.toUpperCase() ?? "";
  return { lines: [consoleTexts.commandInvalid(verb)] };
};

/** Stand-in: flips the flag only; the real model also stops the system's tasks and stack. */
export const stubSetSystemUp: SetSystemUp = (state, name, up) => {
  const system = state.systems[name];
  if (system) system.up = up;
};

/**
 * Stand-in: the first up system whose stack defines or distributes the address on that port
 * and has a listener on it; null when none.
 */
export const stubResolveDvipa: ResolveDvipa = (state, address, port) => {
  for (const system of Object.values(state.systems)) {
    if (!system.up) continue;
    const owns = system.tcpip.vipaDefine.some((v) => v.address === address) || system.tcpip.distributions.some((d) => d.dvipa === address && d.ports.includes(port));
    const listening = system.tcpip.listeners.some((l) => l.port === port && (l.address === "0.0.0.0" || l.address === address));
    if (owns && listening) return system.name;
  }
  return null;
};

/**
 * Import `<emulator dir>/<relative>` when its .ts (tests) or .js (compiled) file exists;
 * undefined otherwise. The path is computed so the type checker does not require it.
 */
export async function loadOptionalModule(relative: string): Promise<Record<string, unknown> | undefined> {
  const base = path.join(__dirname, relative);
  for (const candidate of [`${base}.ts`, `${base}.js`]) {
    if (!existsSync(candidate)) continue;
    try {
      return (await import(/* @vite-ignore */ candidate)) as Record<string, unknown>;
    } catch (error) {
      process.emitWarning(`emulator: could not load ${candidate}: ${(error as Error).message}`);
      return undefined;
    }
  }
  return undefined;
}

function pick<T>(modules: (Record<string, unknown> | undefined)[], name: string): T | undefined {
  for (const m of modules) {
    const fn = m?.[name] ?? (m?.default as Record<string, unknown> | undefined)?.[name];
    if (typeof fn === "function") return fn as T;
  }
  return undefined;
}

export async function loadOperatorBridge(): Promise<OperatorBridge> {
  const operator = await loadOptionalModule("operator/index");
  const tcpip = await loadOptionalModule("tcpip/index");
  const bound: string[] = [];
  const bind = <T>(name: string, modules: (Record<string, unknown> | undefined)[], stub: T): T => {
    const found = pick<T>(modules, name);
    if (found) bound.push(name);
    return found ?? stub;
  };
  return {
    issueCommand: bind("issueCommand", [operator], stubIssueCommand),
    setSystemUp: bind("setSystemUp", [operator, tcpip], stubSetSystemUp),
    resolveDvipa: bind("resolveDvipa", [operator, tcpip], stubResolveDvipa),
    bound,
  };
}
