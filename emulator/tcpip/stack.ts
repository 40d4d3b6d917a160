/**
 * A TCP/IP stack ending and starting (facts §10.4). Ending drops everything the stack had:
 * what its profile and every VARY OBEYFILE defined, its DVIPAs (backup stacks take them over,
 * as when its system leaves the sysplex) and its listeners' sockets. Starting reads the
 * initial profile found through the PROFILE DD, following nested INCLUDEs, with the parser
 * OBEYFILE uses; a statement in error is reported and ignored and processing continues, as
 * for an OBEYFILE (DOC: IP Messages, e.g. EZZ0326I "If processing an initial profile or a
 * VARY TCPIP,,OBEYFILE command, profile processing continues, but the statement is ignored").
 */
import type { EmulatorState } from "../state";
import { applyStatements } from "./apply";
import { reconcile } from "./dvipa";
import { msg } from "./forms";
import { keyword } from "./keywords";
import { parseProfile, type Statement } from "./profile-parser";
import { locateProfile } from "./profile-dd";
import { profileTokens, readMember } from "./records";

/** INF: how deep INCLUDEs may nest before the reader refuses one (a loop ends there too). */
const MAX_INCLUDE_DEPTH = 16;
const isInclude = keyword("INCLUDE");

interface Reading {
  statements: Statement[];
  messages: string[];
}

/**
 * The stack of `system` ends. INF: servers keep running but their sockets are gone; they
 * listen again only when restarted (P and S). IBM says nothing of z/OSMF (Liberty) here; for
 * WebSphere Application Server for z/OS it says the server must be restarted after TCP/IP
 * is (DOC: WAS for z/OS, "TCP/IP automation and recovery scenarios").
 */
export function endStack(state: EmulatorState, system: string, now: number): string[] {
  const stack = state.systems[system].tcpip;
  stack.listeners = [];
  // Leaving the sysplex group first lets the backups take the DVIPAs and distributions over.
  stack.dynamicXcf = null;
  reconcile(state, now);
  Object.assign(stack, {
    sysplexRouting: false,
    homeAddresses: [],
    vipaDefine: [],
    vipaBackup: [],
    distributions: [],
    ports: [],
    activeDvipas: [],
    // A TARGET quiesce is the running stack's state; it does not outlive it (INF).
    targetQuiesced: false,
  });
  reconcile(state, now);
  return [msg.stackEnded(stack.proc)];
}

/** The stack of `system` starts from its initial profile; returns the messages it issued. */
export function startStack(state: EmulatorState, system: string, now: number): string[] {
  const stack = state.systems[system].tcpip;
  const source = locateProfile(state, system);
  const reading: Reading = { statements: [], messages: [] };
  if (source === null) reading.messages.push(msg.profileNotFound());
  else if ("error" in source) reading.messages.push(msg.openFailed("PROFILE", `'${source.name}'`, source.error), msg.profileNotFound());
  else {
    reading.messages.push(msg.profileOpened("PROFILE", source.name), msg.profileBegin(source.name));
    readFile(state, source.text, source.name, [source.name], reading);
    reading.messages.push(msg.profileDone(source.name));
  }
  applyStatements(state, system, reading.statements, now);
  return [...reading.messages, msg.stackInitialised(), msg.stackAvailable(stack.proc)];
}

/** Ends and starts the stack, as `P TCPIP` then `S TCPIP` would. */
export function restartStack(state: EmulatorState, system: string, now: number): string[] {
  return [...endStack(state, system, now), ...startStack(state, system, now)];
}

/**
 * One profile file: the statements between INCLUDEs are parsed in place (line numbers kept),
 * each INCLUDE is read where it stands. INF: an INCLUDE is taken to be alone on its record,
 * and a VIPADYNAMIC block does not span one.
 */
function readFile(state: EmulatorState, text: string, name: string, chain: string[], out: Reading): void {
  const tokens = profileTokens(text);
  const records = text.split(/\r?\n/);
  let from = 1;
  for (let i = 0; i < tokens.length; i++) {
    if (!isInclude(tokens[i].text)) continue;
    parseRecords(records, from, tokens[i].line - 1, name, out);
    const target = tokens[i + 1];
    if (!target || target.line !== tokens[i].line) {
      out.messages.push(msg.syntaxError(name, tokens[i].line, tokens[i].upper));
      from = tokens[i].line + 1;
      continue;
    }
    include(state, target.text, chain, out);
    from = target.line + 1;
    i++;
  }
  parseRecords(records, from, records.length, name, out);
}

function include(state: EmulatorState, spec: string, chain: string[], out: Reading): void {
  const member = readMember(state, spec);
  const name = `'${member.name}'`;
  if ("error" in member) return void out.messages.push(msg.openFailed("INCLUDE", name, member.error));
  if (chain.includes(name) || chain.length > MAX_INCLUDE_DEPTH)
    return void out.messages.push(msg.openFailed("INCLUDE", name, "INCLUDE NESTED TOO DEEPLY OR IN A LOOP"));
  out.messages.push(msg.profileOpened("INCLUDE", name), msg.profileBegin(name));
  readFile(state, member.text, name, [...chain, name], out);
  out.messages.push(msg.profileDone(name));
}

/** Parses records from..to (1-based, inclusive) of a file, blanking the others so line numbers stay true. */
function parseRecords(records: string[], from: number, to: number, name: string, out: Reading): void {
  if (to < from) return;
  const text = records.map((r, i) => (i + 1 >= from && i + 1 <= to ? r : "")).join("\n");
  const parsed = parseProfile(text, name);
  out.statements.push(...parsed.statements);
  out.messages.push(...parsed.messages);
}
