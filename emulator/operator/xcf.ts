/**
 * `D XCF,S,ALL` (zosmf-facts §10.2, DOC: IXC336I): one line per system with its type,
 * serial, LPAR, last status update and status. The emulator lists only systems that are
 * up, ACTIVE: a system it takes down has left the sysplex, and XCF no longer lists a
 * system once it is partitioned out (INF from the IXC336I explanation, which describes
 * statuses only for systems still known to XCF). Type, serial and LPAR are placeholders (INF).
 */
import type { EmulatorState } from "../state";
import { dateTime, nextSeq, timeOfDay } from "../tcpip/displays/frame";
import { msg } from "../tcpip/forms";

export function displayXcf(state: EmulatorState, now: number, ops: string[]): string[] {
  const [what, scope] = ops.map((o) => o.toUpperCase());
  if (!(what === "S" || what === "SYSPLEX") || (scope !== undefined && scope !== "ALL")) return [msg.commandInvalid("DISPLAY")];
  const up = Object.values(state.systems).filter((s) => s.up);
  return [
    `IXC336I  ${timeOfDay(now)}  DISPLAY XCF ${nextSeq(state)}`,
    `  SYSPLEX ${state.sysplexName}`,
    "  SYSTEM   TYPE SERIAL LPAR STATUS TIME          SYSTEM STATUS",
    ...up.map((s, i) => `  ${s.name.padEnd(8)} 3906 1234   ${String(i + 1).padStart(2, "0")}   ${dateTime(now)}   ACTIVE`),
  ];
}
