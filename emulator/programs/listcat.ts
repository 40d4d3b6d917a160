/**
 * LISTCAT output: the entry names, and with ALL the attributes a reader checks
 * (KEYLEN, AVGLRECL, MAXLRECL, SHROPTNS, STORAGECLASS, VOLSER). Layout INF, modelled on
 * the dashed-label style of real LISTCAT so label-keyed parsers work on both.
 */
import type { Dataset, EmulatorState, VsamCluster } from "../state";
import { findCatalogEntry } from "./dd";
import { idcamsMsg } from "./messages";

const label = (name: string, value: string | number, width = 18) => {
  const v = String(value);
  return `${name}${"-".repeat(Math.max(1, width - name.length - v.length))}${v}`;
};
const two = (a: string, b: string) => `      ${a.padEnd(28)}${b}`;

/** yyyy.ddd as LISTCAT prints creation dates. */
function julian(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return "0000.000";
  const start = Date.UTC(d.getUTCFullYear(), 0, 1);
  const day = Math.floor((d.getTime() - start) / 86_400_000) + 1;
  return `${d.getUTCFullYear()}.${String(day).padStart(3, "0")}`;
}

function clusterLines(c: VsamCluster, all: boolean): string[] {
  const out = [`CLUSTER ------- ${c.name}`];
  if (all) {
    out.push(`     IN-CAT --- CATALOG.MASTER`, `     HISTORY`, two(label("DATASET-OWNER", "(NULL)"), label("CREATION", julian(c.created))));
    out.push(`     SMSDATA`, two(label("STORAGECLASS", c.storageClass ?? "(NULL)"), label("MANAGEMENTCLASS", "(NULL)")));
    out.push(two(label("DATACLASS", "(NULL)"), label("LBACKUP", "0000.000.0000")));
    if (c.storageClass) out.push(`     RLSDATA`, two(label("LOG", c.log ?? "(NULL)"), label("RECOVERY REQUIRED", "(NO)")));
  }
  const data = c.dataComponent ?? `${c.name}.DATA`;
  out.push(`   DATA ------- ${data}`);
  if (all) {
    out.push(`     ATTRIBUTES`);
    if (c.type === "INDEXED") {
      out.push(two(label("KEYLEN", c.keys?.length ?? 0), label("AVGLRECL", c.recordSize?.average ?? 0)));
      out.push(two(label("RKP", c.keys?.offset ?? 0), label("MAXLRECL", c.recordSize?.maximum ?? 0)));
    } else if (c.type !== "LINEAR") {
      out.push(two(label("AVGLRECL", c.recordSize?.average ?? 0), label("MAXLRECL", c.recordSize?.maximum ?? 0)));
    }
    const [r, s] = c.shareOptions ?? [1, 3];
    out.push(`      SHROPTNS(${r},${s})   RECOVERY   UNIQUE   NOERASE   ${c.type}   NOWRITECHK   NOIMBED   NOREPLICAT`);
    // Not a real LISTCAT attribute (INF): shows the emulator's zFS format state.
    if (c.type === "LINEAR") out.push(`      ${c.zfs ? "ZFS   " : ""}${c.formatted ? "FORMATTED" : "NOTFORMATTED"}`);
    if (c.space)
      out.push(
        `     ALLOCATION`,
        two(label("SPACE-TYPE", c.space.unit.replace(/S$/, "")), label("SPACE-PRI", c.space.primary)),
        two("", label("SPACE-SEC", c.space.secondary)),
      );
    out.push(`     VOLUME`);
    for (const v of c.volumes ?? [c.volser]) out.push(`      ${label("VOLSER", v)}`);
  }
  if (c.type === "INDEXED") {
    out.push(`   INDEX ------ ${c.indexComponent ?? `${c.name}.INDEX`}`);
    if (all)
      out.push(
        `     ATTRIBUTES`,
        two(label("KEYLEN", c.keys?.length ?? 0), label("RKP", c.keys?.offset ?? 0)),
        `     VOLUME`,
        `      ${label("VOLSER", c.volser)}`,
      );
  }
  return out;
}

function nonVsamLines(d: Dataset, all: boolean): string[] {
  const out = [`NONVSAM ------- ${d.name}`];
  if (all) {
    out.push(`     IN-CAT --- CATALOG.MASTER`, `     HISTORY`, two(label("DATASET-OWNER", "(NULL)"), label("CREATION", julian(d.created))));
    out.push(`     VOLUMES`, `      ${label("VOLSER", d.volser)}`, `     ASSOCIATIONS--------(NULL)`, `     ATTRIBUTES`);
    if (d.dsorg !== "VS")
      out.push(two(label("DSORG", d.dsorg), label("RECFM", d.recfm)), two(label("LRECL", d.lrecl), label("BLKSIZE", d.blksize)));
  }
  return out;
}

/** LISTCAT ENTRIES(...) or LEVEL(...): CC 4 when a named entry is missing (INF). */
export function listcat(
  state: EmulatorState,
  entries: string[] | undefined,
  level: string | undefined,
  all: boolean,
): { cc: number; lines: string[] } {
  const lines: string[] = [];
  let cc = 0;
  const counts = { CLUSTER: 0, DATA: 0, INDEX: 0, NONVSAM: 0 };
  const show = (d: Dataset) => {
    if (d.dsorg === "VS") {
      lines.push(...clusterLines(d, all));
      counts.CLUSTER++;
      counts.DATA++;
      if (d.type === "INDEXED") counts.INDEX++;
    } else {
      lines.push(...nonVsamLines(d, all));
      counts.NONVSAM++;
    }
  };
  let names: string[];
  if (entries) names = entries;
  else if (level)
    names = Object.keys(state.datasets)
      .filter((n) => n === level || n.startsWith(level + "."))
      .sort();
  else names = Object.keys(state.datasets).sort();
  for (const n of names) {
    const e = findCatalogEntry(state, n);
    if (!e) {
      lines.push(...idcamsMsg.entryNotFound(n), idcamsMsg.notListed(n));
      cc = Math.max(cc, 4);
      continue;
    }
    show(e.dataset);
  }
  const total = counts.CLUSTER + counts.DATA + counts.INDEX + counts.NONVSAM;
  lines.push("", "          THE NUMBER OF ENTRIES PROCESSED WAS:");
  for (const [k, v] of Object.entries(counts)) lines.push(`                    ${label(k + " ", v, 24)}`);
  lines.push(`                    ${label("TOTAL ", total, 24)}`);
  return { cc, lines };
}
