import { xcfNamer, type XcfNamer } from "../../../tcpip/addresses";
import { holdingIn, isActiveHolder, type Holding } from "../../../tcpip/holding";
import { systemByName, zosmfHaSystems, type Topology, type TopologySystem, type ZosmfHa } from "../../../topology";
import type { Snapshot } from "../../types";
import { display, type Display } from "../netstat";

/* The hot-standby stacks as verify read them: their displays and how each holds the DVIPA. */

export type { CheckHead as Head } from "../../verdict";

/** The stacks hot standby involves: the distributor, its backup, and every z/OSMF target. */
export function tcpipSystems(t: Topology): TopologySystem[] {
  const ha = t.zosmfHa!;
  const names = new Set([
    ha.distributor,
    ...(ha.distributorBackup ? [ha.distributorBackup] : []),
    ...zosmfHaSystems(t).map((m) => m.system.name),
  ]);
  return t.systems.filter((s) => names.has(s.name));
}

export interface Stack {
  readonly system: TopologySystem;
  readonly cfg: Display<"VIPADCFG">;
  readonly vdpt: Display<"VDPT">;
  readonly dyn: Display<"VIPADYN">;
  readonly holding?: Holding;
}

export interface View {
  readonly t: Topology;
  readonly ha: ZosmfHa;
  readonly snapshot: Snapshot;
  readonly stacks: readonly Stack[];
  readonly xcfName: XcfNamer;
  /** The stacks holding the DVIPA active for themselves (a distribution target does not count). */
  readonly owners: readonly Stack[];
  /** The stack distributing the DVIPA now; after a takeover, the backup. */
  readonly distributing?: Stack;
}

export function buildView(snapshot: Snapshot): View {
  const t = snapshot.topology;
  const ha = t.zosmfHa!;
  const stacks = tcpipSystems(t).map((system): Stack => {
    const dyn = display(snapshot, system, "VIPADYN");
    return {
      system,
      cfg: display(snapshot, system, "VIPADCFG"),
      vdpt: display(snapshot, system, "VDPT"),
      dyn,
      ...(dyn.state === "ok" ? { holding: holdingIn(dyn.data, ha.dvipa) } : {}),
    };
  });
  const owners = stacks.filter((s) => isActiveHolder(s.holding));
  const distributing = owners.find((s) => s.system.name === ha.distributor) ?? owners[0];
  return { t, ha, snapshot, stacks, xcfName: xcfNamer(t), owners, ...(distributing ? { distributing } : {}) };
}

export function xcfOf(t: Topology, name: string): string {
  return systemByName(t, name).tcpip.dynamicXcf.address;
}
