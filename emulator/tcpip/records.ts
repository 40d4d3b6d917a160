/**
 * Reading a PDS member the way the TCP/IP profile reader sees it (§5.1 / §5.2):
 * fixed 80-byte records whose columns 72 onwards are sequence numbers, `;` starts a
 * comment that runs to the end of the record.
 */
import type { EmulatorState, PdsDataset } from "../state";

export interface Token {
  text: string;
  upper: string;
  line: number;
}

/** Splits `DS.NAME(MEM)` (quotes allowed) into its parts; null when it is not that shape. */
export function splitDsn(spec: string): { dsn: string; member?: string } | null {
  const s = spec
    .trim()
    .replace(/^'(.*)'$/, "$1")
    .toUpperCase();
  const m = /^([A-Z0-9@#$.-]+?)(?:\(([A-Z0-9@#$]{1,8})\))?$/.exec(s);
  if (!m) return null;
  return { dsn: m[1], member: m[2] };
}

/** The text of a data set member, or a reason it cannot be read. */
export function readMember(state: EmulatorState, spec: string): { text: string; name: string } | { error: string; name: string } {
  const parts = splitDsn(spec);
  const name = spec
    .trim()
    .replace(/^'(.*)'$/, "$1")
    .toUpperCase();
  if (!parts) return { error: "INVALID DATA SET NAME", name };
  const ds = state.datasets[parts.dsn];
  if (!ds) return { error: "DATA SET NOT FOUND", name };
  if (ds.dsorg === "PS") {
    if (parts.member) return { error: "DATA SET IS NOT PARTITIONED", name };
    return { text: ds.content, name };
  }
  if (ds.dsorg !== "PO") return { error: "DATA SET CANNOT BE OPENED", name };
  if (!parts.member) return { error: "MEMBER NAME REQUIRED", name };
  const member = (ds as PdsDataset).members[parts.member];
  if (!member) return { error: "MEMBER NOT FOUND", name };
  return { text: member.content, name };
}

/** A member found through a concatenation (PROCLIB, PARMLIB), first hit wins. */
export function findInConcatenation(state: EmulatorState, libraries: string[], member: string): { text: string; library: string } | null {
  for (const lib of libraries) {
    const ds = state.datasets[lib.toUpperCase()];
    if (ds && ds.dsorg === "PO") {
      const m = ds.members[member.toUpperCase()];
      if (m) return { text: m.content, library: lib.toUpperCase() };
    }
  }
  return null;
}

/** Profile tokens with their line numbers: columns 72+ and `;` comments dropped. */
export function profileTokens(text: string): Token[] {
  const tokens: Token[] = [];
  text.split(/\r?\n/).forEach((record, i) => {
    let data = record.slice(0, 71);
    const semi = data.indexOf(";");
    if (semi >= 0) data = data.slice(0, semi);
    for (const word of data.split(/\s+/)) {
      if (word) tokens.push({ text: word, upper: word.toUpperCase(), line: i + 1 });
    }
  });
  return tokens;
}
