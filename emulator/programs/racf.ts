/**
 * RACF TSO commands against the shared database (state.racf): the definitions IZUSEC
 * issues (facts §7.2) and the list commands a reader uses to look at them.
 * Definition commands need the SPECIAL attribute.
 */
import type { EmulatorState, RacfDatabase } from "../state";
export { isSpecial, type RacfContext } from "./racf-syntax";
import { AUTO_ID_BASE } from "./messages";
import { RACF_RC, racfMsg } from "./racf-messages";
import { type Operand, parseOperands } from "./operands";
import {
  type CommandResult,
  CommandError,
  names,
  parseCommand,
  type RacfContext,
  requireSpecial,
  segment,
  syntaxError,
  value,
  values,
} from "./racf-syntax";
import { racdcert } from "./racdcert";

/** Classes accepted by RDEFINE/PERMIT/SETROPTS (a subset of the IBM class descriptor table). */
export const KNOWN_CLASSES = new Set([
  "DATASET",
  "STARTED",
  "FACILITY",
  "SERVER",
  "APPL",
  "EJBROLE",
  "GEJBROLE",
  "ZMFAPLA",
  "ZMFCLOUD",
  "SERVAUTH",
  "PROGRAM",
  "OPERCMDS",
  "SURROGAT",
  "UNIXPRIV",
  "TSOAUTH",
  "TSOPROC",
  "ACCTNUM",
  "JESSPOOL",
  "JESJOBS",
  "CSFKEYS",
  "CSFSERV",
  "XFACILIT",
  "RDATALIB",
  "DIGTCERT",
  "DIGTRING",
  "CDT",
  "SDSF",
  "CONSOLE",
  "LOGSTRM",
  "PTKTDATA",
  "CBIND",
  "STGADMIN",
  "KEYSMSTR",
  "CRYPTOZ",
  "IDIDMAP",
  "WBEM",
  "MQADMIN",
  "MQQUEUE",
  "MQCONN",
  "VTAMAPPL",
  "APPCLU",
  "FIELD",
  "JAVA",
]);
/** Classes whose profile names keep their case (EJBROLE roles are mixed case: IZUDFLT.*.izuUsers). */
const CASE_ASIS = new Set(["EJBROLE", "GEJBROLE"]);

/** Make `user` a RACF administrator (SPECIAL), for seeding IBMUSER. */
export function seedRacfAdministrator(state: EmulatorState, user: string, defaultGroup = "SYS1"): void {
  const racf = state.racf;
  racf.groups[defaultGroup] ??= { owner: user.toUpperCase() };
  const u = (racf.users[user.toUpperCase()] ??= { defaultGroup, groups: [defaultGroup] });
  u.special = true;
}

function nextId(racf: RacfDatabase, kind: "uid" | "gid"): number {
  const used = kind === "uid" ? Object.values(racf.users).map((u) => u.uid ?? 0) : Object.values(racf.groups).map((g) => g.gid ?? 0);
  return Math.max(AUTO_ID_BASE[kind], ...used) + 1;
}

function profileName(cls: string, name: string): string {
  return CASE_ASIS.has(cls) ? name : name.toUpperCase();
}

function checkClass(cls: string): void {
  if (!KNOWN_CLASSES.has(cls)) throw new CommandError({ rc: RACF_RC.alreadyDefinedInvalid, lines: [racfMsg.invalidClass(cls)] });
}

type Handler = (ops: Operand[], ctx: RacfContext) => CommandResult;

/** One name RACF could not act on: its message, and the command's RC is the worst of its names. */
function refuse(res: CommandResult, line: string, rc: number): void {
  res.lines.push(line);
  res.rc = Math.max(res.rc, rc);
}

/**
 * RACF works through a list of names one at a time: a name with no entry is refused with
 * `missing(name)` and `rc`, and the others are still acted on.
 */
