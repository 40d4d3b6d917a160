/**
 * Shared helpers for NETSTAT bodies written as `LABEL: value` pairs.
 *
 * Layouts drift between releases (spacing, case, extra fields), so every parser keys on
 * label tokens rather than columns, and keeps what it does not know in an `extra` map.
 */

export interface Field {
  /** Upper case, inner whitespace collapsed (`IP ADDRESS/PREFIXLEN`). */
  label: string;
  /** Trimmed, case preserved; empty when the label has no value. */
  value: string;
}

/** An IPv4 or IPv6 address with an optional prefix length. */
export interface AddressWithPrefix {
  address: string;
  prefixLen: number | null;
}

/** A socket printed as `address..port`. */
export interface SocketAddress {
  address: string;
  /** null when the port is absent or printed as `*`. */
  port: number | null;
}

// Labels allowed to touch their value (`DEST:1.2.3.4..80`); any other word glued to a colon
// may be part of an IPv6 address (`FEC0::1`), so it is not taken for a label.
const KNOWN_LABELS = new Set([
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
  "MOVEABLE",
  "SRVMGR",
  "IPADDR/PREFIXLEN",
  "IPADDR",
  "INTFNAME",
  "TOTALCONN",
  "RDY",
  "WLM",
  "TSR",
  "STATUS",
  "ORIGIN",
  "DISTSTAT",
  "ACTTIME",
  "TARGETIP",
  "RTSTATUS",
  "LINKNAME",
  "ADDRESS",
  "FLAGS",
]);

// First words that join the next word into one label (`LOCAL SOCKET:`, `IP ADDRESS/PREFIXLEN:`).
const JOINING_WORDS = new Set(["IP", "LOCAL", "FOREIGN", "REMOTE"]);

