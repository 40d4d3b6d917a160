/**
 * Parsers for z/OS console responses used by `zowe ha verify`: NETSTAT reports, OBEYFILE
 * responses and IZUPRMxx members. Pure functions over text; no I/O.
 */
import { parseConnections, type ConnReport } from "./connections";
import type { NetstatReportName, NetstatResult } from "./frame";
import { parseHome, type HomeReport } from "./home";
import { parsePortlist, type PortlistReport } from "./portlist";
import { parseVdpt, type VdptReport } from "./vdpt";
import { parseVipadcfg, type VipadcfgReport } from "./vipadcfg";
import { parseVipadyn, type VipadynReport } from "./vipadyn";

export * from "./fields";
export * from "./frame";
export * from "./vipadcfg";
export * from "./vdpt";
export * from "./vipadyn";
export * from "./portlist";
export * from "./home";
export * from "./connections";
export * from "./obey-response";
export * from "./izuprm";
export * from "./display-active";
export * from "./rvary-list";
export * from "./jes2-members";
export * from "./omvs-options";
export * from "./display-time";

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
export * from "./route-all";
