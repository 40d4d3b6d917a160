/**
 * The TSO terminal monitor program in batch (IKJEFT01, IKJEFT1A, IKJEFT1B): commands
 * from SYSTSIN, listing with READY prompts to SYSTSPRT. It runs RACF commands, the
 * IDCAMS commands TSO offers (DELETE, DEFINE, LISTCAT, as ZWECSRVS uses DELETE, §6.1)
 * and the z/OS UNIX commands MKDIR, MOUNT and UNMOUNT.
 */
import type { Program, ProgramContext } from "../jes/types";
import { findDd, readDd } from "./dd";
import { executeIdcams } from "./idcams";
import { parseIdcamsCommand } from "./idcams-parser";
import { mkdirMsg, TSO_STOP_ON_ERROR, tsoMsg } from "./messages";
import { type Operand, OperandError, parseOperands, splitStatements } from "./operands";
import { runRacfCommand } from "./racf";
import { RACF_RC, racfMsg } from "./racf-messages";
import { type CommandResult, CommandError, parseCommand, syntaxError, value, values } from "./racf-syntax";
import { makeDirectory } from "./uss";
import type { Mount } from "../state";
import { mountFileSystem, unmountFileSystem } from "./zfs";

interface TsoSession {
  ctx: ProgramContext;
  /** Data set name prefix for unquoted names (PROFILE PREFIX / NOPREFIX). */
  prefix: string | null;
}

const IDCAMS_VERBS = new Set(["DELETE", "DEL", "DEFINE", "DEF", "LISTCAT", "LISTC"]);

function idcamsCommand(text: string, s: TsoSession): CommandResult {
  // TSO adds the prefix to unquoted data set names; quoted names are taken as written.
  const resolve = (w: string, quoted: boolean) => (quoted || !s.prefix ? w : `${s.prefix}.${w}`).toUpperCase();
  const r = executeIdcams(s.ctx.state, parseIdcamsCommand(text, resolve), { user: s.ctx.user, nowIso: s.ctx.nowIso, resolve });
  return { rc: r.cc, lines: r.lines.filter((l) => l !== "" && !l.startsWith("          THE NUMBER") && !/^\s{20}\S/.test(l)) };
}

function mount(ops: Operand[], s: TsoSession): CommandResult {
  const p = parseCommand(ops, 0, [
    "FILESYSTEM",
    "TYPE",
    "MODE",
    "MOUNTPOINT",
    "PARM",
    "SETUID",
    "NOSETUID",
    "WAIT",
    "NOWAIT",
    "SECURITY",
    "NOSECURITY",
    "AUTOMOVE",
    "NOAUTOMOVE",
    "UNMOUNT",
    "SYSNAME",
    "TAG",
    "DDNAME",
    "KEYLABEL",
  ]);
  const fs = value(p.kw.FILESYSTEM, true);
  const mp = value(p.kw.MOUNTPOINT, true);
  if (!fs) return syntaxError("FILESYSTEM");
  if (!mp) return syntaxError("MOUNTPOINT");
  const type = value(p.kw.TYPE) ?? "ZFS";
  if (type !== "ZFS" && type !== "HFS" && type !== "TFS") return syntaxError(`TYPE(${type})`);
  const mode = value(p.kw.MODE) ?? "RDWR";
  if (mode !== "RDWR" && mode !== "READ") return syntaxError(`MODE(${mode})`);
  return mountFileSystem(s.ctx.state, {
    fsname: fs,
    mountpoint: mp,
    mode: mode === "RDWR" ? "rdwr" : "rdonly",
    sysname: value(p.kw.SYSNAME) ?? s.ctx.system,
    fstype: type,
    automove: automoveOf(p.kw),
    ...(p.kw.PARM ? { parm: value(p.kw.PARM, true) ?? "" } : {}),
  });
}

/** DOC (TSO MOUNT): AUTOMOVE, the default, NOAUTOMOVE or UNMOUNT: what a shared file system does when the owner leaves. */
function automoveOf(kw: Record<string, unknown>): Mount["automove"] {
  if ("UNMOUNT" in kw) return "unmount";
  if ("NOAUTOMOVE" in kw) return "no";
  return "AUTOMOVE" in kw ? "yes" : undefined;
}

