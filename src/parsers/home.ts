/**
 * `D TCPIP,<proc>,NETSTAT,HOME`: the stack's home addresses. The long format gives
 * `LINKNAME:`/`INTFNAME:`, `ADDRESS:` and `FLAGS:` lines; the short (older) format is a table
 * `ADDRESS LINK FLG` with `P` for the primary address. Both are read.
 */
import { FieldBag, RecordGrouper, isIpAddress, lineFields, norm } from "./fields";
import { classifyNetstat, type NetstatResult } from "./frame";

export interface HomeEntry {
  /** The link or interface name, upper case. */
  name: string | null;
  nameKind: "LINKNAME" | "INTFNAME" | null;
  address: string | null;
  /** PRIMARY, INTERNAL, ...: upper case, one word each. */
  flags: string[];
  primary: boolean;
  extra: Record<string, string>;
}

export interface HomeReport {
  entries: HomeEntry[];
  unknownLines: string[];
}

const KNOWN = new Set(["LINKNAME", "INTFNAME", "ADDRESS", "FLAGS"]);
const LIST_RE = /^\s*HOME\s+ADDRESS\s+LIST\s*:?\s*$/i;
const TABLE_HEADING_RE = /^\s*ADDRESS\s+LINK\s+FLG\s*$/i;

function fromBag(bag: FieldBag): HomeEntry {
  const nameKind = bag.has("LINKNAME") ? "LINKNAME" : bag.has("INTFNAME") ? "INTFNAME" : null;
  const name = nameKind ? norm(bag.get(nameKind)!) || null : null;
  const flags = norm(bag.get("FLAGS") ?? "")
    .split(" ")
    .filter((f) => f !== "");
  const address = norm(bag.get("ADDRESS") ?? "") || null;
  return { name, nameKind, address, flags, primary: flags.includes("PRIMARY"), extra: bag.extra(KNOWN) };
}

export function parseHomeBody(lines: string[]): HomeReport {
  const grouper = new RecordGrouper([["LINKNAME", "INTFNAME"], ["ADDRESS"]]);
  const tableEntries: HomeEntry[] = [];
  const unknownLines: string[] = [];
  for (const line of lines) {
    if (LIST_RE.test(line) || TABLE_HEADING_RE.test(line) || /^[\s-]+$/.test(line)) continue;
    const fields = lineFields(line);
    if (fields.length > 0) {
      for (const f of fields) grouper.add(f);
      continue;
    }
    const tokens = line.trim().split(/\s+/);
    if (tokens.length >= 2 && isIpAddress(tokens[0])) {
      const flag = (tokens[2] ?? "").toUpperCase();
      tableEntries.push({
        name: tokens[1].toUpperCase(),
        nameKind: null,
        address: tokens[0].toUpperCase(),
        flags: flag === "P" ? ["PRIMARY"] : flag ? [flag] : [],
        primary: flag === "P" || flag === "PRIMARY",
        extra: {},
      });
      continue;
    }
    unknownLines.push(line.trim());
  }
  return { entries: [...grouper.records.map(fromBag), ...tableEntries], unknownLines };
}

export function parseHome(text: string): NetstatResult<"HOME", HomeReport> {
  return classifyNetstat("HOME", text, { parseBody: parseHomeBody, size: (r) => r.entries.length });
}
