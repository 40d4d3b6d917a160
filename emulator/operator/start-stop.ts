/**
 * `S proc[.id][,JOBNAME=x][,KEY=value…]` and `P jobname`.
 *
 * z/OSMF servers (§7.1, §7.4, seed 002) start only when their IZUPRMxx members exist and
 * parse, USER_DIR is mounted read-write on this system, the angel is up (it is started
 * implicitly from PROCLIB when it is not: the emulator's choice, printing the angel's
 * own start messages), and no running server already serves the AUTOSTART_GROUP. They
 * listen on HTTP_SSL_PORT bound to HOSTNAME when it is an IPv4 address (else 0.0.0.0).
 * Other procedures listen where their JCL says (tcpip/forms.ts LISTEN_CARD).
 * A refused start prints its reason and the task ends at once.
 *
 * Before anything runs the procedure is converted as JES reads it (proc-jcl.ts, §10.3): a
 * JCL error ends the task there. A server's USER_DIR is the procedure's USERDIR symbol
 * (IBM's IZUSVR1 reference: the data directory the procedure names); an IZUPRMxx USER_DIR
 * naming another directory is refused (INF: IBM requires both to name the server's own
 * USER_DIR). Every task is a STC job on the spool with its messages in JESMSGLG (stc-jobs.ts).
 */
import type { EmulatorState, Job, Listener, StartedTask, SystemState } from "../state";
import { reconcile } from "../tcpip/dvipa";
import { msg } from "../tcpip/forms";
import { jesTexts } from "../zosmf-forms";
import { isIpv4 } from "../tcpip/keywords";
import { findInConcatenation } from "../tcpip/records";
import { timeOfDay } from "../tcpip/displays/frame";
import { addListener, bindRefusal } from "./binding";
import { type IzuprmSettings, parseIzuprm, setting } from "./izuprm";
import { keystoreRefusal } from "./keyring-check";
import { keywordOperands, splitOperands } from "./operands";
import { readProcJcl, type ProcJclReading } from "./proc-jcl";
import { findProc, type ProcInfo } from "./procs";
import { closeStc, date, logStc, openStc, stcJob } from "./stc-jobs";

/** INF: the completion code of a server that ended in initialisation (the keystore failure ends CC 0012). */
const FAILED_RC = 12;

export interface Ctx {
  system: string;
  consoleName: string;
  now: number;
  /** How long a stopped task takes to end (emulated ms); absent = at once. */
  stopMs?: number;
}

export function startCommand(state: EmulatorState, ctx: Ctx, operand: string): string[] {
  const ops = splitOperands(operand);
  const [procPart, ...rest] = ops;
  const [procName, ident] = (procPart ?? "").toUpperCase().split(".");
  if (!procName) return [msg.commandInvalid("START")];
  const { keywords } = keywordOperands(rest);
  const job = (keywords.JOBNAME ?? ident ?? procName).toUpperCase();
  const sys = state.systems[ctx.system];
  const proc = findProc(state, procName);
  if (!proc) return [msg.procNotFound(procName), msg.startJclError()];
  if (sys.tasks[job]) return [msg.alreadyActive(job)];
  const reading = readProcJcl(proc.jcl);
  if (reading.errors.length > 0) return jclError(state, ctx, proc, job, reading);
  const params = { ...proc.defaults, ...Object.fromEntries(Object.entries(keywords).map(([k, v]) => [k, v.replace(/^'(.*)'$/, "$1")])) };
  if (proc.kind === "angel") return startAngel(state, ctx, sys, proc, job);
  if (proc.kind === "zosmf") return startZosmf(state, ctx, sys, proc, job, params);
  return startListener(state, ctx, sys, proc, job, params);
}

/** A task on its way: what the console shows, and the task's own lines for its JESMSGLG. */
interface Started {
  jobid: string;
  stc: Job;
  lines: string[];
  own: string[];
}

function begin(state: EmulatorState, ctx: Ctx, proc: ProcInfo, job: string): Started {
  const stc = openStc(state, ctx.system, proc.name, job, ctx.now, readProcJcl(proc.jcl).listing);
  const first = [msg.hasp373(job), msg.ief403(job, timeOfDay(ctx.now))];
  return { jobid: stc.jobid, stc, lines: [...first], own: [...first] };
}

/** The task's messages go to its job log; `rc` set means the task has ended with that completion code. */
function settle(ctx: Ctx, started: Started, rc?: number): string[] {
  logStc(started.stc, ctx.now, started.own);
  if (rc !== undefined) closeStc(started.stc, ctx.now, `CC ${String(rc).padStart(4, "0")}`);
  return started.lines;
}

function say(started: Started, ...lines: string[]): void {
  started.lines.push(...lines);
  started.own.push(...lines);
}

function end(ctx: Ctx, job: string, rc = 0): string[] {
  return [msg.ief404(job, timeOfDay(ctx.now)), msg.hasp395(job, rc)];
}