function forEachDefined<T>(
  list: readonly string[],
  find: (name: string) => T | undefined,
  missing: (name: string) => string,
  rc: number,
  act: (entry: T, name: string, res: CommandResult) => void,
): CommandResult {
  const res: CommandResult = { rc: 0, lines: [] };
  for (const name of list) {
    const entry = find(name);
    if (!entry) refuse(res, missing(name), rc);
    else act(entry, name, res);
  }
  return res;
}

const USER_KEYWORDS = [
  "NAME",
  "PASSWORD",
  "PHRASE",
  "NOPASSWORD",
  "NOPHRASE",
  "OWNER",
  "DFLTGRP",
  "RESTRICTED",
  "NORESTRICTED",
  "SPECIAL",
  "NOSPECIAL",
  "OPERATIONS",
  "NOOPERATIONS",
  "AUDITOR",
  "NOAUDITOR",
  "OMVS",
  "NOOMVS",
  "TSO",
  "NOTSO",
  "WORKATTR",
  "DATA",
  "UACC",
  "AUTHORITY",
  "CLAUTH",
  "NOCLAUTH",
  "SECLABEL",
  "WHEN",
  "GRPACC",
  "NOGRPACC",
  "ADSP",
  "NOADSP",
  "KERB",
  "CSDATA",
  "EIM",
  "LANGUAGE",
  "MODEL",
  "OIDCARD",
  "NOOIDCARD",
  "REVOKE",
  "RESUME",
  "EXPIRED",
  "NOEXPIRED",
  "PROXY",
  "DCE",
  "NETVIEW",
  "OPERPARM",
  "CICS",
  "LNOTES",
  "NDS",
  "OVM",
  "MFA",
  "SECLEVEL",
  "CATEGORY",
  "INTERVAL",
];
const OMVS_KEYWORDS = [
  "AUTOUID",
  "UID",
  "HOME",
  "PROGRAM",
  "SHARED",
  "FILEPROCMAX",
  "PROCUSERMAX",
  "THREADSMAX",
  "MMAPAREAMAX",
  "CPUTIMEMAX",
  "ASSIZEMAX",
  "MEMLIMIT",
  "SHMEMMAX",
  "NOUID",
  "NOHOME",
  "NOPROGRAM",
];
const OMVS_ALIASES = { FILEPROC: "FILEPROCMAX", PROCUSER: "PROCUSERMAX", THREADS: "THREADSMAX" };

const addgroup: Handler = (ops, ctx) => {
  const p = parseCommand(ops, 1, [
    "OWNER",
    "SUPGROUP",
    "OMVS",
    "DATA",
    "TERMUACC",
    "NOTERMUACC",
    "MODEL",
    "UNIVERSAL",
    "DFP",
    "OVM",
    "TME",
    "CSDATA",
  ]);
  const groups = names(p.positional[0]);
  requireSpecial(ctx, "ADDGROUP", groups.join(" "));
  const racf = ctx.state.racf;
  const omvs = segment(p.kw.OMVS, ["AUTOGID", "GID", "SHARED"]);
  const sup = value(p.kw.SUPGROUP);
  if (sup && !racf.groups[sup]) return { rc: RACF_RC.notFound, lines: [racfMsg.undefinedGroup(sup)] };
  const res: CommandResult = { rc: 0, lines: [] };
  for (const g of groups) {
    if (racf.groups[g] || racf.users[g]) {
      refuse(res, racfMsg.invalidGroup(g), RACF_RC.alreadyDefinedInvalid);
      continue;
    }
    const entry: RacfDatabase["groups"][string] = {
      owner: value(p.kw.OWNER) ?? sup ?? ctx.user,
      superiorGroup: sup ?? racf.users[ctx.user]?.defaultGroup ?? "SYS1",
    };
    if (omvs.GID) entry.gid = Number(value(omvs.GID));
    else if (omvs.AUTOGID) {
      entry.gid = nextId(racf, "gid");
      res.lines.push(racfMsg.gidAssigned(g, entry.gid));
    }
    racf.groups[g] = entry;
  }
  return res;
};

