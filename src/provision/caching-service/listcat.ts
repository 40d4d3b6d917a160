/** The attributes of a KSDS that LISTCAT ALL prints and the Caching Service depends on. */
export interface ClusterAttributes {
  readonly type: string | null;
  readonly keyLength: number | null;
  readonly keyOffset: number | null;
  readonly averageRecord: number | null;
  readonly maximumRecord: number | null;
  readonly storageClass: string | null;
  readonly shareOptions: string | null;
  readonly volumes: readonly string[];
}

/** Reads `LABEL-----value` fields; only the DATA component's attributes are taken. */
export function parseListcat(text: string): ClusterAttributes | null {
  if (!/CLUSTER\s*-+\s*\S+/.test(text)) return null;
  const dataStart = text.search(/\bDATA\s*-+\s*\S+/);
  const indexStart = text.search(/\bINDEX\s*-+\s*\S+/);
  const data = dataStart >= 0 ? text.slice(dataStart, indexStart > dataStart ? indexStart : undefined) : text;
  const field = (where: string, label: string): string | null => new RegExp(`\\b${label}-+\\s*(\\S+)`).exec(where)?.[1] ?? null;
  const num = (v: string | null) => (v !== null && /^\d+$/.test(v) ? Number(v) : null);
  const sc = field(text, "STORAGECLASS");
  const type = /\b(INDEXED|NONINDEXED|NUMBERED|LINEAR)\b/.exec(data)?.[1] ?? null;
  return {
    type,
    keyLength: num(field(data, "KEYLEN")),
    keyOffset: num(field(data, "RKP")),
    averageRecord: num(field(data, "AVGLRECL")),
    maximumRecord: num(field(data, "MAXLRECL")),
    storageClass: sc && sc !== "(NULL)" ? sc : null,
    shareOptions: /SHROPTNS\((\d,\d)\)/.exec(data)?.[1] ?? null,
    volumes: [...data.matchAll(/\bVOLSER-+\s*(\S+)/g)].map((m) => m[1]!),
  };
}

export interface WantedCluster {
  readonly keyLength: number;
  readonly recordLength: number;
  readonly storageClass?: string;
  readonly volume?: string;
}

/** Each difference in words; empty = the cluster fits. */
export function clusterDifferences(a: ClusterAttributes, w: WantedCluster): string[] {
  const d: string[] = [];
  if (a.type !== "INDEXED") d.push(`it is ${a.type ?? "of unknown type"}, not INDEXED (KSDS)`);
  if (a.keyLength !== w.keyLength || (a.keyOffset ?? 0) !== 0)
    d.push(`KEYS(${a.keyLength ?? "?"} ${a.keyOffset ?? "?"}), not KEYS(${w.keyLength} 0)`);
  if (a.averageRecord !== w.recordLength || a.maximumRecord !== w.recordLength) {
    d.push(`RECORDSIZE(${a.averageRecord ?? "?"} ${a.maximumRecord ?? "?"}), not RECORDSIZE(${w.recordLength} ${w.recordLength})`);
  }
  if (w.storageClass && a.storageClass !== w.storageClass) d.push(`storage class ${a.storageClass ?? "none"}, not ${w.storageClass} (RLS)`);
  if (w.volume) {
    if (a.shareOptions !== "2,3") d.push(`SHAREOPTIONS(${a.shareOptions ?? "?"}), not SHAREOPTIONS(2 3)`);
    if (!a.volumes.includes(w.volume)) d.push(`on volume ${a.volumes.join(", ") || "?"}, not ${w.volume}`);
  }
  return d;
}