/** The converter stopped the task: nothing ran (§10.3). */
function jclError(state: EmulatorState, ctx: Ctx, proc: ProcInfo, job: string, reading: ProcJclReading): string[] {
  const stc = openStc(state, ctx.system, proc.name, job, ctx.now, reading.listing);
  const texts = reading.errors.map((e) => e.replace(/^\s*\d+ /, ""));
  // INF: the conversion messages are also in the task's JESMSGLG, as the console shows them.
  logStc(stc, ctx.now, [...texts, jesTexts.jobNotRun(job), jesTexts.jobTerminated(job)]);
  const sysmsg = stc.spool.find((f) => f.ddname === "JESYSMSG");
  if (sysmsg)
    sysmsg.text = [
      " STMT NO. MESSAGE",
      ...reading.errors.map((e) => `${e.replace(/^\s*(\d+) /, (_m, n: string) => n.padStart(10) + " ")}`),
    ].join("\n");
  closeStc(stc, ctx.now, "JCL ERROR");
  return [...texts, msg.startJclError()];
}

function register(sys: SystemState, task: StartedTask): void {
  sys.tasks[task.jobName] = task;
}

function startAngel(state: EmulatorState, ctx: Ctx, sys: SystemState, proc: ProcInfo, job: string): string[] {
  const started = begin(state, ctx, proc, job);
  register(sys, {
    jobName: job,
    proc: proc.name,
    kind: "angel",
    jobid: started.jobid,
    startedAt: ctx.now,
    procStep: readProcJcl(proc.jcl).firstStep ?? undefined,
  });
  say(started, msg.angelReady(job));
  return settle(ctx, started);
}

/** IZUPRM=xx, IZUPRM=(xx,yy) or NONE; PREV and SYSPARM have no IEASYSxx to consult here, so they read IZUPRM00. */
function izuprmSuffixes(value: string | undefined): string[] {
  const v = (value ?? "00").toUpperCase().replace(/^\((.*)\)$/, "$1");
  if (v === "NONE") return [];
  return v
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean)
    .map((s) => (s === "PREV" || s === "SYSPARM" ? "00" : s));
}

function readIzuprm(state: EmulatorState, suffixes: string[]): IzuprmSettings | string {
  const merged: IzuprmSettings = { values: {}, errors: [] };
  for (const sfx of suffixes) {
    const member = `IZUPRM${sfx}`;
    const found = findInConcatenation(state, state.parmlibs, member);
    if (!found) return `PARMLIB MEMBER ${member} NOT FOUND`;
    const parsed = parseIzuprm(found.text);
    if (parsed.errors.length) return `${member}: ${parsed.errors[0]}`;
    // A later member overrides an earlier one.
    Object.assign(merged.values, parsed.values);
  }
  return merged;
}

function startZosmf(
  state: EmulatorState,
  ctx: Ctx,
  sys: SystemState,
  proc: ProcInfo,
  job: string,
  params: Record<string, string>,
): string[] {
  const started = begin(state, ctx, proc, job);
  const fail = (why: string, extra: string[] = []) => {
    say(started, ...extra, msg.zosmfFailed(job, why), ...end(ctx, job, FAILED_RC));
    return settle(ctx, started, FAILED_RC);
  };

  const suffixes = izuprmSuffixes(params.IZUPRM);
  const settings = readIzuprm(state, suffixes);
  if (typeof settings === "string") return fail(settings);

  const fromMember = setting(settings, "USER_DIR").replace(/\/+$/, "");
  const fromProc = params.USERDIR?.replace(/\/+$/, "");
  if (fromProc !== undefined && settings.values.USER_DIR !== undefined && fromMember !== fromProc) {
    return fail(`USER_DIR ${fromMember} DOES NOT MATCH USERDIR ${fromProc} OF PROCEDURE ${proc.name}`);
  }
  const userDir = fromProc ?? fromMember;
  // A shared file system serves every system, whichever owns the mount (§7.1 asks only for a unique USER_DIR).
  const mount = state.mounts.find((m) => m.mountpoint.replace(/\/+$/, "") === userDir);
  if (!mount) return fail(`USER_DIR ${userDir} IS NOT MOUNTED`);
  if (mount.mode !== "rdwr") return fail(`USER_DIR ${userDir} IS MOUNTED READ-ONLY`);

  const angel = setting(settings, "ANGEL_PROC").toUpperCase();
  const angelUp = Object.values(sys.tasks).some((t) => t.kind === "angel" && (t.jobName === angel || t.proc === angel));
  if (!angelUp) {
    const angelProc = findProc(state, angel);
    if (!angelProc || angelProc.kind !== "angel" || readProcJcl(angelProc.jcl).errors.length > 0)
      return fail(`ANGEL PROCESS ${angel} IS NOT ACTIVE AND CANNOT BE STARTED`);
    // The angel's messages are its own: on the console here, in its own job log.
    started.lines.push(...startAngel(state, ctx, sys, angelProc, angel));
  }

  const group = setting(settings, "AUTOSTART_GROUP").toUpperCase();
  for (const other of Object.values(state.systems)) {
    if (!other.up) continue;
    const rival = Object.values(other.tasks).find((t) => t.kind === "zosmf" && t.autostartGroup === group);
    if (rival) return fail(`AUTOSTART GROUP ${group} IS ALREADY SERVED BY ${rival.jobName} ON ${other.name}`);
  }

  const keystore = keystoreRefusal(state, proc.name, job, setting(settings, "KEYRING_NAME"), date(ctx.now));
  if (keystore) return fail(keystore.why, keystore.lines);

  const hostname = setting(settings, "HOSTNAME");
  const address = isIpv4(hostname) ? hostname : "0.0.0.0";
  const port = Number(setting(settings, "HTTP_SSL_PORT"));
  const refusal = bindRefusal(state, sys, job, address, port);
  if (refusal) return fail(`BIND TO ${address}..${port} FAILED: ${refusal}`, [msg.bindFailed(address, port)]);

  register(sys, {
    jobName: job,
    proc: proc.name,
    kind: "zosmf",
    jobid: started.jobid,
    autostartGroup: group,
    izuprm: suffixes,
    startedAt: ctx.now,
    procStep: readProcJcl(proc.jcl).firstStep ?? undefined,
  });
  addListener(state, sys, { jobName: job, address, port });
  reconcile(state, ctx.now);
  say(started, msg.zosmfInitialized(), msg.zosmfReady());
  return settle(ctx, started);
}

