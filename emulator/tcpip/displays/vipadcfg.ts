/** NETSTAT VIPADCFG (§5.4): the stack's configured DVIPAs and distributions. */
import type { EmulatorState, SystemState } from "../../state";
import { DIST_METHOD_NAMES, VIPADCFG_HAS_RECORD_COUNT } from "../forms";
import { prefixLength } from "../keywords";
import { dest, type Report } from "./frame";

export function vipadcfgReport(state: EmulatorState, sys: SystemState, opts: { detail: boolean; ipaddr?: string }): Report {
  const stack = sys.tcpip;
  const want = (a: string) => !opts.ipaddr || opts.ipaddr === a;
  const records: string[][] = [];
  const backups = stack.vipaBackup.filter((b) => want(b.address));
  const defines = stack.vipaDefine.filter((d) => want(d.address));
  // Copies taken over from another stack are not this stack's configuration.
  const dists = stack.distributions.filter((d) => !d.takenOverFrom && want(d.dvipa));

  if (backups.length) {
    records.push(["  VIPA BACKUP:"]);
    for (const b of backups) {
      records.push([
        `    IPADDR/PREFIXLEN: ${b.address}${b.mask ? "/" + prefixLength(b.mask) : ""}`,
        `      RANK: ${String(b.rank).padStart(6, "0")}  MOVEABLE:            SRVMGR:`,
      ]);
    }
  }
  if (defines.length) {
    records.push(["  VIPA DEFINE:"]);
    for (const d of defines) {
      records.push([`    IPADDR/PREFIXLEN: ${d.address}/${prefixLength(d.mask)}`, `      MOVEABLE: ${d.moveable}  SRVMGR: NO`]);
    }
  }
  if (dists.length) {
    records.push(["  VIPA DISTRIBUTE:"]);
    for (const d of dists) {
      const method = DIST_METHOD_NAMES[d.method];
      for (const port of d.ports.length ? d.ports : [0]) {
        for (const t of d.targets) {
          const lines = [`    DEST:         ${dest(d.dvipa, port)}`, `      DESTXCF:    ${t.xcf}`];
          if (d.method === "HOTSTANDBY") {
            const rank = t.role === "BACKUP" ? `  RANK: ${String(t.rank ?? 1).padStart(3, "0")}` : "";
            lines.push(`      DISTMETHOD: ${method}  SRVTYPE: ${t.role ?? ""}${rank}`);
            lines.push(`      AUTOSWITCHBACK: ${d.autoSwitchBack ? "YES" : "NO"}   HEALTHSWITCH: ${d.healthSwitch ? "YES" : "NO"}`);
          } else {
            lines.push(`      DISTMETHOD: ${method}`);
          }
          lines.push(`      SYSPT: ${d.sysplexPorts ? "YES" : "NO"}   TIMAFF: ${d.timedAffinity ? d.timedAffinity : "NO"}   FLG:`);
          if (opts.detail) {
            lines.push(`      OPTLOC: ${d.optLocal > 0 ? d.optLocal : "NO"}`);
            if (d.method === "WEIGHTEDACTIVE") lines.push(`      WEIGHT: ${String(t.weight ?? 10).padStart(2, "0")}`);
          }
          records.push(lines);
        }
      }
    }
  }
  return {
    heading: records.length ? ["DYNAMIC VIPA INFORMATION:"] : ["DYNAMIC VIPA INFORMATION:", "  NO DYNAMIC VIPA CONFIGURATION"],
    records,
    countRecords: VIPADCFG_HAS_RECORD_COUNT,
  };
}
