/**
 * `VARY TCPIP,[procname],SYSPLEX,QUIESCE|RESUME,...` on a target stack (DOC: halu101
 * varysysl, syntax diagram):
 *
 *   QUIesce,POrt=portnum[,JOBNAME=jobname[,ASID=asid]]   RESUME,POrt=portnum[,JOBNAME=...[,ASID=...]]
 *   QUIesce,JOBNAME=jobname[,ASID=asid]                  RESUME,JOBNAME=jobname[,ASID=asid]
 *   QUIesce,TARGET                                       RESUME,TARGET
 *
 * A quiesce stops the distributor sending NEW connections to the quiesced listeners (or, with
 * TARGET, to every listener of this stack); the servers keep running and keep the
 * connections they have, as quiesce does for the TN3270E server (DOC: halz002
 * telnet_commands, "blocks any new connection requests but allows existing connections to
 * continue"). RESUME lets new connections come again.
 *
 * INF (no source found for these): the quiesce marks the listening sockets, so a server that
 * is stopped and started again listens unquiesced; a stack restart ends a TARGET quiesce;
 * the emulator has no address-space ids, so ASID is checked for form only; the command
 * fails when this stack is not a target of a distribution in force or no listener matches,
 * and those failures, having no documented message id, answer with lines that carry none.
 */
import type { EmulatorState, Listener, SystemState } from "../state";
import { activeDistributions, expandTargets } from "./distribution";
import { msg } from "./forms";
import { observe } from "./notice";

interface Selection {
  target: boolean;
  port?: number;
  jobName?: string;
  asid?: string;
}

const JOBNAME = /^[A-Z@#$][A-Z0-9@#$]{0,7}$/;
const ASID = /^[0-9A-F]{1,4}$/;

/** `word` is `full` or an abbreviation of it no shorter than `min` characters (the upper-case part of the diagram). */
export function abbreviates(word: string, full: string, min: number): boolean {
  const w = word.toUpperCase();
  return w.length >= min && full.startsWith(w);
}

/** Reads the operands after QUIESCE/RESUME in the diagram's order; a string says what is wrong. */
function parseSelection(ops: string[]): Selection | string {
  if (ops.length === 1 && ops[0].toUpperCase() === "TARGET") return { target: true };
  const sel: Selection = { target: false };
  let i = 0;
  const kv = (op: string | undefined) => /^([A-Za-z]+)=(.*)$/.exec(op ?? "");
  let m = kv(ops[i]);
  if (m && abbreviates(m[1], "PORT", 2)) {
    const port = Number(m[2]);
    if (!/^\d{1,5}$/.test(m[2]) || port < 1 || port > 65535) return `PORT=${m[2]}: A PORT NUMBER 1-65535 IS REQUIRED`;
    sel.port = port;
    m = kv(ops[++i]);
  }
  if (m && m[1].toUpperCase() === "JOBNAME") {
    if (!JOBNAME.test(m[2].toUpperCase())) return `JOBNAME=${m[2]}: A JOB NAME OF 1-8 CHARACTERS IS REQUIRED`;
    sel.jobName = m[2].toUpperCase();
    m = kv(ops[++i]);
    if (m && m[1].toUpperCase() === "ASID") {
      if (!ASID.test(m[2].toUpperCase())) return `ASID=${m[2]}: AN ADDRESS SPACE ID OF 1-4 HEXADECIMAL DIGITS IS REQUIRED`;
      sel.asid = m[2].toUpperCase();
      i++;
    }
  }
  if (i < ops.length) return `${ops[i].toUpperCase()}: NOT VALID HERE`;
  if (sel.port === undefined && sel.jobName === undefined) return "PORT=, JOBNAME= OR TARGET IS REQUIRED";
  return sel;
}

/** Listeners of this stack that some distribution in force sends work to. */
function distributedListeners(state: EmulatorState, sys: SystemState): Listener[] {
  const xcf = sys.tcpip.dynamicXcf?.address;
  const dists = activeDistributions(state)
    .map((a) => a.dist)
    .filter((d) => expandTargets(state, d).some((t) => t.xcf === xcf));
  return sys.tcpip.listeners.filter((l) =>
    dists.some((d) => (l.address === d.dvipa || l.address === "0.0.0.0") && (d.ports.length === 0 || d.ports.includes(l.port))),
  );
}

function isTarget(state: EmulatorState, sys: SystemState): boolean {
  const xcf = sys.tcpip.dynamicXcf?.address;
  return !!xcf && activeDistributions(state).some(({ dist }) => expandTargets(state, dist).some((t) => t.xcf === xcf));
}

/**
 * Runs the SYSPLEX command on the system's stack. `ops` are the operands after SYSPLEX;
 * `echo` is the command as EZZ0060I repeats it.
 */
export function varySysplex(state: EmulatorState, system: string, echo: string, ops: string[], now: number): string[] {
  const sys = state.systems[system];
  const fail = (why: string) => [msg.processing(echo), msg.sysplexFailed(why)];
  const action = (ops[0] ?? "").toUpperCase();
  const quiesce = abbreviates(action, "QUIESCE", 3);
  if (!quiesce && action !== "RESUME") {
    const known = ["LEAVEGROUP", "JOINGROUP", "DEACTIVATE", "REACTIVATE"].some((w, k) => abbreviates(action, w, [5, 4, 5, 5][k]));
    return fail(known ? `${action} IS NOT MODELLED` : `${action || "(NONE)"}: QUIESCE OR RESUME IS REQUIRED`);
  }
  const sel = parseSelection(ops.slice(1));
  if (typeof sel === "string") return fail(sel);
  if (!isTarget(state, sys)) return fail(`${sys.tcpip.proc} ON ${system} IS NOT A TARGET OF A DISTRIBUTED DYNAMIC VIPA`);
  if (sel.target) sys.tcpip.targetQuiesced = quiesce;
  else {
    const chosen = distributedListeners(state, sys).filter(
      (l) => (sel.port === undefined || l.port === sel.port) && (sel.jobName === undefined || l.jobName.toUpperCase() === sel.jobName),
    );
    if (chosen.length === 0) return fail(`NO DISTRIBUTED LISTENER ON ${system} MATCHES ${ops.slice(1).join(",").toUpperCase()}`);
    for (const l of chosen) {
      if (quiesce) l.quiesced = true;
      else delete l.quiesced;
    }
  }
  observe(state, now);
  return [msg.processing(echo), msg.sysplexDone()];
}
