/**
 * Sysplex distribution: which targets can take new connections and, under HOTSTANDBY,
 * which single target is Active (§5.1 HOTSTANDBY rules, §5.5 `Flg: Active`, seed 002).
 */
import type { Distribution, DistributionTarget, EmulatorState, SystemState } from "../state";
import { dvipaOwner, inSysplexGroup, systemByXcf, systems } from "./sysplex";

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

/** Listeners on the target's stack that would accept a connection for this distribution. */
export function readyListeners(state: EmulatorState, dist: Distribution, xcf: string): number {
  const sys = systemByXcf(state, xcf);
  if (!sys || !sys.up) return 0;
  return sys.tcpip.listeners.filter(
    (l) =>
      (l.address === dist.dvipa || l.address === "0.0.0.0") &&
      (dist.ports.length === 0 ? l.address === dist.dvipa : dist.ports.includes(l.port)),
  ).length;
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

/** The HOTSTANDBY choice given the current active target (AUTOSWITCHBACK / NOAUTOSWITCHBACK). */
export function chooseActive(state: EmulatorState, dist: Distribution): string | null {
  const targets = expandTargets(state, dist);
  const ok = (xcf: string) => targetAvailable(state, dist, xcf);
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

/** Recomputes the HOTSTANDBY active target of every distribution in force. */
export function recomputeDistributions(state: EmulatorState): void {
  for (const { dist } of activeDistributions(state)) {
    if (dist.method === "HOTSTANDBY") dist.activeTarget = chooseActive(state, dist);
    else delete dist.activeTarget;
  }
}

/** True when some distribution in force sends this DVIPA's work to the system's stack. */
export function distributedTo(state: EmulatorState, sys: SystemState, address: string): boolean {
  const xcf = sys.tcpip.dynamicXcf?.address;
  if (!xcf) return false;
  return activeDistributions(state).some(({ dist }) => dist.dvipa === address && expandTargets(state, dist).some((t) => t.xcf === xcf));
}

/**
 * The system that would accept a new connection to address:port now. Methods other than
 * HOTSTANDBY rotate over the available targets (the position is kept in `rrNext`, so
 * each call counts as one connection).
 */
export function resolveConnection(state: EmulatorState, address: string, port: number): string | null {
  const owner = dvipaOwner(state, address);
  if (owner) {
    const dist = owner.tcpip.distributions.find((d) => d.dvipa === address && coversPort(d, port));
    if (dist) {
      const forPort = { ...dist, ports: [port] };
      if (dist.method === "HOTSTANDBY") {
        const active = dist.activeTarget;
        if (!active || !targetAvailable(state, forPort, active)) return null;
        return systemByXcf(state, active)?.name ?? null;
      }
      const ready = expandTargets(state, dist).filter((t) => targetAvailable(state, forPort, t.xcf));
      if (ready.length === 0) return null;
      const pick = ready[(dist.rrNext ?? 0) % ready.length];
      dist.rrNext = ((dist.rrNext ?? 0) + 1) % 1_000_000;
      return systemByXcf(state, pick.xcf)?.name ?? null;
    }
    return listensOn(owner, address, port) ? owner.name : null;
  }
  // A static address: home list or dynamic XCF address of an up stack.
  for (const sys of systems(state)) {
    if (!sys.up) continue;
    const own = sys.tcpip.homeAddresses.some((h) => h.address === address) || sys.tcpip.dynamicXcf?.address === address;
    if (own && listensOn(sys, address, port)) return sys.name;
  }
  return null;
}

function listensOn(sys: SystemState, address: string, port: number): boolean {
  return sys.tcpip.listeners.some((l) => l.port === port && (l.address === address || l.address === "0.0.0.0"));
}
