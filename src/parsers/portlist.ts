/**
 * `D TCPIP,<proc>,NETSTAT,PORTLIST[,PORT=n]`: the port reservation table (PORT statements).
 *
 * Rows are read by tokens, not fixed columns: `Port# Prot User Flags Range IP Address SAF Name`.
 * Flags, range, address and SAF name may each be blank, so trailing tokens are told apart by
 * their shape, helped by the heading's column positions when a heading is present.
 */
import { isIpAddress } from "./fields";
import { classifyNetstat, type NetstatResult } from "./frame";

export interface PortFlags {
  /** S: SHAREPORT. */
  shareport: boolean;
  /** W: SHAREPORTWLM. */
  shareportWlm: boolean;
  /** D: DELAYACKS. */
  delayAcks: boolean;
  /** B: BIND to one address. */
  bind: boolean;
  /** A: AUTOLOG. */
  autolog: boolean;
  /** R: RESERVED. */
  reserved: boolean;
  /** Letters not decoded above (e.g. F, L), in the order printed. */
  other: string[];
}

export interface PortlistEntry {
  /** null for an UNRSV (unreserved ports) rule. */
  port: number | null;
  unreserved: boolean;
  /** TCP or UDP, upper case. */
  protocol: string;
  /** Job name; may hold `*` and `?` wildcards (`ZCHA*`). */
  user: string;
  /** Flag letters as printed, upper case; "" when blank. */
  flags: string;
  flagSet: PortFlags;
  /** e.g. `04000-04009` for a PORTRANGE; null when blank. */
  range: string | null;
  bindAddress: string | null;
  safName: string | null;
  /** Tokens that fit no column. */
  extra: string[];
}

export interface PortlistReport {
  entries: PortlistEntry[];
  unknownLines: string[];
}

const HEADING_RE = /^\s*PORT#?\s+PROT\b/i;
const DASHES_RE = /^[\s-]+$/;
const ROW_START_RE = /^\s*(\d{1,5}|UNRSV)\s+(TCP|UDP)\s+(\S+)(.*)$/i;
// Used to decide flags vs SAF name when no heading gives the columns.
const KNOWN_FLAG_LETTERS = new Set([..."ABDFLRSW"]);

export function decodePortFlags(flags: string): PortFlags {
  const letters = [...flags.toUpperCase()];
  const known = new Set([..."SWDBAR"]);
  return {
    shareport: letters.includes("S"),
    shareportWlm: letters.includes("W"),
    delayAcks: letters.includes("D"),
    bind: letters.includes("B"),
    autolog: letters.includes("A"),
    reserved: letters.includes("R"),
    other: letters.filter((l) => !known.has(l)),
  };
}

interface Columns {
  flags?: number;
  ip?: number;
  saf?: number;
}

function headingColumns(line: string): Columns {
  const up = line.toUpperCase();
  const at = (re: RegExp): number | undefined => {
    const m = re.exec(up);
    return m ? m.index : undefined;
  };
  return { flags: at(/\bFLAGS?\b/), ip: at(/\bIP\s*ADDR/), saf: at(/\bSAF\b/) };
}

interface Token {
  text: string;
  col: number;
}

function tokens(text: string, offset: number): Token[] {
  return [...text.matchAll(/\S+/g)].map((m) => ({ text: m[0], col: offset + (m.index ?? 0) }));
}

function parseRow(line: string, columns: Columns | null): PortlistEntry | null {
  const m = line.match(ROW_START_RE);
  if (!m) return null;
  const rest = tokens(m[4], line.length - m[4].length);
  const entry: PortlistEntry = {
    port: /^\d+$/.test(m[1]) ? Number.parseInt(m[1], 10) : null,
    unreserved: m[1].toUpperCase() === "UNRSV",
    protocol: m[2].toUpperCase(),
    user: m[3].toUpperCase(),
    flags: "",
    flagSet: decodePortFlags(""),
    range: null,
    bindAddress: null,
    safName: null,
    extra: [],
  };
  let seenAddress = false;
  rest.forEach((t, i) => {
    const text = t.text.toUpperCase();
    const inSafColumn = columns?.saf !== undefined && t.col >= columns.saf - 1;
    if (isIpAddress(text) && entry.bindAddress === null && !inSafColumn) {
      entry.bindAddress = text;
      seenAddress = true;
    } else if (/^\d{1,5}-\d{1,5}$/.test(text) && entry.range === null) {
      entry.range = text;
    } else if (seenAddress || inSafColumn) {
      if (entry.safName === null) entry.safName = text;
      else entry.extra.push(text);
    } else if (i === 0 && /^[A-Z]+$/.test(text) && (columns !== null ? true : [...text].every((l) => KNOWN_FLAG_LETTERS.has(l)))) {
      entry.flags = text;
    } else if (entry.safName === null && /^[A-Z0-9$#@.]+$/.test(text)) {
      entry.safName = text;
    } else {
      entry.extra.push(text);
    }
  });
  entry.flagSet = decodePortFlags(entry.flags);
  return entry;
}

export function parsePortlistBody(lines: string[]): PortlistReport {
  const entries: PortlistEntry[] = [];
  const unknownLines: string[] = [];
  let columns: Columns | null = null;
  for (const line of lines) {
    if (HEADING_RE.test(line)) {
      columns = headingColumns(line);
      continue;
    }
    if (DASHES_RE.test(line)) continue;
    const entry = parseRow(line, columns);
    if (entry) entries.push(entry);
    else unknownLines.push(line.trim());
  }
  return { entries, unknownLines };
}

export function parsePortlist(text: string): NetstatResult<"PORTLIST", PortlistReport> {
  return classifyNetstat("PORTLIST", text, { parseBody: parsePortlistBody, size: (r) => r.entries.length });
}
