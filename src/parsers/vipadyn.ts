/**
 * `D TCPIP,<proc>,NETSTAT,VIPADYN`: the dynamic VIPAs this stack holds right now and their
 * state, plus VIPA routes. The layout is not documented in full, so unknown labels are kept.
 */
import { FieldBag, RecordGrouper, blankToNull, lineFields, norm, parseAddressPrefix } from "./fields";
import { classifyNetstat, type NetstatResult } from "./frame";

export type DvipaStatus = "ACTIVE" | "BACKUP" | "MOVING" | "QUIESCING" | "DEACTIVATED";
export type DvipaDistStat = "DIST" | "DEST" | "DIST/DEST";

export interface DvipaEntry {
  address: string;
  prefixLen: number | null;
  intfName: string | null;
  /** null when the printed value is not a known status (see statusRaw). */
  status: DvipaStatus | null;
  statusRaw: string | null;
  /** VIPADEFINE, VIPABACKUP, VIPARANGE BIND, VIPARANGE IOCTL, VIPADISTRIBUTE, ...: upper case, single blanks. */
  origin: string | null;
  /** null when blank: neither distributor nor target. */
  distStat: DvipaDistStat | null;
  actTime: string | null;
  extra: Record<string, string>;
}

export interface VipaRouteStatus {
  destXcf: string;
  targetIp: string | null;
  rtStatus: string | null;
  extra: Record<string, string>;
}

export interface VipadynReport {
  dvipas: DvipaEntry[];
  routes: VipaRouteStatus[];
  unknownLines: string[];
}

const ADDRESS_LABELS = ["IP ADDRESS/PREFIXLEN", "IPADDR/PREFIXLEN", "IP ADDRESS", "IPADDR"];
const DVIPA_KNOWN = new Set([...ADDRESS_LABELS, "INTFNAME", "STATUS", "ORIGIN", "DISTSTAT", "ACTTIME"]);
const ROUTE_KNOWN = new Set(["DESTXCF", "TARGETIP", "RTSTATUS"]);
const STATUSES: readonly DvipaStatus[] = ["ACTIVE", "BACKUP", "MOVING", "QUIESCING", "DEACTIVATED"];

const DYNAMIC_RE = /^\s*DYNAMIC\s+VIPA\s*:?\s*$/i;
const ROUTE_RE = /^\s*VIPA\s+ROUTE\s*:?\s*$/i;

function distStat(value: string | undefined): DvipaDistStat | null {
  const v = (blankToNull(value) ?? "").replace(/\s+/g, "");
  return v === "DIST" || v === "DEST" || v === "DIST/DEST" ? v : null;
}

function dvipa(bag: FieldBag): DvipaEntry {
  const { address, prefixLen } = parseAddressPrefix(bag.getAny(ADDRESS_LABELS) ?? "");
  const statusRaw = blankToNull(bag.get("STATUS"));
  return {
    address,
    prefixLen,
    intfName: blankToNull(bag.get("INTFNAME")),
    status: STATUSES.find((s) => s === statusRaw) ?? null,
    statusRaw,
    origin: blankToNull(bag.get("ORIGIN")),
    distStat: distStat(bag.get("DISTSTAT")),
    actTime: blankToNull(bag.get("ACTTIME")),
    extra: bag.extra(DVIPA_KNOWN),
  };
}

export function parseVipadynBody(lines: string[]): VipadynReport {
  const dvipas = new RecordGrouper([ADDRESS_LABELS, ["INTFNAME"]]);
  const routes = new RecordGrouper([["DESTXCF"]]);
  const unknownLines: string[] = [];
  let section: "DVIPA" | "ROUTE" = "DVIPA";

  for (const line of lines) {
    if (DYNAMIC_RE.test(line)) {
      section = "DVIPA";
      continue;
    }
    if (ROUTE_RE.test(line)) {
      section = "ROUTE";
      continue;
    }
    const fields = lineFields(line);
    if (fields.length === 0) {
      unknownLines.push(line.trim());
      continue;
    }
    const grouper = section === "DVIPA" ? dvipas : routes;
    const starts = section === "DVIPA" ? [...ADDRESS_LABELS, "INTFNAME"] : ["DESTXCF"];
    if (!grouper.open && !starts.includes(fields[0].label)) {
      unknownLines.push(line.trim());
      continue;
    }
    for (const f of fields) grouper.add(f);
  }

  return {
    dvipas: dvipas.records.map(dvipa),
    routes: routes.records.map((bag) => ({
      destXcf: norm(bag.get("DESTXCF") ?? ""),
      targetIp: blankToNull(bag.get("TARGETIP")),
      rtStatus: blankToNull(bag.get("RTSTATUS")),
      extra: bag.extra(ROUTE_KNOWN),
    })),
    unknownLines,
  };
}

export function parseVipadyn(text: string): NetstatResult<"VIPADYN", VipadynReport> {
  return classifyNetstat("VIPADYN", text, { parseBody: parseVipadynBody, size: (r) => r.dvipas.length + r.routes.length });
}
