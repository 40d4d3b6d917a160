/**
 * IDCAMS command syntax: verbs and keywords with their abbreviations, turned into plain
 * command objects. Semantics (catalog changes, messages) live in idcams.ts.
 */
import { idcamsMsg } from "./messages";
import { type Operand, OperandError, parseOperands, render, words } from "./operands";

export type ClusterType = "INDEXED" | "NONINDEXED" | "LINEAR" | "NUMBERED";

export interface ClusterDef {
  name: string;
  type: ClusterType;
  /** ZFS keyword: a linear cluster that becomes a zFS aggregate. */
  zfs: boolean;
  keys?: { length: number; offset: number };
  recordSize?: { average: number; maximum: number };
  space?: { unit: string; primary: number; secondary: number };
  volumes?: string[];
  storageClass?: string;
  dataClass?: string;
  managementClass?: string;
  shareOptions?: [number, number];
  log?: string;
  dataName?: string;
  indexName?: string;
}

export type IdcamsCommand =
  | { verb: "DEFINE"; cluster: ClusterDef }
  | { verb: "DELETE"; names: string[]; entryType?: string; purge: boolean }
  | { verb: "LISTCAT"; entries?: string[]; level?: string; all: boolean }
  | { verb: "SET"; target: "MAXCC" | "LASTCC"; value: number }
  | { verb: "ERROR"; messages: string[] };

/** How a name written in a command becomes a catalog name (TSO prefixes unquoted names). */
export type NameResolver = (word: string, quoted: boolean) => string;
export const batchNames: NameResolver = (w) => w.toUpperCase();

const VERBS: Record<string, string> = {
  DEFINE: "DEFINE",
  DEF: "DEFINE",
  DELETE: "DELETE",
  DEL: "DELETE",
  LISTCAT: "LISTCAT",
  LISTC: "LISTCAT",
  SET: "SET",
};
/** Real verbs the emulator does not carry out. */
const OTHER_VERBS = new Set([
  "ALTER",
  "REPRO",
  "PRINT",
  "VERIFY",
  "EXPORT",
  "IMPORT",
  "BLDINDEX",
  "EXAMINE",
  "DIAGNOSE",
  "IF",
  "PARM",
  "ALLOCATE",
  "DCOLLECT",
  "SHCDS",
]);

/** DEFINE CLUSTER keywords (cluster, DATA and INDEX level): abbreviation → full name. */
const DEFINE_KEYWORDS: Record<string, string> = {};
function kw(full: string, ...abbrev: string[]) {
  DEFINE_KEYWORDS[full] = full;
  for (const a of abbrev) DEFINE_KEYWORDS[a] = full;
}
kw("NAME");
kw("INDEXED", "IXD");
kw("NONINDEXED", "NIXD");
kw("LINEAR", "LIN");
kw("NUMBERED", "NUMD");
kw("ZFS");
kw("KEYS");
kw("RECORDSIZE", "RECSZ");
kw("RECORDS", "REC");
kw("CYLINDERS", "CYL", "CYLINDER");
kw("TRACKS", "TRK");
kw("MEGABYTES", "MEGABYTE", "MB");
kw("KILOBYTES", "KILOBYTE", "KB");
kw("VOLUMES", "VOLUME", "VOL");
kw("STORAGECLASS", "STORCLAS");
kw("DATACLASS", "DATACLAS");
kw("MANAGEMENTCLASS", "MGMTCLAS");
kw("SHAREOPTIONS", "SHR");
kw("LOG");
// Accepted and not modelled: they change nothing the emulator or the plug-in looks at.
for (const f of [
  ["UNIQUE", "UNQ"],
  ["SUBALLOCATION", "SUBAL"],
  ["REUSE", "RUS"],
  ["NOREUSE", "NRUS"],
  ["SPANNED", "SPND"],
  ["NONSPANNED", "NSPND"],
  ["ERASE", "ERAS"],
  ["NOERASE", "NERAS"],
  ["SPEED"],
  ["RECOVERY", "RCVY"],
  ["IMBED", "IMBD"],
  ["NOIMBED", "NIMBD"],
  ["REPLICATE", "REPL"],
  ["NOREPLICATE", "NREPL"],
  ["WRITECHECK", "WCK"],
  ["NOWRITECHECK", "NWCK"],
  ["FREESPACE", "FSPC"],
  ["CONTROLINTERVALSIZE", "CISZ", "CNVSZ"],
  ["BUFFERSPACE", "BUFSP", "BUFSPC"],
  ["OWNER"],
  ["CATALOG", "CAT"],
  ["LOGSTREAMID", "LSID"],
  ["FOR"],
  ["TO"],
  ["FRLOG"],
  ["BWO"],
  ["EXCEPTIONEXIT", "EEXT"],
  ["ORDERED", "ORD"],
  ["UNORDERED", "UNORD"],
  ["MODEL"],
  ["ACCOUNT"],
  ["AUTHORIZATION", "AUTH"],
  ["DESTAGEWAIT", "DSTGW"],
  ["NODESTAGEWAIT", "NDSTGW"],
  ["EXTENDED"],
  ["RLSQUIESCE"],
])
  kw(f[0], ...f.slice(1));

