/**
 * `D TCPIP,<proc>,NETSTAT,VDPT[,DETAIL]`: the destination port table of a distributing stack.
 * Under HOTSTANDBY the target with `FLG: ACTIVE` receives the connections, and `RDY` says
 * whether a listener is ready there: the two facts hot standby verification rests on.
 */
import { FieldBag, RecordGrouper, blankToNull, lineFields, toInt } from "./fields";
import { classifyNetstat, type NetstatResult } from "./frame";
import { destinationFields, methodFields, type DistMethod, type SrvType } from "./vipadcfg";

/** `B`: a WLM system weight (BASEWLM); `S`: a server-specific weight (SERVERWLM). */
export type WlmWeightKind = "system" | "server";

/** TCP/IP stack targets, or the non-z/OS (GRE/ENCAP) targets listed in a second section. */
export type VdptTargetKind = "stack" | "non-zos";

export interface VdptEntry {
  destAddress: string;
  destPort: number | null;
  destXcf: string | null;
  totalConn: number | null;
  /** Ready listeners on the target; 0 means nothing is listening there. */
  rdy: number | null;
  wlm: number | null;
  wlmKind: WlmWeightKind | null;
  tsr: number | null;
  distMethod: DistMethod | null;
  distMethodRaw: string | null;
  srvType: SrvType | null;
  /** ACTIVE, BACKUP, ...; null when blank. */
  flg: string | null;
  target: VdptTargetKind;
  extra: Record<string, string>;
}

export interface VdptReport {
  entries: VdptEntry[];
  unknownLines: string[];
}

const KNOWN = new Set(["DEST", "DESTXCF", "TOTALCONN", "RDY", "WLM", "TSR", "DISTMETHOD", "SRVTYPE", "FLG"]);
const NON_ZOS_RE = /DESTINATION\s+PORT\s+TABLE\s+FOR\s+NON-?\s*Z\/?OS/i;
const TABLE_RE = /DESTINATION\s+PORT\s+TABLE/i;

function parseWlm(value: string | undefined): { wlm: number | null; wlmKind: WlmWeightKind | null } {
  const m = (value ?? "").trim().match(/^(\d+)\s*([BS])?$/i);
  if (!m) return { wlm: null, wlmKind: null };
  const kind = m[2]?.toUpperCase();
  return { wlm: Number.parseInt(m[1], 10), wlmKind: kind === "B" ? "system" : kind === "S" ? "server" : null };
}

function entry(bag: FieldBag, target: VdptTargetKind): VdptEntry {
  return {
    ...destinationFields(bag),
    totalConn: toInt(bag.get("TOTALCONN")),
    rdy: toInt(bag.get("RDY")),
    ...parseWlm(bag.get("WLM")),
    tsr: toInt(bag.get("TSR")),
    ...methodFields(bag),
    flg: blankToNull(bag.get("FLG")),
    target,
    extra: bag.extra(KNOWN),
  };
}

export function parseVdptBody(lines: string[]): VdptReport {
  const unknownLines: string[] = [];
  const groups: { target: VdptTargetKind; grouper: RecordGrouper }[] = [];
  let target: VdptTargetKind = "stack";
  let current: { target: VdptTargetKind; grouper: RecordGrouper } | null = null;

  for (const line of lines) {
    if (TABLE_RE.test(line)) {
      // A repeated heading (joined pieces) keeps the open record; a new section closes it.
      const next: VdptTargetKind = NON_ZOS_RE.test(line) ? "non-zos" : "stack";
      if (next !== target || current === null) {
        target = next;
        current = null;
      }
      continue;
    }
    const fields = lineFields(line);
    if (fields.length === 0) {
      unknownLines.push(line.trim());
      continue;
    }
    if (current === null) {
      // Fields before any DEST: cannot be attributed to a target.
      if (fields[0].label !== "DEST") {
        unknownLines.push(line.trim());
        continue;
      }
      current = { target, grouper: new RecordGrouper([["DEST"]], { label: "DESTXCF", inherit: ["DEST"] }) };
      groups.push(current);
    }
    for (const f of fields) current.grouper.add(f);
  }

  const entries = groups.flatMap((g) => g.grouper.records.map((bag) => entry(bag, g.target)));
  return { entries, unknownLines };
}

export function parseVdpt(text: string): NetstatResult<"VDPT", VdptReport> {
  return classifyNetstat("VDPT", text, { parseBody: parseVdptBody, size: (r) => r.entries.length });
}

/** The entries whose FLG marks them as receiving connections. */
export function activeTargets(report: VdptReport): VdptEntry[] {
  return report.entries.filter((e) => e.flg !== null && e.flg.split(/\s+/).includes("ACTIVE"));
}
