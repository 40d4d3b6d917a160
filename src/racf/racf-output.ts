/**
 * Reads what RACF commands answered (each command's messages, split by tso-output.ts). Listings count as "present" only when RACF's own listing shows
 * the entry; documented "not found" ids mean missing; anything else is unknown. Definition
 * outcomes key on message ids only (RACF Messages and Codes; facts §10.1).
 */
import type { Access, ListSubject } from "./security-catalogue";
import type { TsoCommandOutput } from "./tso-output";

/** The message id a line starts with (ICH…, IRR…, IKJ…), or undefined for a listing's own lines. */
export function messageId(line: string): string | undefined {
  return /^\s*([A-Z]{3}[A-Z0-9]{1,3}\d{3,5}[IEAWD])\b/.exec(line)?.[1];
}

const ids = (o: TsoCommandOutput) => o.messages.map(messageId).filter((x): x is string => x !== undefined);

/**
 * Ids that mean "there is no such entry" for each listing (RACF Messages and Codes):
 * LISTGRP ICH51003I, LISTUSER ICH30001I, RLIST ICH13003I, RACDCERT LIST IRRD107I (no
 * matching certificate) and IRRD105I (no certificate information for the user), LISTRING
 * IRRD114I (ring does not exist) and IRRD115I (user has no rings).
 */
const NOT_FOUND: Record<ListSubject["kind"], readonly string[]> = {
  group: ["ICH51003I"],
  user: ["ICH30001I"],
  profile: ["ICH13003I"],
  permit: ["ICH13003I"],
  certificate: ["IRRD107I", "IRRD105I"],
  ring: ["IRRD114I", "IRRD115I"],
  connection: ["IRRD114I", "IRRD115I"],
};

export type ListingVerdict =
  | { readonly state: "present" }
  /** `note` says why, when RACF answered with something other than a "not found" id. */
  | { readonly state: "missing"; readonly note?: string }
  /**
   * A certificate that exists but cannot serve: without every name the servers are reached by,
   * marked NOTRUST, or outside its validity dates (each reason in `problems`).
   */
  | { readonly state: "mismatch"; readonly missingNames: readonly string[]; readonly problems: readonly string[] }
  | { readonly state: "unknown"; readonly lines: readonly string[] };

const ACCESS_ORDER = ["NONE", "EXECUTE", "READ", "UPDATE", "CONTROL", "ALTER"];
const covers = (have: string, want: Access) => ACCESS_ORDER.indexOf(have.toUpperCase()) >= ACCESS_ORDER.indexOf(want);

/** Whether a listing shows its subject; `now` judges a certificate's validity dates. */
export function classifyListing(subject: ListSubject, out: TsoCommandOutput | undefined, now: Date = new Date()): ListingVerdict {
  if (!out) return { state: "unknown", lines: ["no output for the listing command"] };
  const shown = present(subject, out.messages, now);
  if (shown) return shown;
  if ((subject.kind === "profile" || subject.kind === "permit") && !/[*%]/.test(subject.name)) {
    const generic = genericShown(out.messages, subject.cls);
    if (generic !== undefined && ids(out).length === 0) {
      return {
        state: "missing",
        note: `${subject.cls} ${subject.name} has no discrete profile; only the generic profile ${generic} covers it (the definition creates the discrete one)`,
      };
    }
  }
  const found = ids(out);
  const notFound = NOT_FOUND[subject.kind];
  // A certificate or ring of a user RACF does not know yet (ICH21001I naming that user) is missing too.
  const ownerUndefined = (line: string) =>
    "owner" in subject && messageId(line) === "ICH21001I" && line.split(/[\s=,]+/).includes(subject.owner);
  const read = out.messages.filter((l) => messageId(l) !== undefined).every((l) => notFound.includes(messageId(l)!) || ownerUndefined(l));
  if (found.length > 0 && read) return { state: "missing" };
  // For a ring that exists, a connection it does not list is missing.
  if (subject.kind === "connection" && ringShown(out.messages, subject.ring) && found.length === 0) return { state: "missing" };
  if (subject.kind === "permit" && profileShown(out.messages, subject.cls, subject.name) && accessList(out.messages) && found.length === 0)
    return { state: "missing" };
  return { state: "unknown", lines: out.messages.filter((l) => l.trim() !== "").map((l) => l.trim()) };
}