function applyOmvs(u: RacfDatabase["users"][string], id: string, op: Operand | undefined, racf: RacfDatabase, lines: string[]): void {
  const omvs = segment(op, OMVS_KEYWORDS, OMVS_ALIASES);
  if (omvs.UID) u.uid = Number(value(omvs.UID));
  else if (omvs.AUTOUID) {
    u.uid = nextId(racf, "uid");
    lines.push(racfMsg.uidAssigned(id, u.uid));
  }
  if (omvs.HOME) u.home = value(omvs.HOME, true);
  if (omvs.PROGRAM) u.program = value(omvs.PROGRAM, true);
  if (omvs.FILEPROCMAX) u.fileProcMax = Number(value(omvs.FILEPROCMAX));
  if (omvs.NOHOME) delete u.home;
  if (omvs.NOPROGRAM) delete u.program;
  if (omvs.NOUID) delete u.uid;
}

function applyAttributes(u: RacfDatabase["users"][string], kw: Record<string, Operand>): void {
  if (kw.SPECIAL) u.special = true;
  if (kw.NOSPECIAL) u.special = false;
  if (kw.RESTRICTED) u.restricted = true;
  if (kw.NORESTRICTED) u.restricted = false;
  if (kw.NOPASSWORD && !kw.PASSWORD && !kw.PHRASE) u.protected = true;
  if (kw.PASSWORD || kw.PHRASE) u.protected = false;
}

const adduser: Handler = (ops, ctx) => {
  const p = parseCommand(ops, 1, USER_KEYWORDS);
  const users = names(p.positional[0]);
  requireSpecial(ctx, "ADDUSER", users.join(" "));
  const racf = ctx.state.racf;
  const dflt = value(p.kw.DFLTGRP) ?? racf.users[ctx.user]?.defaultGroup ?? "SYS1";
  if (!racf.groups[dflt]) return { rc: RACF_RC.notFound, lines: [racfMsg.undefinedGroup(dflt)] };
  const res: CommandResult = { rc: 0, lines: [] };
  for (const id of users) {
    if (racf.users[id] || racf.groups[id]) {
      refuse(res, racfMsg.invalidUser(id), RACF_RC.alreadyDefinedInvalid);
      continue;
    }
    // A new user without PASSWORD/PHRASE has no password: RACF makes it PROTECTED.
    const u: RacfDatabase["users"][string] = { defaultGroup: dflt, groups: [dflt], protected: !p.kw.PASSWORD && !p.kw.PHRASE };
    applyAttributes(u, p.kw);
    applyOmvs(u, id, p.kw.OMVS, racf, res.lines);
    racf.users[id] = u;
    if (u.protected) res.lines.unshift(racfMsg.protectedUser(id));
  }
  return res;
};

const altuser: Handler = (ops, ctx) => {
  const p = parseCommand(ops, 1, USER_KEYWORDS);
  const users = names(p.positional[0]);
  requireSpecial(ctx, "ALTUSER", users.join(" "));
  const racf = ctx.state.racf;
  const dflt = value(p.kw.DFLTGRP);
  if (dflt && !racf.groups[dflt]) return { rc: RACF_RC.notFound, lines: [racfMsg.undefinedGroup(dflt)] };
  return forEachDefined(
    users,
    (id) => racf.users[id],
    racfMsg.undefinedUser,
    RACF_RC.notFound,
    (u, id, res) => {
      if (dflt) {
        u.defaultGroup = dflt;
        if (!u.groups.includes(dflt)) u.groups.push(dflt);
      }
      applyAttributes(u, p.kw);
      applyOmvs(u, id, p.kw.OMVS, racf, res.lines);
    },
  );
};

