import type { Topology } from "../topology";
import { kindOfForm, type ConfigKind } from "./facts";

/** One server's configuration file as the topology names it. */
export interface NamedConfig {
  readonly system: string;
  readonly server: string;
  readonly config: string;
  readonly kind: ConfigKind;
}

/** Servers that must offer the same: those sharing one port, or the targets behind one DVIPA. */
export interface AlikeGroup {
  /** The check id: ports.<name>.alike or services.<name>.alike. */
  readonly id: string;
  /** The system a port-sharing entry is on; absent for a distributed service (its targets span systems). */
  readonly system?: string;
  /** How the reasons name the group: "the servers sharing port 9443 (zcee)". */
  readonly what: string;
  readonly servers: number;
  readonly named: readonly NamedConfig[];
}

/** "SYSA's ZCHA1": a server as the reasons name it. */
export function whose(n: Pick<NamedConfig, "system" | "server">): string {
  return `${n.system}'s ${n.server}`;
}

/** Every group the topology gives configuration files for, in topology order. */
export function alikeGroups(t: Topology): AlikeGroup[] {
  const named = (system: string, server: string, config: string | undefined, kind: ConfigKind | undefined): NamedConfig[] =>
    config === undefined ? [] : [{ system, server, config, kind: kind ?? kindOfForm(config) }];
  const ports = (t.portSharing ?? [])
    .filter((ps) => ps.configs !== undefined)
    .map((ps): AlikeGroup => ({
      id: `ports.${ps.name}.alike`,
      system: ps.system,
      what: `the servers sharing port ${ps.port} on ${ps.system} (${ps.name})`,
      servers: ps.servers.length,
      named: ps.configs!.flatMap((c) => named(ps.system, c.server, c.config, c.configKind)),
    }));
  const services = (t.distributedServices ?? [])
    .filter((svc) => svc.targets.some((x) => x.config !== undefined))
    .map((svc): AlikeGroup => ({
      id: `services.${svc.name}.alike`,
      what: `the targets of ${svc.name} (${svc.dvipa})`,
      servers: svc.targets.length,
      named: svc.targets.flatMap((x) => named(x.system, x.server, x.config, x.configKind)),
    }));
  return [...ports, ...services];
}
