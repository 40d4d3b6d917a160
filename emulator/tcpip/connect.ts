/**
 * Where a new connection to an address:port goes: through the sysplex distributor for a
 * distributed DVIPA, else to the stack that owns the address.
 */
import type { EmulatorState, SystemState } from "../state";
import { coversPort, expandTargets, listening } from "./distribution";
import { IMMEDIATE, noticedAvailable, settle, type DistributorPolicy } from "./notice";
import { dvipaOwner, systemByXcf, systems } from "./sysplex";

/**
 * The system that would accept a new connection to address:port at `now`, or null (the
 * connection is reset). The distributor sends it to a target it regards as available
 * (tcpip/notice.ts); the connection is answered only if a server there still listens.
 * Methods other than HOTSTANDBY rotate over the targets (the position is kept in `rrNext`,
 * so each call counts as one connection).
 */
export function resolveConnection(
  state: EmulatorState,
  address: string,
  port: number,
  at: { now: number; policy: DistributorPolicy } = { now: Number.MAX_SAFE_INTEGER, policy: IMMEDIATE },
): string | null {
  settle(state, at.now, at.policy);
  const owner = dvipaOwner(state, address);
  if (owner) {
    const dist = owner.tcpip.distributions.find((d) => d.dvipa === address && coversPort(d, port));
    if (dist) {
      const forPort = { ...dist, ports: [port] };
      const takes = (xcf: string) => noticedAvailable(state, dist, xcf) && listening(state, forPort, xcf);
      if (dist.method === "HOTSTANDBY") {
        const active = dist.activeTarget;
        return active && takes(active) ? (systemByXcf(state, active)?.name ?? null) : null;
      }
      const ready = expandTargets(state, dist).filter((t) => takes(t.xcf));
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

/**
 * Whether a connection already established to `system` through address:port is still served.
 * The distributor forwards an established connection to the target it chose for as long as a
 * server there holds it; QUIESCE and a HOTSTANDBY move change where NEW connections go (IBM:
 * VARY TCPIP,,SYSPLEX,QUIESCE stops new distributed connections only; INF that a move of the
 * Active target leaves established ones alone, as the connection routing table keeps them).
 * Without a distribution in force it must still be where a new connection would go.
 */
export function stillRoutes(
  state: EmulatorState,
  address: string,
  port: number,
  system: string,
  at: { now: number; policy: DistributorPolicy } = { now: Number.MAX_SAFE_INTEGER, policy: IMMEDIATE },
): boolean {
  settle(state, at.now, at.policy);
  const dist = dvipaOwner(state, address)?.tcpip.distributions.find((d) => d.dvipa === address && coversPort(d, port));
  if (!dist) return resolveConnection(state, address, port, at) === system;
  const sys = state.systems[system];
  const xcf = sys?.tcpip.dynamicXcf?.address;
  return !!sys?.up && !!xcf && listening(state, { ...dist, ports: [port] }, xcf);
}

function listensOn(sys: SystemState, address: string, port: number): boolean {
  return sys.tcpip.listeners.some((l) => l.port === port && (l.address === address || l.address === "0.0.0.0"));
}
