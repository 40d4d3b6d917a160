/**
 * Parsers for z/OS console responses used by `zowe ha verify`: NETSTAT reports, OBEYFILE
 * responses and IZUPRMxx members. Pure functions over text; no I/O.
 */
import { parseConnections, type ConnReport } from "./connections.js";
import type { NetstatReportName, NetstatResult } from "./frame.js";
import { parseHome, type HomeReport } from "./home.js";
import { parsePortlist, type PortlistReport } from "./portlist.js";
import { parseVdpt, type VdptReport } from "./vdpt.js";
import { parseVipadcfg, type VipadcfgReport } from "./vipadcfg.js";
import { parseVipadyn, type VipadynReport } from "./vipadyn.js";

export * from "./fields.js";
export * from "./frame.js";
export * from "./vipadcfg.js";
export * from "./vdpt.js";
export * from "./vipadyn.js";
export * from "./portlist.js";
export * from "./home.js";
export * from "./connections.js";
export * from "./obey-response.js";
export * from "./izuprm.js";
export * from "./display-active.js";

/** The data type of each NETSTAT report. ALLCONN and CONN share the CONN parser. */
export interface NetstatReports {
  VIPADCFG: VipadcfgReport;
  VDPT: VdptReport;
  VIPADYN: VipadynReport;
  PORTLIST: PortlistReport;
  HOME: HomeReport;
  CONN: ConnReport;
}

export type AnyNetstatResult<R extends NetstatReportName = NetstatReportName> = NetstatResult<R, NetstatReports[R]>;

const PARSERS: { [R in NetstatReportName]: (text: string) => NetstatResult<R, NetstatReports[R]> } = {
  VIPADCFG: parseVipadcfg,
  VDPT: parseVdpt,
  VIPADYN: parseVipadyn,
  PORTLIST: parsePortlist,
  HOME: parseHome,
  CONN: parseConnections,
};

/** Parses a (joined) console response for the given NETSTAT report. */
export function parseNetstat<R extends NetstatReportName>(report: R, text: string): NetstatResult<R, NetstatReports[R]> {
  return PARSERS[report](text);
}
