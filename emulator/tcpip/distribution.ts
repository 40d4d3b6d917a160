/**
 * Sysplex distribution: which targets can take new connections and, under HOTSTANDBY,
 * which single target is Active (§5.1 HOTSTANDBY rules, §5.5 `Flg: Active`, seed 002).
 */
import type { Distribution, DistributionTarget, EmulatorState, SystemState } from "../state";
import { inSysplexGroup, systemByXcf, systems } from "./sysplex";

/** DESTIP ALL is stored as one target with xcf "ALL" and expands to the current members. */
export const DESTIP_ALL = "ALL";

export function isDestipAll(dist: Distribution): boolean {
  return dist.targets.some((t) => t.xcf === DESTIP_ALL);
}

export function expandTargets(state: EmulatorState, dist: Distribution): DistributionTarget[] {
  if (!isDestipAll(dist)) return dist.targets;
  return systems(state)
    .filter((s) => inSysplexGroup(s))
    .map((s) => ({ xcf: s.tcpip.dynamicXcf!.address }));
}

export function coversPort(dist: Distribution, port: number): boolean {
  return dist.ports.length === 0 || dist.ports.includes(port);
}

/** The target's listeners for this distribution, whether quiesced or not. */
function matchingListeners(state: EmulatorState, dist: Distribution, xcf: string) {
  const sys = systemByXcf(state, xcf);
  if (!sys || !sys.up) return [];
  return sys.tcpip.listeners.filter(
    (l) =>
      (l.address === dist.dvipa || l.address === "0.0.0.0") &&
      (dist.ports.length === 0 ? l.address === dist.dvipa : dist.ports.includes(l.port)),
  );
}

/**
 * Listeners on the target's stack that would accept a new distributed connection (NETSTAT
 * VDPT `Rdy`). INF: a listener quiesced with VARY TCPIP,,SYSPLEX,QUIESCE (or every listener
 * of a stack quiesced with QUIESCE,TARGET) is not counted; the VDPT documentation says a
 * target with no ready application receives no connection workload (DOC: halz002
 * vipa_verify_sd_wrkload), which is what a quiesce is for.
 */
export function readyListeners(state: EmulatorState, dist: Distribution, xcf: string): number {
  const sys = systemByXcf(state, xcf);
  if (sys?.tcpip.targetQuiesced) return 0;
  return matchingListeners(state, dist, xcf).filter((l) => !l.quiesced).length;
}

/** True when a server on the target listens for this distribution (quiesced or not): a connection sent there is answered. */
export function listening(state: EmulatorState, dist: Distribution, xcf: string): boolean {
  return matchingListeners(state, dist, xcf).length > 0;
}

/**
 * A target can take work when its system is up, its stack is in the group with
 * SYSPLEXROUTING, and it has a ready listener. The emulator has no health measure other
 * than readiness, so HEALTHSWITCH and NOHEALTHSWITCH behave alike here.
 */
export function targetAvailable(state: EmulatorState, dist: Distribution, xcf: string): boolean {
  const sys = systemByXcf(state, xcf);
  return !!sys && inSysplexGroup(sys) && sys.tcpip.sysplexRouting && readyListeners(state, dist, xcf) > 0;
}

/**
 * The HOTSTANDBY choice given the current active target (AUTOSWITCHBACK / NOAUTOSWITCHBACK).
 * `ok` is the availability the distributor goes by (what it has noticed, tcpip/notice.ts).
 */
export function chooseActive(
  state: EmulatorState,
  dist: Distribution,
  ok: (xcf: string) => boolean = (xcf) => targetAvailable(state, dist, xcf),
): string | null {
  const targets = expandTargets(state, dist);
  const preferred = targets.find((t) => t.role === "PREFERRED");
  const current = dist.activeTarget && targets.some((t) => t.xcf === dist.activeTarget) ? dist.activeTarget : null;
  const bestBackup = targets.filter((t) => t.role === "BACKUP" && ok(t.xcf)).sort((a, b) => (b.rank ?? 1) - (a.rank ?? 1))[0];
  if (dist.autoSwitchBack && preferred && ok(preferred.xcf)) return preferred.xcf;
  if (current && ok(current)) return current;
  if (preferred && ok(preferred.xcf)) return preferred.xcf;
  return bestBackup?.xcf ?? null;
}

/** Distributions in force: configured on the stack that has their DVIPA active. */
export function activeDistributions(state: EmulatorState): { owner: SystemState; dist: Distribution }[] {
  const out: { owner: SystemState; dist: Distribution }[] = [];
  for (const owner of systems(state)) {
    if (!inSysplexGroup(owner)) continue;
    for (const dist of owner.tcpip.distributions) {
      if ((owner.tcpip.activeDvipas ?? []).some((d) => d.address === dist.dvipa)) out.push({ owner, dist });
    }
  }
  return out;
}

export function isDistributing(state: EmulatorState, sys: SystemState, dist: Distribution): boolean {
  return activeDistributions(state).some((a) => a.owner === sys && a.dist === dist);
}

/** True when some distribution in force sends this DVIPA's work to the system's stack. */
export function distributedTo(state: EmulatorState, sys: SystemState, address: string): boolean {
  const xcf = sys.tcpip.dynamicXcf?.address;
  if (!xcf) return false;
  return activeDistributions(state).some(({ dist }) => dist.dvipa === address && expandTargets(state, dist).some((t) => t.xcf === xcf));
}