function startListener(
  state: EmulatorState,
  ctx: Ctx,
  sys: SystemState,
  proc: ProcInfo,
  job: string,
  params: Record<string, string>,
): string[] {
  const started = begin(state, ctx, proc, job);
  const wanted: Listener[] = [];
  const fromParams = params.PORT !== undefined;
  const cards = fromParams ? [{ port: params.PORT, addr: params.ADDR }] : proc.listenCards;
  for (const c of cards) {
    const port = Number(c.port);
    if (!Number.isInteger(port) || port < 1 || port > 65535) continue;
    wanted.push({ jobName: job, address: c.addr && isIpv4(c.addr) ? c.addr : "0.0.0.0", port });
  }
  for (const l of wanted) {
    const refusal = bindRefusal(state, sys, job, l.address, l.port);
    if (refusal) {
      say(started, msg.listenerBindFailed(job, l.address, l.port, refusal), ...end(ctx, job));
      return settle(ctx, started, 0);
    }
  }
  register(sys, {
    jobName: job,
    proc: proc.name,
    kind: "listener",
    jobid: started.jobid,
    startedAt: ctx.now,
    procStep: readProcJcl(proc.jcl).firstStep ?? undefined,
  });
  for (const l of wanted) addListener(state, sys, l);
  reconcile(state, ctx.now);
  return settle(ctx, started);
}

/**
 * `P job`: the listeners close at once (the program stops taking work) and the address space
 * ends after `ctx.stopMs` (INF: z/OS ends it once the program's own shutdown is done; no figure
 * is documented). Until then `D A` still lists the task and `S` of it is IEE842I; its end
 * messages (IEF404I, $HASP395) go to its job log then, so a delayed stop answers nothing at once.
 */
export function stopCommand(state: EmulatorState, ctx: Ctx, operand: string): string[] {
  const job = splitOperands(operand)[0]?.toUpperCase().split(".").pop() ?? "";
  const sys = state.systems[ctx.system];
  const task = job ? sys.tasks[job] : undefined;
  if (!task) return [msg.notActive(job || operand.toUpperCase())];
  sys.tcpip.listeners = sys.tcpip.listeners.filter((l) => l.jobName !== job);
  reconcile(state, ctx.now);
  const delay = Math.max(0, ctx.stopMs ?? 0);
  // A second P while it shuts down does not bring its end nearer.
  task.endsAt = Math.min(task.endsAt ?? Infinity, ctx.now + delay);
  if (delay > 0) return [];
  return endTask(state, ctx.system, job, ctx.now);
}

/** Ends the address space of a stopped task; its end messages. */
function endTask(state: EmulatorState, system: string, job: string, at: number): string[] {
  const sys = state.systems[system];
  const task = sys.tasks[job];
  delete sys.tasks[job];
  const lines = end({ system, consoleName: "", now: at }, job);
  const stc = task ? stcJob(state, task.jobid) : undefined;
  if (stc) {
    logStc(stc, at, lines);
    closeStc(stc, at, "CC 0000");
  }
  return lines;
}

/** Ends every stopped task whose shutdown is over by `now` (checked lazily, as IPL returns are). */
export function endDueTasks(state: EmulatorState, now: number): void {
  for (const sys of Object.values(state.systems))
    for (const task of Object.values(sys.tasks))
      if (task.endsAt !== undefined && task.endsAt <= now) endTask(state, sys.name, task.jobName, task.endsAt);
}
