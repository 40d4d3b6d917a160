/**
 * An IPL and a TCP/IP stack restart, as z/OS does them (facts §10.4). Going down is the
 * `down` of system-state.ts (tasks end, listeners go, owned mounts are released by their
 * AUTOMOVE mode) and the stack's whole configuration goes with it. Coming back, the system
 * reads IEASYS00 and its SYSPARM members; mounts what the BPXPRMxx members OMVS= names say;
 * starts its stack from the initial profile; and autostarts z/OSMF from IZU=. Nothing
 * applied dynamically before (OBEYFILE, TSO MOUNT of a file system that did not stay
 * mounted, `S` commands) comes back on its own.
 *
 * A system down for `durationMs` comes back when the emulated clock reaches its return
 * time, checked lazily on the next request (returnDueSystems), at that time exactly.
 */
import { sysclone } from "../ipl-members";
import type { EmulatorState, IplRecord, SystemState } from "../state";
import { endStack, restartStack, startStack } from "../tcpip/stack";
import { autostartZosmf } from "./autostart";
import { mountFromBpxprm } from "./bpxprm";
import { readIeasys, suffixList } from "./ieasys";
import { setSystemUp } from "./system-state";

/** INF: a system's LOADxx SYSPARM names the IEASYSxx whose suffix is its &SYSCLONE. */
export function iplRecord(sys: SystemState): IplRecord {
  return (sys.ipl ??= { ieasys: [sysclone(sys.name)], log: [] });
}

/** IPLs `name`: down now, back at once (durationMs 0) or when the clock reaches now + durationMs. */
export function iplSystem(state: EmulatorState, name: string, now: number, durationMs: number): string[] {
  const sys = state.systems[name];
  setSystemUp(state, name, false, now);
  const record = iplRecord(sys);
  record.log = endStack(state, name, now);
  record.returnsAt = now + durationMs;
  if (durationMs <= 0) comeBack(state, name);
  return record.log;
}

/** Ends and starts the stack of a running system; its messages (also kept in the IPL record's log). */
export function tcpipRestart(state: EmulatorState, name: string, now: number): string[] {
  const record = iplRecord(state.systems[name]);
  record.log = restartStack(state, name, now);
  return record.log;
}

/** Brings back every system whose IPL return time has come, earliest first; true when any came back. */
export function returnDueSystems(state: EmulatorState, now: number): boolean {
  const due = Object.values(state.systems)
    .filter((s) => !s.up && s.ipl?.returnsAt !== undefined && s.ipl.returnsAt <= now)
    .sort((a, b) => a.ipl!.returnsAt! - b.ipl!.returnsAt! || a.name.localeCompare(b.name));
  for (const sys of due) comeBack(state, sys.name);
  return due.length > 0;
}

/** `/up` for a system still down for an IPL: the IPL ends now (the members are read), not a plain rejoin. */
export function endIplNow(state: EmulatorState, name: string, now: number): boolean {
  const record = state.systems[name].ipl;
  if (state.systems[name].up || record?.returnsAt === undefined) return false;
  record.returnsAt = now;
  comeBack(state, name);
  return true;
}

/** OMVS= → BPXPRMxx suffixes. INF: OMVS=DEFAULT names none; without OMVS= the system reads BPXPRM00. */
function omvsSuffixes(value: string | undefined): string[] {
  if (value === undefined) return ["00"];
  return value === "DEFAULT" ? [] : suffixList(value);
}

/** What the IPL-time members say, applied to `name` (already up): mounts, stack, z/OSMF; the messages. */
function startFromMembers(state: EmulatorState, name: string, at: number): string[] {
  const ieasys = readIeasys(state, iplRecord(state.systems[name]).ieasys);
  return [
    ...ieasys.messages,
    ...mountFromBpxprm(state, name, omvsSuffixes(ieasys.values.OMVS)),
    ...startStack(state, name, at),
    ...autostartZosmf(state, name, suffixList(ieasys.values.IZU), at),
  ];
}

function comeBack(state: EmulatorState, name: string): void {
  const record = iplRecord(state.systems[name]);
  const at = record.returnsAt ?? 0;
  // INF: the first system of the sysplex to IPL builds the shared hierarchy anew from its BPXPRMxx;
  // a system joining a running sysplex finds the others' mounts in place.
  if (!Object.values(state.systems).some((s) => s.up)) state.mounts = [];
  setSystemUp(state, name, true, at);
  record.log = [...record.log, ...startFromMembers(state, name, at)];
}

/** The seeded running state: what the IPL-time members say for each system, in sysplex order. */
export function bootFromMembers(state: EmulatorState, now: number): void {
  for (const sys of Object.values(state.systems)) iplRecord(sys).log = startFromMembers(state, sys.name, now);
}