function unmount(ops: Operand[], s: TsoSession): CommandResult {
  const p = parseCommand(ops, 0, ["FILESYSTEM", "NORMAL", "DRAIN", "FORCE", "IMMEDIATE", "RESET", "REMOUNT", "DDNAME"]);
  const fs = value(p.kw.FILESYSTEM, true);
  if (!fs) return syntaxError("FILESYSTEM");
  return unmountFileSystem(s.ctx.state, fs);
}

function mkdir(ops: Operand[], s: TsoSession): CommandResult {
  const p = parseCommand(ops, 1, ["MODE"]);
  const path = p.positional[0].word;
  if (!path.startsWith("/")) return syntaxError(path);
  const digits = values(p.kw.MODE);
  if (p.kw.MODE && (digits.length !== 3 || !digits.every((d) => /^[0-7]$/.test(d)))) return syntaxError("MODE");
  const r = makeDirectory(s.ctx.state, path, { parents: false, mode: digits.length ? digits.join("") : "755", owner: s.ctx.user });
  if (r.ok) return { rc: 0, lines: [] };
  return { rc: mkdirMsg.rc, lines: [mkdirMsg.failed(path, r.errno === "EEXIST" ? mkdirMsg.exists : mkdirMsg.noParent)] };
}

function profile(ops: Operand[], s: TsoSession): CommandResult {
  for (const op of ops) {
    const w = op.word.toUpperCase();
    if (w === "NOPREFIX") s.prefix = null;
    else if (w === "PREFIX") s.prefix = value(op) ?? s.prefix;
  }
  return { rc: 0, lines: [] };
}

/** Run one TSO command; `end` when the command was END. */
function runCommand(text: string, s: TsoSession): CommandResult & { end?: boolean } {
  let ops: Operand[];
  try {
    ops = parseOperands(text, false);
  } catch (e) {
    if (e instanceof OperandError) return { rc: RACF_RC.syntax, lines: [racfMsg.syntax(e.near.trim())] };
    throw e;
  }
  const verb = (ops[0]?.word ?? "").toUpperCase();
  const rest = ops.slice(1);
  try {
    if (verb === "END") return { rc: 0, lines: [], end: true };
    if (IDCAMS_VERBS.has(verb)) return idcamsCommand(text, s);
    const racf = runRacfCommand(verb, rest, { state: s.ctx.state, user: s.ctx.user, nowIso: s.ctx.nowIso });
    if (racf) return racf;
    if (verb === "MOUNT") return mount(rest, s);
    if (verb === "UNMOUNT" || verb === "UNMNT") return unmount(rest, s);
    if (verb === "MKDIR") return mkdir(rest, s);
    if (verb === "PROFILE" || verb === "PROF") return profile(rest, s);
    return { rc: tsoMsg.notFoundRc, lines: [tsoMsg.notFound(verb)] };
  } catch (e) {
    if (e instanceof CommandError) return e.result;
    throw e;
  }
}

/** A TSO batch program; `name` selects the error handling (TSO_STOP_ON_ERROR). */
export function tsoBatch(name: string): Program {
  return (ctx) => {
    const systsin = findDd(ctx.step, "SYSTSIN");
    const input = systsin.length ? readDd(ctx.state, systsin) : { error: "SYSTSIN" };
    if ("error" in input) return { completion: { cc: 12 }, outputs: { SYSTSPRT: [tsoMsg.noSystsin].join("\n") } };
    const s: TsoSession = { ctx, prefix: ctx.user.toUpperCase() };
    const out: string[] = [tsoMsg.ready];
    let cc = 0;
    let stopped = false;
    for (const st of splitStatements(input.lines, { truncate72: false, semicolon: false })) {
      out.push(` ${st.text}`);
      const r = runCommand(st.text, s);
      out.push(...r.lines);
      cc = Math.max(cc, r.rc);
      if (r.end) break;
      if (r.rc !== 0 && TSO_STOP_ON_ERROR[name]) {
        stopped = true;
        break;
      }
      out.push(tsoMsg.ready);
    }
    if (!stopped) out.push(tsoMsg.end);
    return { completion: { cc }, outputs: { SYSTSPRT: out.join("\n") } };
  };
}
