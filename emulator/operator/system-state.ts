/**
 * Fault injection: a system going down ends its started tasks and listeners and its
 * stack leaves the sysplex group (backups take over its DVIPAs and distributions, its
 * hot-standby targets become unavailable). Coming back, the stack rejoins with the
 * configuration it had and reclaims its VIPADEFINEs; its servers must be started again.
 * This is a system leaving and rejoining; an IPL, which re-reads the IPL-time members and
 * starts the stack from its profile, is ipl.ts.
 */
import type { EmulatorState } from "../state";
import { releaseMountsOf } from "../files/mount-ownership";
import { reconcile } from "../tcpip/dvipa";

export function setSystemUp(state: EmulatorState, name: string, up: boolean, now: number): void {
  // A caller without a clock (older bridge signature) gets the latest time the model has seen.
  if (!Number.isFinite(now)) now = latestTime(state);
  const sys = state.systems[name];
  // An explicit up or down settles the system: a pending IPL return no longer applies.
  if (sys?.ipl) delete sys.ipl.returnsAt;
  if (!sys || sys.up === up) return;
  sys.up = up;
  if (!up) {
    sys.tasks = {};
    sys.tcpip.listeners = [];
    releaseMountsOf(state, name);
    reconcile(state, now);
  } else {
    reconcile(state, now, name);
  }
}

function latestTime(state: EmulatorState): number {
  let t = 0;
  for (const sys of Object.values(state.systems)) {
    for (const task of Object.values(sys.tasks)) t = Math.max(t, task.startedAt ?? 0);
    for (const d of sys.tcpip.activeDvipas ?? []) t = Math.max(t, d.since);
  }
  return t;
}