const connect: Handler = (ops, ctx) => {
  const p = parseCommand(ops, 1, [
    "GROUP",
    "OWNER",
    "AUTHORITY",
    "UACC",
    "SPECIAL",
    "NOSPECIAL",
    "OPERATIONS",
    "NOOPERATIONS",
    "AUDITOR",
    "NOAUDITOR",
    "REVOKE",
    "RESUME",
    "ADSP",
    "NOADSP",
    "GRPACC",
    "NOGRPACC",
  ]);
  const users = names(p.positional[0]);
  requireSpecial(ctx, "CONNECT", users.join(" "));
  const racf = ctx.state.racf;
  const group = value(p.kw.GROUP) ?? racf.users[ctx.user]?.defaultGroup ?? "SYS1";
  if (!racf.groups[group]) return { rc: RACF_RC.notFound, lines: [racfMsg.undefinedGroup(group)] };
  // §10.1: an undefined user id makes the command do nothing (ICH21001I).
  const undefinedIds = users.filter((id) => !racf.users[id]);
  if (undefinedIds.length) return { rc: RACF_RC.notFound, lines: [racfMsg.undefinedUser(undefinedIds.join(" "))] };
  for (const id of users) {
    const u = racf.users[id]!;
    // Connecting again only changes the connection's attributes: RACF accepts it silently.
    if (!u.groups.includes(group)) u.groups.push(group);
  }
  return { rc: 0, lines: [] };
};

const remove: Handler = (ops, ctx) => {
  const p = parseCommand(ops, 1, ["GROUP", "OWNER"]);
  const users = names(p.positional[0]);
  requireSpecial(ctx, "REMOVE", users.join(" "));
  const racf = ctx.state.racf;
  const group = value(p.kw.GROUP) ?? racf.users[ctx.user]?.defaultGroup ?? "SYS1";
  return forEachDefined(
    users,
    (id) => racf.users[id],
    racfMsg.undefinedUser,
    RACF_RC.notFound,
    (u) => {
      u.groups = u.groups.filter((g) => g !== group || g === u.defaultGroup);
    },
  );
};

const deluser: Handler = (ops, ctx) => {
  const p = parseCommand(ops, 1, []);
  const users = names(p.positional[0]);
  requireSpecial(ctx, "DELUSER", users.join(" "));
  const racf = ctx.state.racf;
  return forEachDefined(
    users,
    (id) => racf.users[id],
    racfMsg.undefinedUser,
    RACF_RC.notFound,
    (_u, id) => {
      delete racf.users[id];
    },
  );
};

const delgroup: Handler = (ops, ctx) => {
  const p = parseCommand(ops, 1, []);
  const groups = names(p.positional[0]);
  requireSpecial(ctx, "DELGROUP", groups.join(" "));
  const racf = ctx.state.racf;
  return forEachDefined(
    groups,
    (g) => racf.groups[g],
    racfMsg.undefinedGroup,
    RACF_RC.notFound,
    (_g, g) => {
      delete racf.groups[g];
    },
  );
};

const RESOURCE_KEYWORDS = [
  "UACC",
  "OWNER",
  "STDATA",
  "APPLDATA",
  "DATA",
  "AUDIT",
  "GLOBALAUDIT",
  "WARNING",
  "NOWARNING",
  "NOTIFY",
  "LEVEL",
  "SESSION",
  "SECLABEL",
  "SECLEVEL",
  "TIMEZONE",
  "WHEN",
  "ADDMEM",
  "DELMEM",
  "ICSF",
  "SIGVER",
  "CDTINFO",
  "KERB",
  "PROXY",
  "EIM",
  "SSIGNON",
  "TME",
  "DLFDATA",
  "ALIAS",
  "CFDEF",
  "CSFKEYS",
  "FROM",
  "FCLASS",
  "FVOLUME",
  "FGENERIC",
  "NOSTDATA",
  "NOAPPLDATA",
];
const STDATA_KEYWORDS = ["USER", "GROUP", "TRUSTED", "PRIVILEGED", "TRACE"];

