/** The sysplex distributor's notice delay and takeover faults, as the emulator's settings and faults say now. */
import type { DistributorPolicy } from "../tcpip/notice";
import type { EmulatorContext } from "./context";

export function distributorPolicy(ctx: EmulatorContext): DistributorPolicy {
  return {
    noticeMs: ctx.distribution.noticeMs,
    holdsTakeover: (dvipa, ports) => ctx.faults.holds("noTakeover", [dvipa, ...ports.map((p) => `${dvipa}:${p}`)]),
  };
}

/** The moment and policy a DVIPA connection is judged with. */
export function connectionMoment(ctx: EmulatorContext): { now: number; policy: DistributorPolicy } {
  return { now: ctx.clock.now(), policy: distributorPolicy(ctx) };
}
