/**
 * DVIPA ownership across the sysplex, and sysplex-distributor takeover.
 *
 * Rules the emulator follows (§5.1, seed 002; simplifications noted):
 * - A DVIPA is active on at most one stack in the group.
 * - When its owner leaves the group (system down, no dynamic XCF) or drops the
 *   definition (VIPADELETE), the highest-ranked VIPABACKUP stack in the group takes it.
 *   That stack also takes over the distribution: its own VIPADISTRIBUTE for the DVIPA
 *   if it has one, otherwise a copy of the previous owner's (marked `takenOverFrom`).
 * - A stack that (re)activates its VIPADEFINE (obey applied, system back) claims the
 *   DVIPA: when nobody has it, always; when another stack has it, only for MOVEABLE
 *   IMMEDIATE (WHENIDLE would wait for connections to end, which are not modelled, so
 *   the DVIPA stays where it is).
 * - A VIPABACKUP in its MOVEABLE form (with a mask) activates the DVIPA when no stack
 *   has it; the plain form only waits to take over.
 * - The HOTSTANDBY active target travels with the DVIPA, so NOAUTOSWITCHBACK keeps it.
 * - Which target is Active is decided when the distributor notices a change (notice.ts).
 */
import type { Distribution, EmulatorState, SystemState } from "../state";
import { observe } from "./notice";
import { activeDvipas, definesOrBacks, dvipaOwner, inSysplexGroup, systems } from "./sysplex";

function overlaps(a: Distribution, b: Distribution): boolean {
  if (a.dvipa !== b.dvipa) return false;
  if (a.ports.length === 0 || b.ports.length === 0) return true;
  return a.ports.some((p) => b.ports.includes(p));
}

/** Moves (or removes, with `to` undefined) a DVIPA, carrying its distributions along. */
function move(state: EmulatorState, address: string, from: SystemState | undefined, to: SystemState | undefined, now: number): void {
  const carried: Distribution[] = [];
  if (from) {
    from.tcpip.activeDvipas = activeDvipas(from.tcpip).filter((d) => d.address !== address);
    carried.push(...from.tcpip.distributions.filter((d) => d.dvipa === address));
    // Copies taken over from another stack go when the DVIPA goes.
    from.tcpip.distributions = from.tcpip.distributions.filter((d) => !(d.dvipa === address && d.takenOverFrom));
  }
  if (!to) return;
  const origin = to.tcpip.vipaDefine.some((d) => d.address === address) ? "VIPADEFINE" : "VIPABACKUP";
  activeDvipas(to.tcpip).push({ address, since: now, origin });
  const own = to.tcpip.distributions.filter((d) => d.dvipa === address && !d.takenOverFrom);
  if (own.length > 0) {
    for (const d of own) {
      const prev = carried.find((c) => overlaps(c, d));
      if (prev && prev.activeTarget !== undefined) d.activeTarget = prev.activeTarget;
      // What the distributor had noticed, and had yet to notice, travels with the DVIPA too.
      if (prev?.watch) d.watch = JSON.parse(JSON.stringify(prev.watch));
    }
  } else if (from) {
    for (const c of carried) {
      const copy: Distribution = JSON.parse(JSON.stringify(c));
      copy.takenOverFrom = c.takenOverFrom ?? from.name;
      delete copy.rrNext;
      to.tcpip.distributions.push(copy);
    }
  }
}

function bestBackup(state: EmulatorState, address: string, except?: SystemState): SystemState | undefined {
  return systems(state)
    .filter((s) => s !== except && inSysplexGroup(s))
    .map((s) => ({ s, b: s.tcpip.vipaBackup.find((b) => b.address === address) }))
    .filter((x) => x.b)
    .sort((x, y) => y.b!.rank - x.b!.rank || x.s.name.localeCompare(y.s.name))[0]?.s;
}

/**
 * Brings DVIPA ownership and distribution state in line with configuration. `claimBy`
 * names a stack that has just (re)activated its configuration.
 */
export function reconcile(state: EmulatorState, now: number, claimBy?: string): void {
  // 1. Owners that left the group or dropped the definition hand over to a backup.
  for (const sys of systems(state)) {
    for (const d of [...(sys.tcpip.activeDvipas ?? [])]) {
      const stays = inSysplexGroup(sys) && definesOrBacks(sys.tcpip, d.address);
      if (!stays) move(state, d.address, sys, bestBackup(state, d.address, sys), now);
    }
  }
  // 2. The claiming stack takes its VIPADEFINEs.
  const claimer = claimBy ? state.systems[claimBy] : undefined;
  if (claimer && inSysplexGroup(claimer)) {
    for (const def of claimer.tcpip.vipaDefine) {
      const owner = dvipaOwner(state, def.address);
      if (!owner) move(state, def.address, undefined, claimer, now);
      else if (owner !== claimer && def.moveable === "IMMEDIATE") move(state, def.address, owner, claimer, now);
    }
  }
  // 3. Any defined DVIPA nobody holds goes to a defining stack, then to a MOVEABLE backup.
  for (const sys of systems(state)) {
    if (!inSysplexGroup(sys)) continue;
    for (const def of sys.tcpip.vipaDefine) if (!dvipaOwner(state, def.address)) move(state, def.address, undefined, sys, now);
  }
  const moveableBackups = systems(state)
    .filter(inSysplexGroup)
    .flatMap((s) => s.tcpip.vipaBackup.filter((b) => b.mask).map((b) => ({ s, b })))
    .sort((x, y) => y.b.rank - x.b.rank);
  for (const { s, b } of moveableBackups) if (!dvipaOwner(state, b.address)) move(state, b.address, undefined, s, now);

  // Changes of target availability are recorded now and acted on when noticed (notice.ts).
  observe(state, now);
}