function applyResource(prof: RacfDatabase["profiles"][string][string], kw: Record<string, Operand>): void {
  if (kw.UACC) prof.uacc = value(kw.UACC) ?? "NONE";
  if (kw.OWNER) prof.owner = value(kw.OWNER);
  if (kw.APPLDATA) prof.appldata = value(kw.APPLDATA, true);
  if (kw.NOAPPLDATA) delete prof.appldata;
  if (kw.NOSTDATA) delete prof.stdata;
  if (kw.STDATA) {
    const sd = segment(kw.STDATA, STDATA_KEYWORDS);
    const st = (prof.stdata ??= {});
    for (const [k, op] of Object.entries(sd)) st[k] = value(op) ?? "";
  }
}

const rdefine: Handler = (ops, ctx) => {
  const p = parseCommand(ops, 2, RESOURCE_KEYWORDS);
  const cls = p.positional[0].word.toUpperCase();
  checkClass(cls);
  const profiles = names(p.positional[1], true).map((n) => profileName(cls, n));
  requireSpecial(ctx, "RDEFINE", `${cls} ${profiles.join(" ")}`);
  const byClass = (ctx.state.racf.profiles[cls] ??= {});
  const res: CommandResult = { rc: 0, lines: [] };
  for (const name of profiles) {
    if (byClass[name]) {
      refuse(res, racfMsg.alreadyDefined(name, cls), RACF_RC.alreadyDefinedWarning);
      continue;
    }
    const prof: RacfDatabase["profiles"][string][string] = { uacc: "NONE", access: {}, owner: ctx.user };
    applyResource(prof, p.kw);
    byClass[name] = prof;
  }
  return res;
};

const ralter: Handler = (ops, ctx) => {
  const p = parseCommand(ops, 2, RESOURCE_KEYWORDS);
  const cls = p.positional[0].word.toUpperCase();
  checkClass(cls);
  const profiles = names(p.positional[1], true).map((n) => profileName(cls, n));
  requireSpecial(ctx, "RALTER", `${cls} ${profiles.join(" ")}`);
  const notDefined = (name: string) => racfMsg.profileNotDefined(name);
  return forEachDefined(
    profiles,
    (name) => ctx.state.racf.profiles[cls]?.[name],
    notDefined,
    RACF_RC.notFound,
    (prof) => applyResource(prof, p.kw),
  );
};

const rdelete: Handler = (ops, ctx) => {
  const p = parseCommand(ops, 2, []);
  const cls = p.positional[0].word.toUpperCase();
  checkClass(cls);
  const profiles = names(p.positional[1], true).map((n) => profileName(cls, n));
  requireSpecial(ctx, "RDELETE", `${cls} ${profiles.join(" ")}`);
  const racf = ctx.state.racf;
  return forEachDefined(
    profiles,
    (name) => racf.profiles[cls]?.[name],
    racfMsg.profileNotFound,
    RACF_RC.listNotFound,
    (_prof, name) => {
      delete racf.profiles[cls][name];
    },
  );
};

