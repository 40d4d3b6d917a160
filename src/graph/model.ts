import { GATEWAY_NAME, zosmfHaSystems, type DistributedService, type Topology } from "../topology";

/*
 * The topology as a picture sees it: typed nodes with ids the plug-in makes up, never a user
 * value, so a renderer can splice an id into its syntax and treat every label as data.
 * Built from the validated topology after the gateway section is expanded, so a gateway is
 * a distributed service and a port-sharing group like any other.
 */

export type ElementKind = "system" | "stack" | "dvipa" | "target" | "port-group" | "caching";

export interface GraphStack {
  readonly id: string;
  readonly system: string;
  readonly proc: string;
  readonly dynamicXcf: string;
}

export interface GraphPortGroup {
  readonly id: string;
  readonly name: string;
  readonly system: string;
  readonly port: number;
  readonly protocol: string;
  readonly mode: string;
  readonly servers: readonly string[];
}

export interface GraphCaching {
  readonly id: string;
  readonly system: string;
  readonly mode: string;
}

export interface GraphSystem {
  readonly id: string;
  readonly name: string;
  readonly hostname: string;
  readonly stack: GraphStack;
  readonly portGroups: readonly GraphPortGroup[];
  readonly caching?: GraphCaching;
}

/** What a DVIPA stands for: z/OSMF hot standby, the API ML gateway, or a distributed service of the topology. */
export type DvipaService = "zosmf" | "gateway" | "service";

export interface GraphTarget {
  readonly id: string;
  readonly system: string;
  readonly server: string;
  readonly role?: "PREFERRED" | "BACKUP";
  readonly rank?: number;
  readonly weight?: number;
}

export interface GraphDvipa {
  readonly id: string;
  /** The service's name: "z/OSMF" for zosmfHa, else distributedServices[].name. */
  readonly name: string;
  readonly service: DvipaService;
  readonly address: string;
  readonly ports: readonly number[];
  readonly distMethod: string;
  /** System whose stack owns the DVIPA and distributes. */
  readonly distributor: string;
  /** System whose stack takes the DVIPA over (VIPABACKUP). */
  readonly distributorBackup?: string;
  readonly targets: readonly GraphTarget[];
}

export interface TopologyGraph {
  readonly sysplex: string;
  readonly systems: readonly GraphSystem[];
  readonly dvipas: readonly GraphDvipa[];
}

/** The graph of a validated (gateway-expanded) topology; ids follow the order of the file. */
export function buildGraph(t: Topology): TopologyGraph {
  const systems = t.systems.map((s, i): GraphSystem => {
    const portGroups = (t.portSharing ?? [])
      .map((p, j) => ({ p, j }))
      .filter(({ p }) => p.system === s.name)
      .map(({ p, j }) => ({
        id: `pg${j}`,
        name: p.name,
        system: s.name,
        port: p.port,
        protocol: p.protocol,
        mode: p.mode,
        servers: [...p.servers],
      }));
    const cs = t.cachingService;
    return {
      id: `sys${i}`,
      name: s.name,
      hostname: s.hostname,
      stack: { id: `stack${i}`, system: s.name, proc: s.tcpip.proc, dynamicXcf: s.tcpip.dynamicXcf.address },
      portGroups,
      ...(cs?.instances.includes(s.name) ? { caching: { id: `cache${i}`, system: s.name, mode: cs.storage.mode } } : {}),
    };
  });
  const dvipas = [...zosmfDvipa(t), ...(t.distributedServices ?? []).map((svc, i) => serviceDvipa(svc, i))];
  return { sysplex: t.sysplex, systems, dvipas };
}

/** z/OSMF hot standby: one DVIPA, the preferred server and the backups by rank as its targets. */
function zosmfDvipa(t: Topology): GraphDvipa[] {
  const ha = t.zosmfHa;
  if (ha === undefined) return [];
  const targets = zosmfHaSystems(t).map((m, i): GraphTarget => ({
    id: `zt${i}`,
    system: m.system.name,
    server: m.system.zosmf.serverProc,
    role: m.role,
    ...(m.rank !== undefined ? { rank: m.rank } : {}),
  }));
  return [
    {
      id: "zdv",
      name: "z/OSMF",
      service: "zosmf",
      address: ha.dvipa,
      ports: [ha.port],
      distMethod: "HOTSTANDBY",
      distributor: ha.distributor,
      ...(ha.distributorBackup !== undefined ? { distributorBackup: ha.distributorBackup } : {}),
      targets,
    },
  ];
}

function serviceDvipa(svc: DistributedService, i: number): GraphDvipa {
  const targets = svc.targets.map((tg, j): GraphTarget => ({
    id: `t${i}_${j}`,
    system: tg.system,
    server: tg.server,
    ...(tg.role !== undefined ? { role: tg.role } : {}),
    ...(tg.rank !== undefined ? { rank: tg.rank } : {}),
    ...(tg.weight !== undefined ? { weight: tg.weight } : {}),
  }));
  return {
    id: `dv${i}`,
    name: svc.name,
    service: svc.name === GATEWAY_NAME ? "gateway" : "service",
    address: svc.dvipa,
    ports: [...svc.ports],
    distMethod: svc.distMethod,
    distributor: svc.distributor,
    ...(svc.distributorBackup !== undefined ? { distributorBackup: svc.distributorBackup } : {}),
    targets,
  };
}

/** Every element's id with its kind, in drawing order: what a verdict can be attached to. */
export function graphElements(g: TopologyGraph): { id: string; kind: ElementKind }[] {
  const out: { id: string; kind: ElementKind }[] = [];
  for (const s of g.systems) {
    out.push({ id: s.id, kind: "system" }, { id: s.stack.id, kind: "stack" });
    for (const p of s.portGroups) out.push({ id: p.id, kind: "port-group" });
    if (s.caching) out.push({ id: s.caching.id, kind: "caching" });
  }
  for (const d of g.dvipas) {
    out.push({ id: d.id, kind: "dvipa" });
    for (const t of d.targets) out.push({ id: t.id, kind: "target" });
  }
  return out;
}