const LABEL_RE = /(^|\s)([A-Za-z][A-Za-z0-9/#_.-]*):(?=(\s|$|[^:\s]))/g;

/** Splits one line into its `LABEL: value` pairs; a line with no label gives []. */
export function lineFields(line: string): Field[] {
  const found: { label: string; start: number; valueStart: number }[] = [];
  for (const m of line.matchAll(LABEL_RE)) {
    const word = m[2];
    const glued = m[3] !== "" && !/\s/.test(m[3]);
    if (glued && !KNOWN_LABELS.has(word.toUpperCase())) continue;
    const wordStart = (m.index ?? 0) + m[1].length;
    let start = wordStart;
    let label = word.toUpperCase();
    // Words that open the line belong to its first label (`APPLICATION DATA:`).
    const leading = found.length === 0 ? line.slice(0, wordStart).match(/^\s*([A-Za-z]+(?: [A-Za-z]+)*) $/) : null;
    const before = line.slice(0, wordStart).match(/([A-Za-z]+)\s+$/);
    if (leading) {
      start = leading[0].length - leading[1].length - 1;
      label = `${leading[1].toUpperCase()} ${label}`;
    } else if (before && JOINING_WORDS.has(before[1].toUpperCase())) {
      start -= before[0].length;
      label = `${before[1].toUpperCase()} ${label}`;
    }
    found.push({ label, start, valueStart: wordStart + word.length + 1 });
  }
  return found.map((f, i) => {
    const valueEnd = i + 1 < found.length ? found[i + 1].start : line.length;
    return { label: f.label, value: line.slice(f.valueStart, valueEnd).trim() };
  });
}

/** Upper case with runs of blanks collapsed: the canonical form of an enumerated value. */
export function norm(value: string): string {
  return value.trim().replace(/\s+/g, " ").toUpperCase();
}

/** `000100` → 100; anything that is not all digits → null. */
export function toInt(value: string | undefined): number | null {
  if (value === undefined) return null;
  const v = value.trim();
  return /^\d+$/.test(v) ? Number.parseInt(v, 10) : null;
}

/** YES/NO (any case, also Y/N) → boolean; blank or anything else → null. */
export function yesNo(value: string | undefined): boolean | null {
  if (value === undefined) return null;
  const v = norm(value);
  if (v === "YES" || v === "Y") return true;
  if (v === "NO" || v === "N") return false;
  return null;
}

/** `NO` → false, a number → the number, blank → null (OPTLOC, TIMAFF). */
export function numberOrNo(value: string | undefined): number | false | null {
  if (value === undefined) return null;
  if (yesNo(value) === false) return false;
  return toInt(value);
}

/** Blank → null, otherwise the normalised value. */
export function blankToNull(value: string | undefined): string | null {
  if (value === undefined) return null;
  const v = norm(value);
  return v === "" ? null : v;
}

export function isIpAddress(token: string): boolean {
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(token)) return true;
  if (token === "::") return true;
  return (
    (/^[0-9A-Fa-f:.]+$/.test(token) && token.includes("::")) ||
    /^[0-9A-Fa-f]{1,4}(:[0-9A-Fa-f]{0,4}){2,7}(:\d{1,3}(\.\d{1,3}){3})?$/.test(token)
  );
}

/** `201.2.10.11/28` → address and prefix; IPv6 works the same way. */
export function parseAddressPrefix(value: string): AddressWithPrefix {
  const v = value.trim().split(/\s+/)[0] ?? "";
  const slash = v.lastIndexOf("/");
  if (slash > 0 && /^\d+$/.test(v.slice(slash + 1))) {
    return { address: v.slice(0, slash).toUpperCase(), prefixLen: Number.parseInt(v.slice(slash + 1), 10) };
  }
  return { address: v.toUpperCase(), prefixLen: null };
}

/** `9.67.240.2..10000` → address and port. The last `..` splits, which IPv6 never contains. */
export function parseSocket(value: string): SocketAddress {
  const v = value.trim().split(/\s+/)[0] ?? "";
  const at = v.lastIndexOf("..");
  if (at < 0) return { address: v.toUpperCase(), port: null };
  const portText = v.slice(at + 2);
  return { address: v.slice(0, at).toUpperCase(), port: /^\d+$/.test(portText) ? Number.parseInt(portText, 10) : null };
}

/**
 * Fields of one record, in order. The first value wins when DETAIL repeats a label;
 * later ones go to `extra` under a numbered key so nothing is lost.
 */
export class FieldBag {
  private readonly values = new Map<string, string>();
  readonly extraDuplicates: Record<string, string> = {};

  get size(): number {
    return this.values.size;
  }

  labels(): string[] {
    return [...this.values.keys()];
  }

  has(label: string): boolean {
    return this.values.has(label);
  }

  get(label: string): string | undefined {
    return this.values.get(label);
  }

  /** The first label of `labels` that is present. */
  getAny(labels: readonly string[]): string | undefined {
    for (const l of labels) if (this.values.has(l)) return this.values.get(l);
    return undefined;
  }

  set(label: string, value: string): void {
    if (!this.values.has(label)) {
      this.values.set(label, value);
      return;
    }
    let n = 2;
    while (`${label}#${n}` in this.extraDuplicates) n++;
    this.extraDuplicates[`${label}#${n}`] = value;
  }

  /** Labels not in `known`, for the record's `extra` map. */
  extra(known: ReadonlySet<string>): Record<string, string> {
    const out: Record<string, string> = {};
    for (const [k, v] of this.values) if (!known.has(k)) out[k] = v;
    return Object.assign(out, this.extraDuplicates);
  }
}

/**
 * Groups a run of fields into records. A label of a starting group begins a new record when
 * the current one already holds a label of that group, or holds another group's label and
 * more fields after it. So `INTFNAME:` then `IPADDR:` stays one record, a second `IPADDR:`
 * starts one, and `INTFNAME:` after a complete IPv4 entry starts one.
 */
export class RecordGrouper {
  readonly records: FieldBag[] = [];
  private current: FieldBag | null = null;

  /**
   * @param repeat A label that, seen twice, means another record sharing the listed labels
   *   (a `DEST:` printed once for several `DESTXCF:` targets).
   */
  constructor(
    private readonly startGroups: readonly (readonly string[])[],
    private readonly repeat?: { label: string; inherit: readonly string[] },
  ) {}

  add(field: Field): void {
    if (this.current !== null && this.repeat && field.label === this.repeat.label && this.current.has(field.label)) {
      const previous = this.current;
      this.current = new FieldBag();
      this.records.push(this.current);
      for (const l of this.repeat.inherit) {
        const v = previous.get(l);
        if (v !== undefined) this.current.set(l, v);
      }
    } else if (this.current === null || this.startsRecord(field.label, this.current)) {
      this.current = new FieldBag();
      this.records.push(this.current);
    }
    this.current.set(field.label, field.value);
  }

  private startsRecord(label: string, bag: FieldBag): boolean {
    const group = this.startGroups.find((g) => g.includes(label));
    if (!group) return false;
    if (group.some((l) => bag.has(l))) return true;
    // Another group's label is there and the record has gone on past it: this is the next one.
    const startLabels = this.startGroups.flat();
    return startLabels.some((l) => bag.has(l)) && bag.labels().some((l) => !startLabels.includes(l));
  }

  /** True when a record is open (fields without a starting label join it). */
  get open(): boolean {
    return this.current !== null;
  }
}