const permit: Handler = (ops, ctx) => {
  const p = parseCommand(ops, 1, [
    "CLASS",
    "ID",
    "ACCESS",
    "DELETE",
    "RESET",
    "WHEN",
    "FROM",
    "FCLASS",
    "FGENERIC",
    "FVOLUME",
    "GENERIC",
    "VOLUME",
  ]);
  const cls = value(p.kw.CLASS) ?? "DATASET";
  checkClass(cls);
  const profiles = names(p.positional[0], true).map((n) => profileName(cls, n));
  requireSpecial(ctx, "PERMIT", `${cls} ${profiles.join(" ")}`);
  const racf = ctx.state.racf;
  const ids = values(p.kw.ID);
  const access = value(p.kw.ACCESS) ?? "READ";
  if (!["NONE", "EXECUTE", "READ", "UPDATE", "CONTROL", "ALTER"].includes(access)) syntaxError(`ACCESS(${access})`);
  if (!p.kw.ID && !p.kw.RESET) syntaxError("ID");
  // §10.1: an id in ID() that RACF does not know makes PERMIT do nothing (ICH21001I).
  const undefinedIds = ids.filter((id) => id !== "*" && !racf.users[id] && !racf.groups[id]);
  if (undefinedIds.length) return { rc: RACF_RC.notFound, lines: [racfMsg.undefinedUser(undefinedIds.join(" "))] };
  const notDefined = (name: string) => racfMsg.profileNotDefined(name);
  return forEachDefined(
    profiles,
    (name) => racf.profiles[cls]?.[name],
    notDefined,
    RACF_RC.notFound,
    (prof) => {
      if (p.kw.RESET) prof.access = {};
      for (const id of ids) {
        if (p.kw.DELETE) delete prof.access[id];
        else prof.access[id] = access;
      }
    },
  );
};

const setropts: Handler = (ops, ctx) => {
  const p = parseCommand(ops, 0, [
    "CLASSACT",
    "NOCLASSACT",
    "RACLIST",
    "NORACLIST",
    "GENERIC",
    "NOGENERIC",
    "GENCMD",
    "NOGENCMD",
    "REFRESH",
    "LIST",
    "AUDIT",
    "NOAUDIT",
    "LOGOPTIONS",
    "STATISTICS",
    "WHEN",
    "GENLIST",
    "NOGENLIST",
    "PASSWORD",
    "INITSTATS",
    "NOINITSTATS",
    "PROTECTALL",
    "NOPROTECTALL",
    "ERASE",
    "NOERASE",
  ]);
  requireSpecial(ctx, "SETROPTS", "");
  const racf = ctx.state.racf;
  const res: CommandResult = { rc: 0, lines: [] };
  const active = (racf.activeClasses ??= []);
  for (const c of values(p.kw.CLASSACT)) if (!active.includes(c)) active.push(c);
  for (const c of values(p.kw.NOCLASSACT)) racf.activeClasses = active.filter((x) => x !== c);
  const raclist = values(p.kw.RACLIST);
  for (const c of raclist) if (c !== "*") checkClass(c);
  if (p.kw.REFRESH) {
    for (const c of raclist) {
      if (!racf.raclisted.includes(c)) refuse(res, racfMsg.refreshNotRaclisted(c), RACF_RC.alreadyDefinedWarning);
    }
  } else for (const c of raclist) if (!racf.raclisted.includes(c)) racf.raclisted.push(c);
  for (const c of values(p.kw.NORACLIST)) racf.raclisted = racf.raclisted.filter((x) => x !== c);
  if (p.kw.REFRESH) res.lines.push(racfMsg.setroptsComplete);
  return res;
};

// ---------------------------------------------------------------------------
// List commands: read-only. Layouts INF, "LABEL=value" so a reader can key on labels.
// ---------------------------------------------------------------------------