function present(subject: ListSubject, lines: readonly string[], now: Date): ListingVerdict | undefined {
  switch (subject.kind) {
    case "group":
      return lines.some((l) => /^\s*INFORMATION FOR GROUP (\S+)\s*$/.exec(l)?.[1] === subject.name) ? { state: "present" } : undefined;
    case "user":
      return lines.some((l) => /^\s*USER=(\S+)/.exec(l)?.[1] === subject.name) ? { state: "present" } : undefined;
    case "profile":
      return profileShown(lines, subject.cls, subject.name) ? { state: "present" } : undefined;
    case "permit": {
      if (!profileShown(lines, subject.cls, subject.name)) return undefined;
      const acl = accessList(lines);
      const have = acl?.get(subject.id);
      return have && covers(have, subject.access) ? { state: "present" } : undefined;
    }
    case "certificate": {
      const block = certificateBlock(lines, subject.label);
      return block ? certificateVerdict(block, subject.requiredNames ?? [], now) : undefined;
    }
    case "ring":
      return ringShown(lines, subject.ring) ? { state: "present" } : undefined;
    case "connection": {
      if (!ringShown(lines, subject.ring)) return undefined;
      const owner = subject.certOwner === "CERTAUTH" || subject.certOwner === "SITE" ? subject.certOwner : `ID(${subject.certOwner})`;
      const row = ringRows(lines, subject.ring).find((r) => r.label === subject.label && r.owner === owner);
      return row && (!subject.isDefault || row.isDefault) ? { state: "present" } : undefined;
    }
  }
}

/** RLIST's profile block: the `CLASS NAME` header, its dashes, then `class name`. */
function profileShown(lines: readonly string[], cls: string, name: string): boolean {
  const same = (a: string, b: string) => (cls === "EJBROLE" ? a === b : a.toUpperCase() === b.toUpperCase());
  for (let i = 0; i + 2 < lines.length; i++) {
    if (!/^\s*CLASS\s+NAME\s*$/.test(lines[i]!) || !/^\s*-+\s+-+\s*$/.test(lines[i + 1]!)) continue;
    const m = /^\s*(\S+)\s+(\S+)\s*$/.exec(lines[i + 2]!);
    if (m && m[1]!.toUpperCase() === cls && same(m[2]!, name)) return true;
  }
  return false;
}

/**
 * The generic profile RLIST answered with for a discrete name: its row `class name (G)`.
 * INF: the (G) mark after a generic profile's name; RLIST lists the generic profile that
 * covers a name when there is no discrete one (DOC RLIST: generic profiles are listed in
 * the order they are searched for a resource match).
 */
function genericShown(lines: readonly string[], cls: string): string | undefined {
  for (let i = 0; i + 2 < lines.length; i++) {
    if (!/^\s*CLASS\s+NAME\s*$/.test(lines[i]!) || !/^\s*-+\s+-+\s*$/.test(lines[i + 1]!)) continue;
    const m = /^\s*(\S+)\s+(\S+)\s+\(G\)\s*$/.exec(lines[i + 2]!);
    if (m && m[1]!.toUpperCase() === cls) return m[2]!;
  }
  return undefined;
}

/** RLIST AUTHUSER's access list (`USER ACCESS ACCESS COUNT` table), id → access; undefined when not shown. */
function accessList(lines: readonly string[]): Map<string, string> | undefined {
  const start = lines.findIndex((l) => /^\s*USER\s+ACCESS\s+ACCESS\s+COUNT\s*$/.test(l));
  if (start < 0) return undefined;
  const acl = new Map<string, string>();
  for (const l of lines.slice(start + 2)) {
    const m = /^\s*(\S+)\s+(NONE|EXECUTE|READ|UPDATE|CONTROL|ALTER)\s+\d+\s*$/.exec(l);
    if (!m) break;
    acl.set(m[1]!, m[2]!);
  }
  return acl;
}

/** A `Name: value` line of a certificate block. */
const blockField = (block: readonly string[], name: string) =>
  block.map((l) => new RegExp(`^\\s*${name}:\\s*(\\S.*?)\\s*$`).exec(l)?.[1]).find((v) => v !== undefined);

/** RACDCERT LIST's `yyyy/mm/dd hh:mm:ss` (DOC: RACDCERT CHECKCERT example), read as UTC. */
function listedDate(v: string | undefined): Date | undefined {
  const m = /^(\d{4})\/(\d{2})\/(\d{2}) (\d{2}):(\d{2}):(\d{2})$/.exec(v ?? "");
  return m ? new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!)) : undefined;
}

/**
 * A listed certificate: present only when TRUST or HIGHTRUST, within its dates and carrying
 * every required name (DOC RACDCERT LIST: status trusted, not trusted or highly trusted, and
 * validity dates). A block without a readable status or dates is unknown.
 */
function certificateVerdict(block: readonly string[], required: readonly string[], now: Date): ListingVerdict {
  const status = blockField(block, "Status");
  const start = listedDate(blockField(block, "Start Date"));
  const end = listedDate(blockField(block, "End Date"));
  if (!status || !["TRUST", "HIGHTRUST", "NOTRUST"].includes(status) || !start || !end) {
    return { state: "unknown", lines: block.filter((l) => l.trim() !== "").map((l) => l.trim()) };
  }
  const problems: string[] = [];
  if (status === "NOTRUST") problems.push("its status is NOTRUST");
  if (now < start) problems.push(`it is not valid before ${blockField(block, "Start Date")}`);
  if (now > end) problems.push(`it expired on ${blockField(block, "End Date")}`);
  const names = altNames(block).map((n) => n.toLowerCase());
  const missingNames = required.filter((n) => !names.includes(n.toLowerCase()));
  if (missingNames.length) problems.push(`its subject alternative names lack ${missingNames.join(", ")}`);
  return problems.length ? { state: "mismatch", missingNames, problems } : { state: "present" };
}