const SPACE_UNITS = new Set(["RECORDS", "CYLINDERS", "TRACKS", "MEGABYTES", "KILOBYTES"]);
const TYPE_KEYWORDS = new Set(["INDEXED", "NONINDEXED", "LINEAR", "NUMBERED"]);

const DELETE_KEYWORDS: Record<string, string> = {
  CLUSTER: "CLUSTER",
  CL: "CLUSTER",
  NONVSAM: "NONVSAM",
  NVSAM: "NONVSAM",
  AIX: "AIX",
  ALIAS: "ALIAS",
  USERCATALOG: "USERCATALOG",
  UCAT: "USERCATALOG",
  PATH: "PATH",
  GENERATIONDATAGROUP: "GENERATIONDATAGROUP",
  GDG: "GENERATIONDATAGROUP",
  PURGE: "PURGE",
  PRG: "PURGE",
  NOPURGE: "NOPURGE",
  NPRG: "NOPURGE",
  ERASE: "ERASE",
  ERAS: "ERASE",
  NOERASE: "NOERASE",
  NERAS: "NOERASE",
  SCRATCH: "SCRATCH",
  SCR: "SCRATCH",
  NOSCRATCH: "NOSCRATCH",
  NSCR: "NOSCRATCH",
  FORCE: "FORCE",
  FRC: "FORCE",
  NOFORCE: "NOFORCE",
  NFRC: "NOFORCE",
  RECOVERY: "RECOVERY",
  RCVRY: "RECOVERY",
  MASK: "MASK",
  CATALOG: "CATALOG",
  CAT: "CATALOG",
  FILE: "FILE",
};
const LISTCAT_KEYWORDS: Record<string, string> = {
  ENTRIES: "ENTRIES",
  ENT: "ENTRIES",
  ENTRY: "ENTRIES",
  LEVEL: "LEVEL",
  LVL: "LEVEL",
  ALL: "ALL",
  NAME: "NAME",
  NAMES: "NAME",
  HISTORY: "HISTORY",
  HIST: "HISTORY",
  VOLUME: "VOLUME",
  VOL: "VOLUME",
  ALLOCATION: "ALLOCATION",
  ALLOC: "ALLOCATION",
  CLUSTER: "CLUSTER",
  DATA: "DATA",
  INDEX: "INDEX",
  IX: "INDEX",
  NONVSAM: "NONVSAM",
  NVSAM: "NONVSAM",
  CATALOG: "CATALOG",
  CAT: "CATALOG",
  OUTFILE: "OUTFILE",
  OFILE: "OUTFILE",
};

