/**
 * How the distributing stack learns that a target became unavailable or available again
 * (its server stopped or started, it was quiesced or resumed, its system left or came back).
 *
 * INF: in z/OS the target stack tells the distributor through XCF, so the distributor acts a
 * little after the change; IBM gives no figure for that delay. The emulator records every
 * change of a target's availability with the time it happened (`observe`, called from
 * reconcile) and the distributor acts on it `noticeMs` later (`settle`, called before
 * anything reads the distributor's decisions: console commands and DVIPA connections).
 * With noticeMs 0 every change is acted on at once, whatever the clock says.
 *
 * Until a change is noticed the distributor keeps its previous view: HOTSTANDBY keeps the
 * same Active target, and new connections still go to it (they fail if its server has
 * stopped listening; a quiesced server still takes them).
 */
import type { Distribution, DistributorWatch, EmulatorState } from "../state";
import { activeDistributions, chooseActive, expandTargets, targetAvailable } from "./distribution";

export interface DistributorPolicy {
  /** Emulated ms between a target's change and the distributor acting on it. */
  noticeMs: number;
  /** True while a fault keeps the distributor from making another target Active for this DVIPA. */
  holdsTakeover(dvipa: string, ports: number[]): boolean;
}

/** No delay and no fault: what callers without the emulator's clock and faults get. */
export const IMMEDIATE: DistributorPolicy = { noticeMs: 0, holdsTakeover: () => false };

function watchOf(dist: Distribution): DistributorWatch {
  return (dist.watch ??= { noticed: {}, pending: [] });
}

/** Records, for every distribution in force, the targets whose availability changed since last seen. */
export function observe(state: EmulatorState, now: number): void {
  for (const { dist } of activeDistributions(state)) {
    const watch = watchOf(dist);
    for (const t of expandTargets(state, dist)) {
      const actual = targetAvailable(state, dist, t.xcf);
      const last = [...watch.pending].reverse().find((e) => e.xcf === t.xcf)?.available ?? watch.noticed[t.xcf];
      // A target the distributor has never seen is taken as it is (INF: learnt when the distribution starts).
      if (last === undefined) watch.noticed[t.xcf] = actual;
      else if (last !== actual) watch.pending.push({ at: now, xcf: t.xcf, available: actual });
    }
  }
}

/** Whether the distributor regards the target as able to take new connections now. */
export function noticedAvailable(state: EmulatorState, dist: Distribution, xcf: string): boolean {
  return dist.watch?.noticed[xcf] ?? targetAvailable(state, dist, xcf);
}

/** Acts on every change due by `now`, in the order they happened, then on the current view. */
export function settle(state: EmulatorState, now: number, policy: DistributorPolicy = IMMEDIATE): void {
  observe(state, now);
  for (const { dist } of activeDistributions(state)) {
    const watch = watchOf(dist);
    const due = (at: number) => policy.noticeMs <= 0 || at + policy.noticeMs <= now;
    while (watch.pending.length > 0 && due(watch.pending[0].at)) {
      const change = watch.pending.shift()!;
      watch.noticed[change.xcf] = change.available;
      decide(state, dist, policy);
    }
    decide(state, dist, policy);
  }
}

/** The HOTSTANDBY Active target from what the distributor has noticed; a noTakeover fault keeps the current one. */
function decide(state: EmulatorState, dist: Distribution, policy: DistributorPolicy): void {
  if (dist.method !== "HOTSTANDBY") return void delete dist.activeTarget;
  if (dist.activeTarget && policy.holdsTakeover(dist.dvipa, dist.ports)) return;
  dist.activeTarget = chooseActive(state, dist, (xcf) => noticedAvailable(state, dist, xcf));
}
