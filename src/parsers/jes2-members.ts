/**
 * `$D MEMBER` as JES2 answers it (JES2 Commands, "$D MEMBer"): $HASP673 for each member of the
 * multi-access spool, MEMBER(n) followed by keyword=value pairs continued over lines, among
 * them NAME=, STATUS= (ACTIVE, DOWN, DORMANT, ...) and SYSNAME=, the MVS system the member
 * runs on. A response without $HASP673, or a member without NAME= and STATUS=, is unknown.
 */
import { splitLines } from "./frame";

export interface Jes2Member {
  readonly name: string;
  readonly status: string;
  /** The MVS image; absent while the member has never been active. */
  readonly sysname?: string;
}

export type Jes2Members =
  { readonly state: "known"; readonly members: readonly Jes2Member[] } | { readonly state: "unknown"; readonly lines: readonly string[] };

export function parseJes2Members(text: string): Jes2Members {
  const lines = splitLines(text).filter((l) => l.trim() !== "");
  const blocks: string[] = [];
  for (const line of lines) {
    const opens = /\$HASP673\s+MEMBER\(\d+\)(.*)$/.exec(line);
    if (opens) blocks.push(opens[1]!);
    else if (blocks.length > 0) blocks[blocks.length - 1] += line.replace(/^\s*\$HASP673\s/, "");
  }
  if (blocks.length === 0) return { state: "unknown", lines };
  const members: Jes2Member[] = [];
  for (const block of blocks) {
    const value = (key: string) => new RegExp(`(?:^|[\\s,])${key}=([A-Z0-9@#$]+)`).exec(block.toUpperCase())?.[1];
    const name = value("NAME");
    const status = value("STATUS");
    if (!name || !status) return { state: "unknown", lines };
    const sysname = value("SYSNAME");
    members.push(sysname ? { name, status, sysname } : { name, status });
  }
  return { state: "known", members };
}
