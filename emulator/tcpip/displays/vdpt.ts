/** NETSTAT VDPT (§5.5): destination port table, only on the stack distributing the DVIPA. */
import type { EmulatorState, SystemState } from "../../state";
import { activeDistributions, expandTargets, readyListeners } from "../distribution";
import { DIST_METHOD_NAMES, VDPT_ACTIVE_FLAG, VDPT_STANDBY_FLAG, VDPT_TSR, VDPT_WLM_READY } from "../forms";
import { dest, type Report } from "./frame";

export function vdptReport(state: EmulatorState, sys: SystemState, opts: { detail: boolean; ipaddr?: string; port?: number }): Report {
  const records: string[][] = [];
  for (const { dist } of activeDistributions(state).filter((a) => a.owner === sys)) {
    if (opts.ipaddr && opts.ipaddr !== dist.dvipa) continue;
    const ports = dist.ports.length ? dist.ports : [0];
    for (const port of ports) {
      if (opts.port !== undefined && opts.port !== port) continue;
      const forPort = port ? { ...dist, ports: [port] } : dist;
      for (const t of expandTargets(state, dist)) {
        const rdy = readyListeners(state, forPort, t.xcf);
        const lines = [
          `DEST:         ${dest(dist.dvipa, port)}`,
          `  DESTXCF:    ${t.xcf}`,
          `  TOTALCONN:  0000000000  RDY: ${String(rdy).padStart(3, "0")}  WLM: ${String(rdy ? VDPT_WLM_READY : 0).padStart(2, "0")}  TSR: ${rdy ? VDPT_TSR : 0}`,
        ];
        let flag = "";
        if (dist.method === "HOTSTANDBY") {
          lines.push(`  DISTMETHOD: ${DIST_METHOD_NAMES[dist.method]}  SRVTYPE: ${t.role ?? ""}`);
          flag = dist.activeTarget === t.xcf ? VDPT_ACTIVE_FLAG : VDPT_STANDBY_FLAG;
        } else {
          lines.push(`  DISTMETHOD: ${DIST_METHOD_NAMES[dist.method]}`);
        }
        lines.push(`  FLG: ${flag}`.trimEnd());
        if (opts.detail) {
          lines.push(
            `  TCSR: ${rdy ? 100 : 0}  CER: ${rdy ? 100 : 0}  SEF: ${rdy ? 100 : 0}`,
            "  ACTCONN:    0000000000",
            "  QOSPLCACT:  *DEFAULT*",
          );
        }
        records.push(lines);
      }
    }
  }
  return { heading: ["DYNAMIC VIPA DESTINATION PORT TABLE FOR TCP/IP STACKS:"], records, countRecords: true };
}