const rlist: Handler = (ops, ctx) => {
  const p = parseCommand(ops, 2, [
    "ALL",
    "STDATA",
    "AUTHUSER",
    "NORACF",
    "RESGROUP",
    "SESSION",
    "STATISTICS",
    "CDTINFO",
    "SIGVER",
    "ICSF",
    "KERB",
    "PROXY",
    "EIM",
    "TME",
    "DLFDATA",
    "SSIGNON",
    "HISTORY",
    "ALIAS",
  ]);
  const cls = p.positional[0].word.toUpperCase();
  requireSpecial(ctx, "RLIST", cls);
  const byClass = ctx.state.racf.profiles[cls] ?? {};
  const wanted = names(p.positional[1], true);
  const list = wanted.includes("*") ? Object.keys(byClass).sort() : wanted.map((n) => profileName(cls, n));
  return forEachDefined(
    list,
    (name) => byClass[name],
    racfMsg.profileNotFound,
    RACF_RC.listNotFound,
    (prof, name, res) => {
      res.lines.push(`CLASS      NAME`, `-----      ----`, `${cls.padEnd(10)} ${name}`, "");
      res.lines.push(
        `LEVEL  OWNER      UNIVERSAL ACCESS  YOUR ACCESS  WARNING`,
        `-----  --------   ----------------  -----------  -------`,
      );
      res.lines.push(` 00    ${(prof.owner ?? "IBMUSER").padEnd(10)} ${prof.uacc.padEnd(17)} ${"ALTER".padEnd(12)} NO`, "");
      res.lines.push(`APPLICATION DATA`, `----------------`, prof.appldata ?? "NONE", "");
      if (prof.stdata) {
        res.lines.push(`STDATA INFORMATION`, `------------------`);
        for (const [k, v] of Object.entries(prof.stdata)) res.lines.push(`${k}= ${v}`);
        res.lines.push("");
      }
      if (p.kw.ALL || p.kw.AUTHUSER) {
        res.lines.push(`  USER      ACCESS   ACCESS COUNT`, `  ----      ------   ------ -----`);
        const entries = Object.entries(prof.access);
        if (entries.length === 0) res.lines.push(`  NO USERS IN ACCESS LIST`);
        for (const [id, acc] of entries) res.lines.push(`  ${id.padEnd(9)} ${acc.padEnd(8)}  000000`);
        res.lines.push("");
      }
    },
  );
};

const listgrp: Handler = (ops, ctx) => {
  const p = parseCommand(ops, ops.length && !/^(OMVS|DFP|OVM|TME|CSDATA|NORACF)$/i.test(ops[0].word) ? 1 : 0, [
    "OMVS",
    "DFP",
    "OVM",
    "TME",
    "CSDATA",
    "NORACF",
  ]);
  const racf = ctx.state.racf;
  const wanted = p.positional.length ? names(p.positional[0]) : [racf.users[ctx.user]?.defaultGroup ?? "SYS1"];
  requireSpecial(ctx, "LISTGRP", wanted.join(" "));
  const list = wanted.includes("*") ? Object.keys(racf.groups).sort() : wanted;
  return forEachDefined(
    list,
    (g) => racf.groups[g],
    racfMsg.listGroupNotFound,
    RACF_RC.listNotFound,
    (grp, g, res) => {
      res.lines.push(`INFORMATION FOR GROUP ${g}`, `    SUPERIOR GROUP=${grp.superiorGroup ?? "SYS1"}     OWNER=${grp.owner}`);
      const members = Object.entries(racf.users)
        .filter(([, u]) => u.groups.includes(g))
        .map(([id]) => id)
        .sort();
      if (members.length === 0) res.lines.push(`    NO USERS`);
      else {
        res.lines.push(`    USER(S)=      ACCESS=      ACCESS COUNT=      UNIVERSAL ACCESS=`);
        for (const m of members) res.lines.push(`      ${m.padEnd(8)}      USE          000000             NONE`);
      }
      res.lines.push(
        `OMVS INFORMATION`,
        `----------------`,
        grp.gid === undefined ? `NO GID` : `GID= ${String(grp.gid).padStart(10, "0")}`,
        "",
      );
    },
  );
};

