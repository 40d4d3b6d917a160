/**
 * Reading and writing what a step's DD statements name: instream data, sequential data
 * sets, PDS members and USS paths. Shared by every program.
 */
import type { DdStatement, JclStep } from "../jes/steps";
import { nextEtag } from "../ids";
import type { Dataset, EmulatorState, PdsDataset } from "../state";

/**
 * DD attributes the programs read beyond `DdStatement` (allocation of NEW data sets).
 * The JCL reader may give them as fields or in a `params` map of keyword → raw text.
 */
export type AllocDd = DdStatement & {
  space?: string;
  dsntype?: string;
  recfm?: string;
  lrecl?: number | string;
  blksize?: number | string;
  volser?: string;
  vol?: string;
  params?: Record<string, string>;
};

/** A DD keyword's value, from a field or from `params` (keyword in any case). */
export function ddParam(dd: DdStatement, key: string): string | undefined {
  const a = dd as AllocDd & Record<string, unknown>;
  const v = a[key.toLowerCase()];
  if (v !== undefined && v !== null && typeof v !== "object") return String(v);
  if (a.params) {
    for (const [k, val] of Object.entries(a.params)) if (k.toUpperCase() === key.toUpperCase()) return val;
  }
  return undefined;
}

/**
 * The DD of that name plus its concatenation: the DDs right after it that carry the same
 * name (the JCL reader names unnamed DDs after the one they follow) or no name.
 * Returns [] when the step has no such DD.
 */
export function findDd(step: JclStep, ddname: string): DdStatement[] {
  const name = ddname.toUpperCase();
  const i = step.dds.findIndex((d) => d.ddname.toUpperCase() === name);
  if (i < 0) return [];
  const out = [step.dds[i]];
  for (let k = i + 1; k < step.dds.length && (step.dds[k].ddname === "" || step.dds[k].ddname.toUpperCase() === name); k++)
    out.push(step.dds[k]);
  // DD DDNAME=X (as ZWECSVSM splices its RLS/NONRLS lines) stands for the DD named X later in
  // the step, when the reader passes it on as `ddnameRef` or params.DDNAME.
  return out.flatMap((dd) => {
    const a = dd as AllocDd & { ddnameRef?: string };
    const ref = a.ddnameRef ?? Object.entries(a.params ?? {}).find(([k]) => k.toUpperCase() === "DDNAME")?.[1];
    if (!ref || ref.toUpperCase() === name) return [dd];
    return findDd(step, ref);
  });
}

/** Split a data set reference "A.B(MEM)" into name and member. */
export function splitDsn(dsn: string, member?: string): { dsn: string; member?: string } {
  const m = /^([^()]+)\(([^()]+)\)$/.exec(dsn.trim());
  if (m) return { dsn: m[1].toUpperCase(), member: m[2].toUpperCase() };
  return { dsn: dsn.trim().toUpperCase(), member: member?.toUpperCase() };
}

export function textToLines(text: string): string[] {
  if (text === "") return [];
  return text.replace(/\n$/, "").split("\n");
}

/**
 * The records a DD (and its concatenation) supplies, or an error text naming what is
 * missing. DUMMY gives no records.
 */
export function readDd(state: EmulatorState, dds: DdStatement[]): { lines: string[] } | { error: string } {
  const lines: string[] = [];
  for (const dd of dds) {
    if (dd.dummy) continue;
    if (dd.instream) {
      lines.push(...dd.instream);
      continue;
    }
    if (dd.path) {
      const f = state.uss.files[dd.path];
      if (!f) return { error: `${dd.path} NOT FOUND` };
      lines.push(...textToLines(f.content));
      continue;
    }
    if (dd.dsn) {
      const ref = splitDsn(dd.dsn, dd.member);
      const ds = state.datasets[ref.dsn];
      if (!ds) return { error: `${ref.dsn} NOT IN CATALOG` };
      if (ds.dsorg === "PS") lines.push(...textToLines(ds.content));
      else if (ds.dsorg === "PO") {
        if (!ref.member) return { error: `${ref.dsn} IS PARTITIONED: NO MEMBER NAMED` };
        const m = ds.members[ref.member];
        if (!m) return { error: `MEMBER ${ref.member} NOT FOUND IN ${ref.dsn}` };
        lines.push(...textToLines(m.content));
      } else return { error: `${ref.dsn} IS VSAM` };
      continue;
    }
    return { error: `${dd.ddname || "DD"} HAS NO DATA` };
  }
  return { lines };
}

/** ETags come from the same seeded counter as the REST file routes use. */
export { nextEtag } from "../ids";

/** Write a member with a new ETag and ISPF statistics. */
export function writeMember(state: EmulatorState, pds: PdsDataset, member: string, content: string, user: string, nowIso: string): void {
  pds.members[member.toUpperCase()] = { content, etag: nextEtag(state), user, changed: nowIso };
}

/** Catalog lookup that also finds VSAM component names (X.DATA, X.INDEX) and reports their cluster. */
export function findCatalogEntry(
  state: EmulatorState,
  name: string,
): { kind: "cluster" | "data" | "index" | "nonvsam"; dataset: Dataset } | undefined {
  const ds = state.datasets[name];
  if (ds) return { kind: ds.dsorg === "VS" ? "cluster" : "nonvsam", dataset: ds };
  for (const d of Object.values(state.datasets)) {
    if (d.dsorg !== "VS") continue;
    if (d.dataComponent === name) return { kind: "data", dataset: d };
    if (d.indexComponent === name) return { kind: "index", dataset: d };
  }
  return undefined;
}