/** A data set name of up to 44 characters, qualifiers of 1-8 national/alphanumeric characters. */
export function isValidDsn(name: string): boolean {
  if (name.length < 1 || name.length > 44) return false;
  return name.split(".").every((q) => /^[A-Z#$@][A-Z0-9#$@-]{0,7}$/.test(q));
}

class SyntaxError_ extends Error {
  constructor(readonly messages: string[]) {
    super(messages.join("; "));
  }
}
const fail = (...messages: string[]): never => {
  throw new SyntaxError_([...messages, idcamsMsg.bypassed]);
};

function ints(op: Operand, min: number, max: number): number[] {
  const w = words(op.sub);
  if (w.length < min || w.length > max || !w.every((x) => /^\d+$/.test(x))) fail(idcamsMsg.itemRestrictions(render(op)));
  return w.map(Number);
}
function one(op: Operand): string {
  const w = words(op.sub);
  if (w.length !== 1) fail(idcamsMsg.itemRestrictions(render(op)));
  return w[0];
}

/** Parse one command (continuations already joined). */
export function parseIdcamsCommand(text: string, resolve: NameResolver = batchNames): IdcamsCommand {
  try {
    const set = /^SET\s+(MAXCC|LASTCC)\s*=\s*(\d+)\s*$/i.exec(text);
    if (set) return { verb: "SET", target: set[1].toUpperCase() as "MAXCC" | "LASTCC", value: Number(set[2]) };
    let ops: Operand[];
    try {
      ops = parseOperands(text, true);
    } catch (e) {
      if (e instanceof OperandError) return fail(idcamsMsg.parenthesis(e.near.trim()));
      throw e;
    }
    const verbWord = ops[0]?.word.toUpperCase() ?? "";
    const verb = VERBS[verbWord];
    if (!verb) {
      if (OTHER_VERBS.has(verbWord)) return fail(idcamsMsg.unsupported(verbWord));
      return fail(idcamsMsg.invalidCommand(verbWord));
    }
    if (ops[0].sub) fail(idcamsMsg.itemRestrictions(render(ops[0])));
    const rest = ops.slice(1);
    if (verb === "DEFINE") return { verb, cluster: parseDefine(rest, resolve) };
    if (verb === "DELETE") return parseDelete(rest, resolve);
    if (verb === "LISTCAT") return parseListcat(rest, resolve);
    return fail(idcamsMsg.invalidCommand(verbWord));
  } catch (e) {
    if (e instanceof SyntaxError_) return { verb: "ERROR", messages: e.messages };
    throw e;
  }
}

interface Level {
  [key: string]: Operand;
}

function collect(ops: Operand[] | undefined, where: string): Level {
  const level: Level = {};
  for (const op of ops ?? []) {
    const full = DEFINE_KEYWORDS[op.word.toUpperCase()];
    if (!full || op.quoted) fail(idcamsMsg.improperKeyword(op.word || where));
    if (level[full]) fail(idcamsMsg.itemRestrictions(`${full} GIVEN TWICE`));
    level[full] = op;
  }
  return level;
}

function parseDefine(ops: Operand[], resolve: NameResolver): ClusterDef {
  const object = ops[0]?.word.toUpperCase();
  if (object !== "CLUSTER" && object !== "CL") {
    if (
      ["NONVSAM", "NVSAM", "ALIAS", "USERCATALOG", "UCAT", "GENERATIONDATAGROUP", "GDG", "AIX", "PATH", "PAGESPACE", "PGSPC"].includes(
        object ?? "",
      )
    )
      fail(idcamsMsg.unsupported(`DEFINE ${object}`));
    fail(idcamsMsg.improperKeyword(ops[0]?.word ?? "DEFINE"));
  }
  if (!ops[0].sub) fail(idcamsMsg.requiredMissing("NAME"));
  const cluster = collect(ops[0].sub, "CLUSTER");
  let data: Level = {};
  let index: Level = {};
  for (const op of ops.slice(1)) {
    const w = op.word.toUpperCase();
    if (w === "DATA") data = collect(op.sub, "DATA");
    else if (w === "INDEX" || w === "IX") index = collect(op.sub, "INDEX");
    else if (w === "CATALOG" || w === "CAT") continue;
    else fail(idcamsMsg.improperKeyword(op.word));
  }
  // DATA-level attributes describe the data component; for the catalog entry they are the cluster's.
  const pick = (k: string) => data[k] ?? cluster[k];

  if (!cluster.NAME) fail(idcamsMsg.requiredMissing("NAME"));
  const name = nameOf(cluster.NAME, resolve);
  const types = Object.keys(cluster).filter((k) => TYPE_KEYWORDS.has(k));
  if (types.length > 1) fail(idcamsMsg.itemRestrictions(types.join(" ")));
  const zfs = Boolean(cluster.ZFS);
  if (zfs && types.length && types[0] !== "LINEAR") fail(idcamsMsg.itemRestrictions(`ZFS ${types[0]}`));
  const type = (zfs ? "LINEAR" : (types[0] ?? "INDEXED")) as ClusterType;

  const def: ClusterDef = { name, type, zfs };
  if (data.NAME) def.dataName = nameOf(data.NAME, resolve);
  if (index.NAME) def.indexName = nameOf(index.NAME, resolve);

  const keys = pick("KEYS");
  if (keys) {
    if (type !== "INDEXED") fail(idcamsMsg.itemRestrictions(`KEYS WITH ${type}`));
    const [length, offset] = ints(keys, 2, 2);
    if (length < 1 || length > 255) fail(idcamsMsg.itemRestrictions(render(keys)));
    def.keys = { length, offset };
  } else if (type === "INDEXED") def.keys = { length: 64, offset: 0 };

  const recsz = pick("RECORDSIZE");
  if (recsz) {
    if (type === "LINEAR") fail(idcamsMsg.itemRestrictions(`RECORDSIZE WITH LINEAR`));
    const [average, maximum] = ints(recsz, 2, 2);
    if (average < 1 || average > maximum) fail(idcamsMsg.itemRestrictions(render(recsz)));
    def.recordSize = { average, maximum };
  } else if (type !== "LINEAR") def.recordSize = { average: 4089, maximum: 4089 };
  if (def.keys && def.recordSize && def.keys.length + def.keys.offset > def.recordSize.maximum)
    fail(idcamsMsg.itemRestrictions(`KEYS(${def.keys.length} ${def.keys.offset}) BEYOND RECORDSIZE`));

  const units = [...new Set([...Object.keys(cluster), ...Object.keys(data)].filter((k) => SPACE_UNITS.has(k)))];
  if (units.length > 1) fail(idcamsMsg.itemRestrictions(units.join(" ")));
  if (units.length === 1) {
    const [primary, secondary = 0] = ints(pick(units[0]), 1, 2);
    def.space = { unit: units[0], primary, secondary };
  }

  const vol = pick("VOLUMES");
  if (vol) {
    const v = words(vol.sub).map((x) => x.toUpperCase());
    if (v.length < 1 || !v.every((x) => /^[A-Z0-9#$@*]{1,6}$/.test(x))) fail(idcamsMsg.itemRestrictions(render(vol)));
    def.volumes = v;
  }
  const sc = pick("STORAGECLASS");
  if (sc) def.storageClass = eightChars(sc);
  const dc = pick("DATACLASS");
  if (dc) def.dataClass = eightChars(dc);
  const mc = pick("MANAGEMENTCLASS");
  if (mc) def.managementClass = eightChars(mc);

  const shr = pick("SHAREOPTIONS");
  if (shr) {
    const [region, system = 3] = ints(shr, 1, 2);
    if (region < 1 || region > 4 || system < 3 || system > 4) fail(idcamsMsg.itemRestrictions(render(shr)));
    def.shareOptions = [region, system];
  } else def.shareOptions = [1, 3];

  const log = pick("LOG");
  if (log) {
    const v = one(log).toUpperCase();
    if (!["NONE", "UNDO", "ALL"].includes(v)) fail(idcamsMsg.itemRestrictions(render(log)));
    def.log = v;
  }
  if (!def.space && !def.dataClass) fail(idcamsMsg.requiredMissing("CYLINDERS|TRACKS|RECORDS|MEGABYTES|KILOBYTES"));
  return def;
}

function eightChars(op: Operand): string {
  const v = one(op).toUpperCase();
  if (!/^[A-Z#$@][A-Z0-9#$@]{0,7}$/.test(v)) fail(idcamsMsg.itemRestrictions(render(op)));
  return v;
}

function nameOf(op: Operand, resolve: NameResolver): string {
  const list = op.sub ?? [];
  if (list.length !== 1 || list[0].sub) fail(idcamsMsg.itemRestrictions(render(op)));
  const name = resolve(list[0].word, list[0].quoted);
  if (!isValidDsn(name)) fail(idcamsMsg.itemRestrictions(name));
  return name;
}

function parseDelete(ops: Operand[], resolve: NameResolver): IdcamsCommand {
  const names: string[] = [];
  let entryType: string | undefined;
  let purge = false;
  for (const op of ops) {
    const full = op.quoted ? undefined : DELETE_KEYWORDS[op.word.toUpperCase()];
    if (full) {
      if (["PURGE", "NOPURGE"].includes(full)) purge = full === "PURGE";
      else if (["CLUSTER", "NONVSAM", "AIX", "ALIAS", "USERCATALOG", "PATH", "GENERATIONDATAGROUP"].includes(full)) {
        if (entryType) fail(idcamsMsg.itemRestrictions(`${entryType} ${full}`));
        entryType = full;
      }
      continue;
    }
    if (names.length === 0 && op.word === "" && op.sub) {
      for (const n of op.sub) names.push(checkedName(n, resolve));
      continue;
    }
    if (op.sub) fail(idcamsMsg.improperKeyword(op.word));
    names.push(checkedName(op, resolve));
  }
  if (names.length === 0) fail(idcamsMsg.requiredMissing("ENTRYNAME"));
  return { verb: "DELETE", names, entryType, purge };
}

function checkedName(op: Operand, resolve: NameResolver): string {
  if (op.sub) fail(idcamsMsg.itemRestrictions(render(op)));
  const name = resolve(op.word, op.quoted);
  if (!isValidDsn(name)) fail(idcamsMsg.itemRestrictions(op.word));
  return name;
}

function parseListcat(ops: Operand[], resolve: NameResolver): IdcamsCommand {
  const out: { verb: "LISTCAT"; entries?: string[]; level?: string; all: boolean } = { verb: "LISTCAT", all: false };
  for (const op of ops) {
    const full = LISTCAT_KEYWORDS[op.word.toUpperCase()];
    if (!full || op.quoted) fail(idcamsMsg.improperKeyword(op.word));
    if (full === "ENTRIES") out.entries = (op.sub ?? []).map((n) => checkedName(n, resolve));
    else if (full === "LEVEL") out.level = resolve(one(op), op.sub?.[0]?.quoted ?? false);
    else if (["ALL", "HISTORY", "VOLUME", "ALLOCATION"].includes(full)) out.all = true;
  }
  return out;
}
