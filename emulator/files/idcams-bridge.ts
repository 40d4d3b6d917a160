/**
 * IDCAMS for `PUT /zosmf/restfiles/ams`: `emulator/programs/idcams` when it exists,
 * otherwise a stand-in that says so in IDCAMS terms and fails with RC 12.
 */
import type { EmulatorState } from "../state";
import { loadOptionalModule } from "../tcpip-bridge";

export interface IdcamsContext {
  system: string;
  user: string;
  nowIso: string;
}

export type RunIdcamsStatements = (state: EmulatorState, lines: string[], ctx: IdcamsContext) => { rc: number; output: string[] };

export const stubRunIdcams: RunIdcamsStatements = (_state, lines) => ({
  rc: 12,
  output: [
    "IDCAMS  SYSTEM SERVICES",
    ...lines.map((l) => `  ${l}`),
    "IDC3300I ERROR OPENING IDCAMS STATEMENT PROCESSOR (NOT AVAILABLE IN THIS EMULATOR)",
    "IDC0002I IDCAMS PROCESSING COMPLETE. MAXIMUM CONDITION CODE WAS 12",
  ],
});

export async function loadIdcams(): Promise<{ run: RunIdcamsStatements; bound: boolean }> {
  const module = await loadOptionalModule("programs/idcams");
  const fn = module?.runIdcamsStatements;
  return typeof fn === "function" ? { run: fn as RunIdcamsStatements, bound: true } : { run: stubRunIdcams, bound: false };
}
