/**
 * IDCAMS: DEFINE CLUSTER, DELETE, LISTCAT and SET against the shared catalog
 * (state.datasets). Used by PGM=IDCAMS, by the TSO commands of the same names and by
 * the z/OSMF REST endpoint PUT /zosmf/restfiles/ams (facts §2.8).
 */
import type { Program } from "../jes/types";
import type { EmulatorState, VsamCluster } from "../state";
import { findCatalogEntry, findDd, readDd } from "./dd";
import { type ClusterDef, type IdcamsCommand, isValidDsn, type NameResolver, batchNames, parseIdcamsCommand } from "./idcams-parser";
import { listcat } from "./listcat";
import { idcamsMsg, SMS_VOLSER } from "./messages";
import { splitStatements } from "./operands";

export interface IdcamsContext {
  user: string;
  nowIso: string;
  resolve?: NameResolver;
}

/** Carry out one parsed command: its condition code and message lines. */
export function executeIdcams(state: EmulatorState, cmd: IdcamsCommand, ctx: IdcamsContext): { cc: number; lines: string[] } {
  switch (cmd.verb) {
    case "ERROR":
      return { cc: 12, lines: cmd.messages };
    case "DEFINE":
      return defineCluster(state, cmd.cluster, ctx);
    case "DELETE":
      return deleteEntries(state, cmd.names, cmd.entryType);
    case "LISTCAT":
      return listcat(state, cmd.entries, cmd.level, cmd.all);
    case "SET":
      return { cc: 0, lines: [] };
  }
}

function defineCluster(state: EmulatorState, def: ClusterDef, ctx: IdcamsContext): { cc: number; lines: string[] } {
  const dataName = def.dataName ?? `${def.name}.DATA`;
  const indexName = def.type === "INDEXED" ? (def.indexName ?? `${def.name}.INDEX`) : undefined;
  // Generated component names must still be valid: this is why ZWECSVSM limits the name to 38 (§6.1).
  for (const n of [dataName, indexName]) {
    if (n !== undefined && !isValidDsn(n)) return { cc: 12, lines: [idcamsMsg.itemRestrictions(n), idcamsMsg.bypassed] };
  }
  for (const n of [def.name, dataName, indexName]) {
    if (n !== undefined && findCatalogEntry(state, n)) return { cc: 12, lines: idcamsMsg.duplicateName(n) };
  }
  // NONRLS places the cluster on VOLUMES, RLS lets SMS place it by STORAGECLASS (§6.1).
  if (!def.volumes && !def.storageClass) return { cc: 12, lines: [idcamsMsg.noVolumeOrStorageClass(def.name)] };
  if (def.log && !def.storageClass) return { cc: 12, lines: [idcamsMsg.logWithoutStorageClass] };

  const cluster: VsamCluster = {
    name: def.name,
    volser: def.volumes?.[0] ?? SMS_VOLSER,
    created: ctx.nowIso,
    dsorg: "VS",
    type: def.type === "LINEAR" ? "LINEAR" : "INDEXED",
    dataComponent: dataName,
  };
  // The shared VsamCluster type models KSDS and LDS only; ESDS/RRDS are kept as INDEXED without keys.
  if (indexName) cluster.indexComponent = indexName;
  if (def.keys && def.type === "INDEXED") cluster.keys = def.keys;
  if (def.recordSize) cluster.recordSize = def.recordSize;
  if (def.storageClass) cluster.storageClass = def.storageClass;
  if (def.shareOptions) cluster.shareOptions = def.shareOptions;
  if (def.log) cluster.log = def.log;
  if (def.volumes) cluster.volumes = def.volumes;
  if (def.space) cluster.space = def.space;
  if (cluster.type === "LINEAR") {
    cluster.formatted = false;
    if (def.zfs) cluster.zfs = true;
  }
  state.datasets[def.name] = cluster;
  return { cc: 0, lines: [] };
}