const listuser: Handler = (ops, ctx) => {
  const segs = [
    "OMVS",
    "TSO",
    "NORACF",
    "DFP",
    "CICS",
    "KERB",
    "PROXY",
    "EIM",
    "CSDATA",
    "OVM",
    "LANGUAGE",
    "NETVIEW",
    "OPERPARM",
    "WORKATTR",
    "DCE",
    "LNOTES",
    "NDS",
    "MFA",
  ];
  const p = parseCommand(ops, ops.length && !segs.includes(ops[0].word.toUpperCase()) ? 1 : 0, segs);
  const racf = ctx.state.racf;
  const wanted = p.positional.length ? names(p.positional[0]) : [ctx.user.toUpperCase()];
  // Anyone may list their own profile; others need SPECIAL.
  if (!(wanted.length === 1 && wanted[0] === ctx.user.toUpperCase())) requireSpecial(ctx, "LISTUSER", wanted.join(" "));
  const list = wanted.includes("*") ? Object.keys(racf.users).sort() : wanted;
  return forEachDefined(
    list,
    (id) => racf.users[id],
    racfMsg.listUserNotFound,
    RACF_RC.listNotFound,
    (u, id, res) => {
      const attrs = [u.special ? "SPECIAL" : "", u.protected ? "PROTECTED" : "", u.restricted ? "RESTRICTED" : ""].filter(Boolean);
      res.lines.push(
        `USER=${id}  NAME=UNKNOWN  OWNER=${u.defaultGroup}`,
        ` DEFAULT-GROUP=${u.defaultGroup}`,
        ` ATTRIBUTES=${attrs.length ? attrs.join(" ") : "NONE"}`,
      );
      for (const g of u.groups) res.lines.push(`  GROUP=${g.padEnd(8)}  AUTH=USE      CONNECT-OWNER=${ctx.user.toUpperCase()}`);
      res.lines.push(`OMVS INFORMATION`, `----------------`);
      if (u.uid !== undefined) res.lines.push(`UID= ${String(u.uid).padStart(10, "0")}`);
      if (u.home) res.lines.push(`HOME= ${u.home}`);
      if (u.program) res.lines.push(`PROGRAM= ${u.program}`);
      if (u.fileProcMax !== undefined) res.lines.push(`FILEPROCMAX= ${u.fileProcMax}`);
      res.lines.push("");
    },
  );
};

const HANDLERS: Record<string, Handler> = {
  ADDGROUP: addgroup,
  AG: addgroup,
  ADDUSER: adduser,
  AU: adduser,
  ALTUSER: altuser,
  ALU: altuser,
  CONNECT: connect,
  CO: connect,
  REMOVE: remove,
  RE: remove,
  DELUSER: deluser,
  DU: deluser,
  DELGROUP: delgroup,
  DG: delgroup,
  RDEFINE: rdefine,
  RDEF: rdefine,
  RALTER: ralter,
  RALT: ralter,
  RDELETE: rdelete,
  RDEL: rdelete,
  PERMIT: permit,
  PE: permit,
  SETROPTS: setropts,
  SETR: setropts,
  RLIST: rlist,
  RL: rlist,
  LISTGRP: listgrp,
  LG: listgrp,
  LISTUSER: listuser,
  LU: listuser,
  RACDCERT: (ops, ctx) => racdcert(ops, ctx),
};

/** Run a RACF command; undefined when `verb` is not one. */
export function runRacfCommand(verb: string, ops: Operand[], ctx: RacfContext): CommandResult | undefined {
  const h = HANDLERS[verb.toUpperCase()];
  if (!h) return undefined;
  try {
    return h(ops, { ...ctx, user: ctx.user.toUpperCase() });
  } catch (e) {
    if (e instanceof CommandError) return e.result;
    throw e;
  }
}

/**
 * Runs RACF commands (one a string) as `user` against the database, for a sysplex set up
 * by hand; the results in order. The seeded fresh sysplex defines nothing of z/OSMF.
 */
export function runRacfCommands(state: EmulatorState, user: string, commands: readonly string[]): CommandResult[] {
  return commands.map((text) => {
    const ops = parseOperands(text, false);
    return (
      runRacfCommand(ops[0]?.word ?? "", ops.slice(1), { state, user }) ?? {
        rc: 12,
        lines: [`IKJ56500I COMMAND ${ops[0]?.word ?? ""} NOT FOUND`],
      }
    );
  });
}
