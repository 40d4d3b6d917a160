/**
 * `D TCPIP,<proc>,NETSTAT,VIPADCFG[,DETAIL]`: the dynamic VIPA configuration of one stack.
 * This is what `verify` compares with the intended VIPADEFINE/VIPABACKUP/VIPADISTRIBUTE.
 */
import {
  FieldBag,
  RecordGrouper,
  blankToNull,
  lineFields,
  norm,
  numberOrNo,
  parseAddressPrefix,
  parseSocket,
  toInt,
  yesNo,
} from "./fields";
import { classifyNetstat, type NetstatResult } from "./frame";

export type DistMethod = "HOTSTANDBY" | "BASEWLM" | "ROUNDROBIN" | "WEIGHTEDACTIVE" | "SERVERWLM";
export type SrvType = "PREFERRED" | "BACKUP";

/** `HotStandby`, `SERVERWLM`, `Weighted Active` → the statement keyword; unknown → null. */
export function normaliseDistMethod(value: string | undefined): DistMethod | null {
  if (value === undefined) return null;
  const v = value.replace(/[^A-Za-z]/g, "").toUpperCase();
  if (v.startsWith("HOTSTANDBY")) return "HOTSTANDBY";
  if (v.startsWith("BASEWLM")) return "BASEWLM";
  if (v.startsWith("ROUNDROBIN")) return "ROUNDROBIN";
  if (v.startsWith("WEIGHTEDACT")) return "WEIGHTEDACTIVE";
  if (v.startsWith("SERVERWLM")) return "SERVERWLM";
  return null;
}

export function normaliseSrvType(value: string | undefined): SrvType | null {
  const v = blankToNull(value);
  if (v === null) return null;
  if (v.startsWith("PREF")) return "PREFERRED";
  if (v.startsWith("BACK")) return "BACKUP";
  return null;
}

/** A distribution target's DEST and DESTXCF; VIPADCFG and VDPT print them alike. */
export function destinationFields(bag: FieldBag): { destAddress: string; destPort: number | null; destXcf: string | null } {
  const dest = parseSocket(bag.get("DEST") ?? "");
  return { destAddress: dest.address, destPort: dest.port, destXcf: blankToNull(bag.get("DESTXCF")) };
}

/** DISTMETHOD (normalised, and as printed) and SRVTYPE; VIPADCFG and VDPT print them alike. */
export function methodFields(bag: FieldBag): { distMethod: DistMethod | null; distMethodRaw: string | null; srvType: SrvType | null } {
  const method = bag.get("DISTMETHOD");
  return { distMethod: normaliseDistMethod(method), distMethodRaw: blankToNull(method), srvType: normaliseSrvType(bag.get("SRVTYPE")) };
}

interface VipaEntryBase {
  /** Upper case; IPv6 addresses keep their textual form. */
  address: string;
  prefixLen: number | null;
  /** IPv6 DVIPAs carry an interface name. */
  intfName: string | null;
  /** Listed under `DEACTIVATED DYNAMIC VIPA INFORMATION`. */
  deactivated: boolean;
  extra: Record<string, string>;
}

export interface VipaBackupEntry extends VipaEntryBase {
  rank: number | null;
  /** IMMEDIATE, WHENIDLE, ...; null when blank. */
  moveable: string | null;
  srvMgr: boolean | null;
}

export interface VipaDefineEntry extends VipaEntryBase {
  moveable: string | null;
  srvMgr: boolean | null;
}

export interface VipaRangeEntry extends VipaEntryBase {
  /** NONDISR, DISRUPT, ... */
  moveable: string | null;
}

export interface VipaDistributeEntry {
  destAddress: string;
  destPort: number | null;
  destXcf: string | null;
  distMethod: DistMethod | null;
  /** As printed, for a method this parser does not know. */
  distMethodRaw: string | null;
  srvType: SrvType | null;
  rank: number | null;
  autoSwitchBack: boolean | null;
  healthSwitch: boolean | null;
  sysPt: boolean | null;
  /** Seconds, or false for NO. */
  timAff: number | false | null;
  flg: string | null;
  /** DETAIL only: a number, or false for NO. */
  optLoc: number | false | null;
  /** DETAIL only (WEIGHTEDACTIVE). */
  weight: number | null;
  deactivated: boolean;
  extra: Record<string, string>;
}

export interface VipaRouteEntry {
  destXcf: string;
  targetIp: string | null;
  extra: Record<string, string>;
}

export interface VipadcfgReport {
  backups: VipaBackupEntry[];
  defines: VipaDefineEntry[];
  ranges: VipaRangeEntry[];
  distributes: VipaDistributeEntry[];
  routes: VipaRouteEntry[];
  /** Lines outside any known section or without a label. */
  unknownLines: string[];
}

type Section = "BACKUP" | "DEFINE" | "RANGE" | "DISTRIBUTE" | "ROUTE" | "OTHER";

const ADDRESS_LABELS = ["IPADDR/PREFIXLEN", "IP ADDRESS/PREFIXLEN", "IPADDR", "IP ADDRESS"];
const SECTION_RE = /^\s*VIPA\s+(BACKUP|DEFINE|RANGE|DISTRIBUTE|ROUTE)\s*:?\s*$/i;
const OTHER_SECTION_RE = /^\s*VIPA\s+[A-Z][A-Z ]*:?\s*$/i;
const INFO_RE = /^\s*(DEACTIVATED\s+)?DYNAMIC\s+VIPA\s+INFORMATION\s*:?\s*$/i;