/** RACDCERT LIST's block for one label: from `Label: x` to the next `Label:`. */
function certificateBlock(lines: readonly string[], label: string): string[] | undefined {
  const start = lines.findIndex((l) => /^\s*Label:\s(.*)$/.exec(l)?.[1]?.trim() === label);
  if (start < 0) return undefined;
  const next = lines.findIndex((l, i) => i > start && /^\s*Label:\s/.test(l));
  return lines.slice(start, next < 0 ? undefined : next) as string[];
}

/** The `Subject's AltNames:` entries of a certificate block (`IP: a`, `Domain: h`). */
export function altNames(block: readonly string[]): string[] {
  const start = block.findIndex((l) => /^\s*Subject's AltNames:\s*$/.test(l));
  if (start < 0) return [];
  const out: string[] = [];
  for (const l of block.slice(start + 1)) {
    const m = /^\s*(IP|Domain|Email|URI):\s*(\S+)\s*$/.exec(l);
    if (!m) break;
    if (m[1] === "IP" || m[1] === "Domain") out.push(m[2]!);
  }
  return out;
}

function ringShown(lines: readonly string[], ring: string): boolean {
  return lines.some((l, i) => /^\s*Ring:\s*$/.test(l) && lines[i + 1]?.trim() === `>${ring}<`);
}

/** LISTRING's certificate table for one ring. */
function ringRows(lines: readonly string[], ring: string): { label: string; owner: string; isDefault: boolean }[] {
  const at = lines.findIndex((l, i) => /^\s*Ring:\s*$/.test(l) && lines[i + 1]?.trim() === `>${ring}<`);
  const rows: { label: string; owner: string; isDefault: boolean }[] = [];
  for (const l of lines.slice(at + 2)) {
    if (/^\s*Ring:\s*$/.test(l)) break;
    const m = /^\s*(\S+)\s+(ID\(\S+\)|CERTAUTH|SITE)\s+(PERSONAL|CERTAUTH|SITE)\s+(YES|NO)\s*$/.exec(l);
    if (m) rows.push({ label: m[1]!, owner: m[2]!, isDefault: m[4] === "YES" });
  }
  return rows;
}

export type DefineOutcome = "defined" | "already defined" | "failed";

/**
 * Ids a successful definition may print (RACF Messages and Codes, and the messages a
 * RACLISTed class prints until it is refreshed): ICH01024I user defined as PROTECTED,
 * IRR52174I/IRR52177I AUTOGID/AUTOUID assigned, ICH10006I/ICH06011I RACLISTed profiles
 * not yet refreshed, ICH14063I SETROPTS complete, ICH14070I REFRESH had no effect,
 * IRRD113I self-signed certificate, IRRD199I certificate added.
 */
const INFORMATIONAL = new Set([
  "ICH01024I",
  "IRR52174I",
  "IRR52177I",
  "ICH10006I",
  "ICH06011I",
  "ICH14063I",
  "ICH14070I",
  "IRRD113I",
  "IRRD199I",
]);

/** "Already there" only for the command that id belongs to: RDEFINE ICH10102I, GENCERT IRRD109I, ADDRING IRRD122I. */
function alreadyId(command: string): string | undefined {
  const c = command.toUpperCase();
  if (/^\s*(RDEFINE|RDEF)\s/.test(c)) return "ICH10102I";
  if (/^\s*RACDCERT\s/.test(c) && /\sGENCERT(\s|$)/.test(c)) return "IRRD109I";
  if (/^\s*RACDCERT\s/.test(c) && /\sADDRING\(/.test(c)) return "IRRD122I";
  return undefined;
}

/** A definition command's outcome; lines that carry no id and follow none count as unread, so as failed. */
export function classifyDefine(c: TsoCommandOutput): { outcome: DefineOutcome; unread: string[] } {
  const already = alreadyId(c.command);
  let sawId = false;
  let sawAlready = false;
  const unread: string[] = [];
  for (const line of c.messages) {
    if (line.trim() === "") continue;
    const id = messageId(line);
    if (!id) {
      // A message's own continuation line.
      if (!sawId) unread.push(line.trim());
      continue;
    }
    sawId = true;
    if (id === already) sawAlready = true;
    else if (!INFORMATIONAL.has(id)) unread.push(line.trim());
  }
  if (unread.length) return { outcome: "failed", unread };
  return { outcome: sawAlready ? "already defined" : "defined", unread };
}

/** A listed certificate's `End Date`, or undefined when the listing shows no such certificate or no readable date. */
export function certificateEndDate(lines: readonly string[], label: string): Date | undefined {
  const block = certificateBlock(lines, label);
  return block ? listedDate(blockField(block, "End Date")) : undefined;
}
