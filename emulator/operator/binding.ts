/**
 * Whether a job may listen on address:port on a system's stack: the address must be
 * usable there (§5.1 seed 002: both servers bound to the DVIPA, which works on the
 * owner, a backup, or a distribution target) and the PORT reservations must allow the
 * job and, for a second listener, sharing (§5.1 PORT, seed 000).
 */
import type { EmulatorState, Listener, SystemState } from "../state";
import { distributedTo } from "../tcpip/distribution";
import { jobMatches, systems } from "../tcpip/sysplex";

export function addressUsable(state: EmulatorState, sys: SystemState, address: string): boolean {
  const stack = sys.tcpip;
  if (address === "0.0.0.0") return true;
  if (stack.homeAddresses.some((h) => h.address === address) || stack.dynamicXcf?.address === address) return true;
  if ((stack.activeDvipas ?? []).some((d) => d.address === address)) return true;
  if (stack.vipaBackup.some((b) => b.address === address)) return true;
  return distributedTo(state, sys, address);
}

/** null when the bind may go ahead, else the reason. */
export function bindRefusal(state: EmulatorState, sys: SystemState, job: string, address: string, port: number): string | null {
  if (!addressUsable(state, sys, address)) return "ADDRESS NOT AVAILABLE ON THIS STACK";
  const reservations = sys.tcpip.ports.filter((p) => p.port === port && p.protocol === "TCP");
  const mine = reservations.find((p) => p.jobName !== "RESERVED" && jobMatches(p.jobName, job));
  if (reservations.length > 0 && !mine) return "PORT RESERVED FOR ANOTHER JOB";
  if (mine?.bind && mine.bind !== address && address !== "0.0.0.0") return `PORT RESERVED WITH BIND ${mine.bind}`;
  const clash = sys.tcpip.listeners.find(
    (l) => l.port === port && (l.address === address || l.address === "0.0.0.0" || address === "0.0.0.0"),
  );
  if (clash && !(mine && mine.share !== "NONE")) return `ADDRESS IN USE BY ${clash.jobName}`;
  return null;
}

export function addListener(state: EmulatorState, sys: SystemState, listener: Listener): void {
  const highest = Math.max(0x1f, ...systems(state).flatMap((s) => s.tcpip.listeners.map((l) => l.connId ?? 0)));
  sys.tcpip.listeners.push({ ...listener, connId: highest + 1 });
}
