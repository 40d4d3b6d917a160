import { systemByName, type DistributedService, type Topology } from "../../topology";
import { portLines } from "./stack-member";

export type ServiceRole = "distributor" | "distributor backup";

export interface ServiceTargetVariables {
  readonly system: string;
  readonly server: string;
  /** The target stack's dynamic XCF address: what DESTIP names. */
  readonly xcf: string;
  /** WEIGHTEDACTIVE only; null otherwise (every optional value is null, never absent, for strict templates). */
  readonly weight: number | null;
  /** HOTSTANDBY only. */
  readonly role: "PREFERRED" | "BACKUP" | null;
  readonly rank: number | null;
}

export interface ServiceVariables {
  readonly name: string;
  readonly role: ServiceRole;
  readonly dvipa: string;
  readonly mask: string;
  /** VIPADEFINE on the distributor. */
  readonly define: boolean;
  /** VIPABACKUP rank on the distributor's backup; null on the distributor. */
  readonly backupRank: number | null;
  readonly distMethod: DistributedService["distMethod"];
  readonly hasOptLocal: boolean;
  readonly optLocal: number | null;
  readonly ports: readonly number[];
  /** `PORT` and the first eight ports, written after the DVIPA. */
  readonly portsHead: string;
  /** Any further ports, eight a record, so a long list stays inside column 71. */
  readonly portsMore: readonly string[];
  readonly targets: readonly ServiceTargetVariables[];
}

export interface ServicesMemberVariables {
  readonly system: string;
  readonly xcf: { readonly address: string; readonly mask: string; readonly cost: number };
  readonly hasServices: boolean;
  /** Services this stack distributes or backs up; empty on a stack that is only a target. */
  readonly services: readonly ServiceVariables[];
}

/**
 * VIPABACKUP's documented default rank. The distributor's backup needs no ordering among
 * several backups here, since a service names only one.
 */
export const SERVICE_BACKUP_RANK = 1;

/** Systems that distribute, back up or serve at least one service, in the topology's order. */
export function serviceSystems(t: Topology): string[] {
  const named = new Set((t.distributedServices ?? []).flatMap((s) => [s.distributor, ...(s.distributorBackup ? [s.distributorBackup] : []), ...s.targets.map((x) => x.system)]));
  return t.systems.map((s) => s.name).filter((n) => named.has(n));
}

export function serviceVariables(t: Topology, svc: DistributedService, role: ServiceRole): ServiceVariables {
  return {
    name: svc.name,
    role,
    dvipa: svc.dvipa,
    mask: svc.dvipaMask,
    define: role === "distributor",
    backupRank: role === "distributor backup" ? SERVICE_BACKUP_RANK : null,
    distMethod: svc.distMethod,
    hasOptLocal: svc.optLocal !== undefined,
    optLocal: svc.optLocal ?? null,
    ports: svc.ports,
    portsHead: `PORT ${portLines(svc.ports)[0] ?? ""}`,
    portsMore: portLines(svc.ports).slice(1),
    targets: svc.targets.map((x) => ({
      system: x.system,
      server: x.server,
      xcf: systemByName(t, x.system).tcpip.dynamicXcf.address,
      weight: x.weight ?? null,
      role: x.role ?? null,
      rank: x.role === "BACKUP" ? (x.rank ?? null) : null,
    })),
  };
}

export function servicesMemberVariables(t: Topology, system: string): ServicesMemberVariables {
  const services = (t.distributedServices ?? []).flatMap((svc): ServiceVariables[] => {
    if (svc.distributor === system) return [serviceVariables(t, svc, "distributor")];
    if (svc.distributorBackup === system) return [serviceVariables(t, svc, "distributor backup")];
    return [];
  });
  return { system, xcf: systemByName(t, system).tcpip.dynamicXcf, hasServices: services.length > 0, services };
}
