/**
 * `D TCPIP,<proc>,NETSTAT,CONN|ALLCONN[,PORT=n]`: connections, read for their listeners.
 *
 * Console form: a row `USER CONNID STATE` followed by labelled `LOCAL SOCKET:` and
 * `FOREIGN SOCKET:` lines. The TSO short form puts both sockets on the row
 * (`USER CONNID LOCAL FOREIGN STATE`). Both are accepted.
 */
import { isIpAddress, lineFields, norm, parseSocket, type SocketAddress } from "./fields";
import { classifyNetstat, type NetstatResult } from "./frame";

export interface ConnEntry {
  /** Job or user name, upper case. */
  user: string;
  /** Connection id, upper case hex as printed. */
  connId: string;
  /** As printed, upper case: LISTEN, ESTBLSH, ESTABLSH, CLOSWAIT, ... */
  state: string;
  listening: boolean;
  local: SocketAddress | null;
  foreign: SocketAddress | null;
  extra: Record<string, string>;
}

export interface ConnReport {
  entries: ConnEntry[];
  unknownLines: string[];
}

const HEADING_RE = /^\s*USER\s*ID\s+CONN\b/i;
const JOB_RE = /^[A-Z0-9$#@*?]{1,8}$/i;
const CONN_ID_RE = /^[0-9A-F]{1,8}$/i;
const STATE_RE = /^[A-Z][A-Z_-]*$/i;

function isSocket(token: string): boolean {
  return token.includes("..") || isIpAddress(token);
}

function row(line: string): ConnEntry | null {
  const t = line.trim().split(/\s+/);
  if (t.length < 3 || !JOB_RE.test(t[0]) || !CONN_ID_RE.test(t[1])) return null;
  const make = (state: string, local: SocketAddress | null, foreign: SocketAddress | null): ConnEntry => ({
    user: t[0].toUpperCase(),
    connId: t[1].toUpperCase(),
    state: state.toUpperCase(),
    listening: state.toUpperCase() === "LISTEN",
    local,
    foreign,
    extra: {},
  });
  if (t.length >= 5 && isSocket(t[2]) && isSocket(t[3]) && STATE_RE.test(t[4])) {
    return make(t[4], parseSocket(t[2]), parseSocket(t[3]));
  }
  if (STATE_RE.test(t[2]) && !isSocket(t[2])) return make(t[2], null, null);
  return null;
}

export function parseConnBody(lines: string[]): ConnReport {
  const entries: ConnEntry[] = [];
  const unknownLines: string[] = [];
  let current: ConnEntry | null = null;
  for (const line of lines) {
    if (HEADING_RE.test(line) || /^[\s-]+$/.test(line)) continue;
    const fields = lineFields(line);
    if (fields.length > 0 && current !== null) {
      for (const f of fields) {
        if (f.label === "LOCAL SOCKET") current.local = parseSocket(f.value);
        else if (f.label === "FOREIGN SOCKET" || f.label === "REMOTE SOCKET") current.foreign = parseSocket(f.value);
        else current.extra[f.label] = f.value;
      }
      continue;
    }
    const entry = fields.length === 0 ? row(line) : null;
    if (entry) {
      entries.push(entry);
      current = entry;
    } else {
      unknownLines.push(line.trim());
    }
  }
  return { entries, unknownLines };
}

export function parseConnections(text: string): NetstatResult<"CONN", ConnReport> {
  return classifyNetstat("CONN", text, { parseBody: parseConnBody, size: (r) => r.entries.length });
}

const WILDCARDS = new Set(["0.0.0.0", "::", "::0", "*", "0:0:0:0:0:0:0:0"]);

/** `::FFFF:192.0.2.1` → `192.0.2.1`, so mapped and plain IPv4 compare equal. */
function plainAddress(address: string): string {
  const a = norm(address);
  const mapped = a.match(/^::FFFF:(\d{1,3}(\.\d{1,3}){3})$/);
  return mapped ? mapped[1] : a;
}

function isWildcard(address: string): boolean {
  return WILDCARDS.has(plainAddress(address));
}

export interface ListenerQuery {
  port: number;
  /** When given, a listener bound to this address or to the wildcard address matches. */
  address?: string;
}

/**
 * LISTEN entries on a port. A listener on `0.0.0.0` (or `::`) accepts connections for every
 * address, so it counts whatever address is asked for. Results other than `ok` have none.
 */
export function listenersOn(result: ConnReport | NetstatResult<"CONN", ConnReport>, query: ListenerQuery): ConnEntry[] {
  let report: ConnReport;
  if ("kind" in result) {
    if (result.kind !== "ok") return [];
    report = result.data;
  } else {
    report = result;
  }
  const wanted = query.address === undefined ? null : plainAddress(query.address);
  return report.entries.filter((e) => {
    if (!e.listening || e.local === null || e.local.port !== query.port) return false;
    if (wanted === null) return true;
    return isWildcard(e.local.address) || plainAddress(e.local.address) === wanted;
  });
}
