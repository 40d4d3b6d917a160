/**
 * Authentication per run, as the emulator's request log counts it per endpoint the client used:
 * logons (POST /zosmf/services/authenticate), requests that carried Basic credentials (each one
 * a RACF password check on z/OS), requests that rode on the session's token cookie, and 401s.
 */
import type { EmulatorChild } from "./emulator-process";

interface AuthCounts {
  logons: number;
  logoffs: number;
  basic: number;
  cookie: number;
  refused: number;
}

export interface AuthFigure {
  readonly logons: number;
  /** The most logons any one endpoint (host and port) saw in the run. */
  readonly maxLogonsPerHost: number;
  readonly basic: number;
  readonly cookie: number;
  readonly refused: number;
  readonly hosts: number;
}

/** Forgets what earlier runs sent, so the next reading is one run's alone. */
export async function clearRequestLog(emu: EmulatorChild): Promise<void> {
  await emu.control("DELETE", "/__emulator/log");
}

export async function authSinceClear(emu: EmulatorChild): Promise<AuthFigure> {
  const log = await emu.control<{ auth: Record<string, AuthCounts> }>("GET", "/__emulator/log");
  const perHost = Object.values(log.auth);
  const sum = (k: keyof AuthCounts) => perHost.reduce((s, c) => s + c[k], 0);
  return {
    logons: sum("logons"),
    maxLogonsPerHost: Math.max(0, ...perHost.map((c) => c.logons)),
    basic: sum("basic"),
    cookie: sum("cookie"),
    refused: sum("refused"),
    hosts: perHost.length,
  };
}

/** "1 logon (1 host), 0 Basic, 45 by cookie" */
export function describeAuth(a: AuthFigure): string {
  const refused = a.refused ? `, ${a.refused} refused` : "";
  return `${a.logons} logon${a.logons === 1 ? "" : "s"} (${a.hosts} host${a.hosts === 1 ? "" : "s"}), ${a.basic} Basic, ${a.cookie} by cookie${refused}`;
}
