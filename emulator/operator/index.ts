/**
 * The operator console behind `PUT /zosmf/restconsoles/consoles/<name>`: one command in,
 * the solicited message lines out.
 *
 * Line convention for the HTTP core: a line that opens a message starts with its message
 * id (the core puts the single leading blank before it); continuation lines already
 * start with their two blanks (§3.3). The core joins lines with `\r`.
 *
 * Routing (§3.2): `RO sys,cmd` runs the command on that system; an unknown name gives
 * IEE618I. `RO *ALL,cmd` runs it on every system that is up, grouped per system. A
 * command for a system that is down (directly or routed) is rejected with the same IEE618I:
 * z/OS answers it for any name that is not an active system of the sysplex (§10.2).
 */
import type { EmulatorState } from "../state";
import { resolveConnection, stillRoutes } from "../tcpip/connect";
import { msg } from "../tcpip/forms";
import { IMMEDIATE, settle, type DistributorPolicy } from "../tcpip/notice";
import { displayCommand } from "./display";
import { type Ctx, endDueTasks, startCommand, stopCommand } from "./start-stop";
import { jes2Display, rvaryCommand } from "./sysplex-share";
import { varyCommand } from "./vary";

export { setSystemUp } from "./system-state";

/** The system whose server would accept a new connection to address:port now, or null. */
export function resolveDvipa(
  state: EmulatorState,
  address: string,
  port: number,
  at?: { now: number; policy: DistributorPolicy },
): string | null {
  return resolveConnection(state, address, port, at);
}

function findSystem(state: EmulatorState, name: string): string | undefined {
  return Object.keys(state.systems).find((s) => s.toUpperCase() === name.toUpperCase());
}

/** Whether a connection to address:port already on `system` would still be sent there now. */
export function dvipaStillRoutes(
  state: EmulatorState,
  address: string,
  port: number,
  system: string,
  at?: { now: number; policy: DistributorPolicy },
): boolean {
  return stillRoutes(state, address, port, system, at);
}

export function issueCommand(
  state: EmulatorState,
  ctx: { system: string; consoleName: string; now: number; distributor?: DistributorPolicy; stopMs?: number },
  cmd: string,
): { lines: string[] } {
  // A task stopped earlier whose shutdown is over by now has ended before the command sees the system.
  endDueTasks(state, ctx.now);
  // The distributor acts on what it has noticed by now before the command sees it, and on
  // what the command changed (with no notice delay, at once).
  const policy = ctx.distributor ?? IMMEDIATE;
  settle(state, ctx.now, policy);
  const lines = run(state, ctx, cmd.trim());
  settle(state, ctx.now, policy);
  return { lines };
}

function run(state: EmulatorState, ctx: Ctx, cmd: string): string[] {
  const system = findSystem(state, ctx.system);
  if (!system) return [msg.routeBadSystem()];
  // A system that left the sysplex is not an active system name: IEE618I as for any other (§3.2, §10.2).
  if (!state.systems[system].up) return [msg.routeBadSystem()];
  const here = { ...ctx, system };
  const m = /^(\S+)\s*(.*)$/s.exec(cmd);
  if (!m) return [];
  const verb = m[1].toUpperCase();
  const operand = m[2];

  switch (verb) {
    case "RO":
    case "ROUTE":
      return route(state, here, operand);
    case "D":
    case "DISPLAY":
      return displayCommand(state, here, operand);
    case "V":
    case "VARY":
      return varyCommand(state, here, operand);
    case "S":
    case "START":
      return startCommand(state, here, operand);
    case "P":
    case "STOP":
      return stopCommand(state, here, operand);
    case "RVARY":
      return rvaryCommand(state.systems[system], operand);
    default:
      // JES2 commands carry their command character ($) before the verb: `$D MEMBER`, `$DMEMBER`.
      if (verb.startsWith("$D")) return jes2Display(state, state.systems[system], verb, operand, ctx.now);
      return [msg.commandInvalid(verb)];
  }
}

function route(state: EmulatorState, ctx: Ctx, operand: string): string[] {
  const comma = operand.indexOf(",");
  if (comma < 0) return [msg.commandInvalid("ROUTE")];
  const target = operand.slice(0, comma).trim();
  const inner = operand.slice(comma + 1).trim();
  if (target.toUpperCase() === "*ALL") return routeAll(state, ctx, inner);
  const system = findSystem(state, target);
  if (!system) return [msg.routeBadSystem()];
  return run(state, { ...ctx, system }, inner);
}

/**
 * `RO *ALL,cmd` (IEE421I, DOC): one aggregated message, the responses sorted by system name.
 * When every response is one line they form a SYSNAME table; otherwise each system's lines
 * follow a heading with its name. Every active system answers here, so the "NO RESPONSE
 * RECEIVED" part never appears; a system that is down is not a member and is not listed.
 */
function routeAll(state: EmulatorState, ctx: Ctx, inner: string): string[] {
  const systems = Object.values(state.systems)
    .filter((sys) => sys.up)
    .map((sys) => sys.name)
    .sort();
  const answers = systems.map((name) => ({ name, lines: run(state, { ...ctx, system: name }, inner) }));
  const lines = [msg.routeAllHeader(inner.toUpperCase())];
  if (answers.every((a) => a.lines.length <= 1)) {
    lines.push(msg.routeAllTable(), ...answers.map((a) => msg.routeAllRow(a.name, a.lines[0] ?? "")));
    return lines;
  }
  for (const a of answers) {
    lines.push(msg.routeAllSystem(a.name));
    // Within the one aggregated message every line is a continuation line (two blanks, §3.3).
    for (const l of a.lines) lines.push(l.startsWith(" ") ? l : "  " + l);
  }
  return lines;
}