function deleteEntries(state: EmulatorState, names: string[], entryType: string | undefined): { cc: number; lines: string[] } {
  let cc = 0;
  const lines: string[] = [];
  for (const name of names) {
    const e = findCatalogEntry(state, name);
    const typeMatches =
      e &&
      e.kind !== "data" &&
      e.kind !== "index" &&
      (!entryType || (entryType === "CLUSTER" && e.kind === "cluster") || (entryType === "NONVSAM" && e.kind === "nonvsam"));
    if (!e || !typeMatches) {
      lines.push(...idcamsMsg.entryNotFound(name), idcamsMsg.notDeleted(name));
      cc = Math.max(cc, 8);
      continue;
    }
    if (state.mounts.some((m) => m.fsname === name)) {
      lines.push(idcamsMsg.inUse(name), idcamsMsg.notDeleted(name));
      cc = Math.max(cc, 8);
      continue;
    }
    const ds = e.dataset;
    delete state.datasets[name];
    if (ds.dsorg === "VS") {
      lines.push(idcamsMsg.deleted("C", name), idcamsMsg.deleted("D", ds.dataComponent ?? `${name}.DATA`));
      if (ds.type === "INDEXED" && ds.keys) lines.push(idcamsMsg.deleted("I", ds.indexComponent ?? `${name}.INDEX`));
    } else lines.push(idcamsMsg.deleted("A", name));
  }
  return { cc, lines };
}

/**
 * Run IDCAMS statements. `header` adds the page heading of a SYSPRINT listing (not
 * shown on the REST endpoint, INF).
 */
export function runIdcams(
  state: EmulatorState,
  lines: string[],
  ctx: IdcamsContext & { truncate72: boolean; header: boolean },
): { rc: number; output: string[] } {
  const output: string[] = [];
  if (ctx.header) output.push(pageHeader(ctx.nowIso), "");
  let maxcc = 0;
  for (const st of splitStatements(lines, { truncate72: ctx.truncate72, semicolon: true })) {
    output.push(...st.lines, "");
    const cmd = parseIdcamsCommand(st.text, ctx.resolve ?? batchNames);
    if (cmd.verb === "SET") {
      // SET MAXCC may lower the final code; SET LASTCC raises MAXCC only.
      if (cmd.target === "MAXCC") maxcc = cmd.value;
      else maxcc = Math.max(maxcc, cmd.value);
    } else {
      const r = executeIdcams(state, cmd, ctx);
      output.push(...r.lines);
      output.push(r.cc >= 8 ? idcamsMsg.functionTerminated(r.cc) : idcamsMsg.functionCompleted(r.cc), "");
      maxcc = Math.max(maxcc, r.cc);
    }
    if (maxcc >= 16) break;
  }
  output.push(idcamsMsg.processingComplete(maxcc));
  return { rc: maxcc, output };
}

function pageHeader(nowIso: string): string {
  const d = new Date(nowIso);
  const ok = !Number.isNaN(d.getTime());
  const p = (n: number) => String(n).padStart(2, "0");
  const time = ok ? `${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}` : "00:00:00";
  const date = ok ? `${p(d.getUTCMonth() + 1)}/${p(d.getUTCDate())}/${p(d.getUTCFullYear() % 100)}` : "00/00/00";
  return `IDCAMS  SYSTEM SERVICES                                           TIME: ${time}        ${date}     PAGE      1`;
}

/** The z/OSMF REST IDCAMS call (PUT /zosmf/restfiles/ams): lines in, IDCAMS rc and output lines out. */
export function runIdcamsStatements(
  state: EmulatorState,
  lines: string[],
  ctx: { user: string; nowIso: string },
): { rc: number; output: string[] } {
  return runIdcams(state, lines, { ...ctx, truncate72: false, header: false });
}

/** PGM=IDCAMS: statements from SYSIN (instream or a data set), listing to SYSPRINT. */
export const idcams: Program = (ctx) => {
  const sysin = findDd(ctx.step, "SYSIN");
  const input = sysin.length ? readDd(ctx.state, sysin) : { error: "SYSIN DD MISSING" };
  if ("error" in input) {
    const output = [...idcamsMsg.noSysin, idcamsMsg.processingComplete(idcamsMsg.noSysinCc)];
    return { completion: { cc: idcamsMsg.noSysinCc }, outputs: { SYSPRINT: output.join("\n") } };
  }
  const r = runIdcams(ctx.state, input.lines, { user: ctx.user, nowIso: ctx.nowIso, truncate72: true, header: true });
  return { completion: { cc: r.rc }, outputs: { SYSPRINT: r.output.join("\n") } };
};