const ENTRY_KNOWN = new Set([...ADDRESS_LABELS, "INTFNAME", "RANK", "MOVEABLE", "SRVMGR"]);
const DIST_KNOWN = new Set([
  "DEST",
  "DESTXCF",
  "DISTMETHOD",
  "SRVTYPE",
  "RANK",
  "AUTOSWITCHBACK",
  "HEALTHSWITCH",
  "SYSPT",
  "TIMAFF",
  "FLG",
  "OPTLOC",
  "WEIGHT",
]);
const ROUTE_KNOWN = new Set(["DESTXCF", "TARGETIP"]);

function entryBase(bag: FieldBag, deactivated: boolean): VipaEntryBase {
  const { address, prefixLen } = parseAddressPrefix(bag.getAny(ADDRESS_LABELS) ?? "");
  return { address, prefixLen, intfName: blankToNull(bag.get("INTFNAME")), deactivated, extra: bag.extra(ENTRY_KNOWN) };
}

function distributeEntry(bag: FieldBag, deactivated: boolean): VipaDistributeEntry {
  return {
    ...destinationFields(bag),
    ...methodFields(bag),
    rank: toInt(bag.get("RANK")),
    autoSwitchBack: yesNo(bag.get("AUTOSWITCHBACK")),
    healthSwitch: yesNo(bag.get("HEALTHSWITCH")),
    sysPt: yesNo(bag.get("SYSPT")),
    timAff: numberOrNo(bag.get("TIMAFF")),
    flg: blankToNull(bag.get("FLG")),
    optLoc: numberOrNo(bag.get("OPTLOC")),
    weight: toInt(bag.get("WEIGHT")),
    deactivated,
    extra: bag.extra(DIST_KNOWN),
  };
}

/** Records of one section, with whether they were under the deactivated heading. */
interface SectionRun {
  section: Section;
  deactivated: boolean;
  grouper: RecordGrouper;
}

function grouperFor(section: Section): RecordGrouper {
  if (section === "DISTRIBUTE") return new RecordGrouper([["DEST"]], { label: "DESTXCF", inherit: ["DEST"] });
  if (section === "ROUTE") return new RecordGrouper([["DESTXCF"]]);
  return new RecordGrouper([ADDRESS_LABELS, ["INTFNAME"]]);
}

/** The entries of one section run, by the section they were read in. */
function addEntries(report: VipadcfgReport, r: SectionRun): void {
  for (const bag of r.grouper.records) {
    switch (r.section) {
      case "BACKUP":
        report.backups.push({
          ...entryBase(bag, r.deactivated),
          rank: toInt(bag.get("RANK")),
          moveable: blankToNull(bag.get("MOVEABLE")),
          srvMgr: yesNo(bag.get("SRVMGR")),
        });
        break;
      case "DEFINE":
        report.defines.push({
          ...entryBase(bag, r.deactivated),
          moveable: blankToNull(bag.get("MOVEABLE")),
          srvMgr: yesNo(bag.get("SRVMGR")),
        });
        break;
      case "RANGE":
        report.ranges.push({ ...entryBase(bag, r.deactivated), moveable: blankToNull(bag.get("MOVEABLE")) });
        break;
      case "DISTRIBUTE":
        report.distributes.push(distributeEntry(bag, r.deactivated));
        break;
      case "ROUTE":
        report.routes.push({
          destXcf: norm(bag.get("DESTXCF") ?? ""),
          targetIp: blankToNull(bag.get("TARGETIP")),
          extra: bag.extra(ROUTE_KNOWN),
        });
        break;
    }
  }
}

export function parseVipadcfgBody(lines: string[]): VipadcfgReport {
  const report: VipadcfgReport = { backups: [], defines: [], ranges: [], distributes: [], routes: [], unknownLines: [] };
  const runs: SectionRun[] = [];
  let run: SectionRun | null = null;
  let deactivated = false;

  const startRun = (section: Section): SectionRun => {
    run = { section, deactivated, grouper: grouperFor(section) };
    runs.push(run);
    return run;
  };

  for (const line of lines) {
    const info = line.match(INFO_RE);
    if (info) {
      // The heading may repeat when pieces were joined; only a change of state ends a section.
      const nowDeactivated = info[1] !== undefined;
      if (nowDeactivated !== deactivated) run = null;
      deactivated = nowDeactivated;
      continue;
    }
    const heading = line.match(SECTION_RE);
    if (heading) {
      startRun(heading[1].toUpperCase() as Section);
      continue;
    }
    if (OTHER_SECTION_RE.test(line) && lineFields(line).length <= 1) {
      startRun("OTHER");
      continue;
    }
    const fields = lineFields(line);
    let current = run as SectionRun | null;
    // A drifted or missing heading: a DEST: line can only belong to the distribute section.
    if (fields.length > 0 && fields[0].label === "DEST" && (current === null || current.section !== "DISTRIBUTE")) {
      if (current === null || current.section === "OTHER") current = startRun("DISTRIBUTE");
    }
    if (fields.length === 0 || current === null || current.section === "OTHER") {
      report.unknownLines.push(line.trim());
      continue;
    }
    for (const f of fields) current.grouper.add(f);
  }

  for (const r of runs) addEntries(report, r);
  return report;
}

export function vipadcfgSize(r: VipadcfgReport): number {
  return r.backups.length + r.defines.length + r.ranges.length + r.distributes.length + r.routes.length;
}

export function parseVipadcfg(text: string): NetstatResult<"VIPADCFG", VipadcfgReport> {
  return classifyNetstat("VIPADCFG", text, { parseBody: parseVipadcfgBody, size: vipadcfgSize });
}
