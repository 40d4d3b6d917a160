/** NETSTAT VIPADYN (§5.6, layout INF): the DVIPAs this stack knows and their state. */
import type { EmulatorState, SystemState } from "../../state";
import { activeDistributions, distributedTo } from "../distribution";
import { VIPADYN_ADDRESS_LABEL } from "../forms";
import { prefixLength } from "../keywords";
import { inSysplexGroup, systems } from "../sysplex";
import { dateTime, type Report } from "./frame";

export function vipadynReport(state: EmulatorState, sys: SystemState, opts: { ipaddr?: string }): Report {
  const stack = sys.tcpip;
  const records: string[][] = [];
  if (inSysplexGroup(sys)) {
    const addresses = new Set<string>([
      ...stack.vipaDefine.map((d) => d.address),
      ...stack.vipaBackup.map((b) => b.address),
      ...(stack.activeDvipas ?? []).map((d) => d.address),
      ...activeDistributions(state)
        .map((a) => a.dist.dvipa)
        .filter((a) => distributedTo(state, sys, a)),
    ]);
    for (const address of addresses) {
      if (opts.ipaddr && opts.ipaddr !== address) continue;
      const active = (stack.activeDvipas ?? []).find((d) => d.address === address);
      const def = stack.vipaDefine.find((d) => d.address === address);
      const bak = stack.vipaBackup.find((b) => b.address === address);
      const dist = activeDistributions(state).some((a) => a.owner === sys && a.dist.dvipa === address);
      const destination = distributedTo(state, sys, address);
      const origin = def ? "VIPADEFINE" : bak ? "VIPABACKUP" : "VIPADISTRIBUTE";
      const status = active || (!def && !bak) ? "ACTIVE" : "BACKUP";
      const distStat = dist && destination ? "DIST/DEST" : dist ? "DIST" : destination ? "DEST" : "";
      const mask = def?.mask ?? bak?.mask ?? maskElsewhere(state, address);
      const lines = [
        `  ${VIPADYN_ADDRESS_LABEL} ${address}${mask ? "/" + prefixLength(mask) : ""}`,
        `    STATUS: ${status.padEnd(10)} ORIGIN: ${origin.padEnd(14)} DISTSTAT: ${distStat}`.trimEnd(),
      ];
      if (active) lines.push(`    ACTTIME:     ${dateTime(active.since)}`);
      records.push(lines);
    }
  }
  return { heading: ["DYNAMIC VIPA:"], records, countRecords: true };
}

function maskElsewhere(state: EmulatorState, address: string): string | undefined {
  for (const s of systems(state)) {
    const d = s.tcpip.vipaDefine.find((x) => x.address === address);
    if (d) return d.mask;
  }
  return undefined;
}
