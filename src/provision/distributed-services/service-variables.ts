import { systemField } from "../../templates/topology-fields";
import { systemByName, type DistributedService, type Topology } from "../../topology";
import { portLines } from "../ops/obey/stack-member";

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
  /** The first eight ports, written after the DVIPA and `PORT`. */
  readonly portsHead: readonly number[];
  /** Any further ports, eight a record, so a long list stays inside column 71. */
  readonly portsMore: readonly (readonly number[])[];
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

export { serviceSystems } from "../../tcpip/obey-members";

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
    portsHead: portLines(svc.ports)[0] ?? [],
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

/** Where each variable of servicesMemberVariables comes from in the topology, for refusals. */
export function servicesMemberFields(t: Topology, system: string): Record<string, string> {
  const sys = systemField(t, system);
  const fields: Record<string, string> = {
    system: `${sys}.name`,
    "xcf.address": `${sys}.tcpip.dynamicXcf.address`,
    "xcf.mask": `${sys}.tcpip.dynamicXcf.mask`,
    "xcf.cost": `${sys}.tcpip.dynamicXcf.cost`,
  };
  const all = t.distributedServices ?? [];
  all
    .filter((svc) => svc.distributor === system || svc.distributorBackup === system)
    .forEach((svc, k) => {
      const at = `distributedServices[${all.indexOf(svc)}]`;
      const v = `services[${k}]`;
      Object.assign(fields, {
        [`${v}.name`]: `${at}.name`,
        [`${v}.dvipa`]: `${at}.dvipa`,
        [`${v}.mask`]: `${at}.dvipaMask`,
        [`${v}.distMethod`]: `${at}.distMethod`,
        [`${v}.optLocal`]: `${at}.optLocal`,
      });
      svc.ports.forEach((_, n) => {
        fields[n < 8 ? `${v}.portsHead[${n}]` : `${v}.portsMore[${Math.floor(n / 8) - 1}][${n % 8}]`] = `${at}.ports[${n}]`;
      });
      svc.targets.forEach((x, j) => {
        Object.assign(fields, {
          [`${v}.targets[${j}].xcf`]: `${systemField(t, x.system)}.tcpip.dynamicXcf.address`,
          [`${v}.targets[${j}].weight`]: `${at}.targets[${j}].weight`,
          [`${v}.targets[${j}].role`]: `${at}.targets[${j}].role`,
          [`${v}.targets[${j}].rank`]: `${at}.targets[${j}].rank`,
        });
      });
    });
  return fields;
}

export function servicesMemberVariables(t: Topology, system: string): ServicesMemberVariables {
  const services = (t.distributedServices ?? []).flatMap((svc): ServiceVariables[] => {
    if (svc.distributor === system) return [serviceVariables(t, svc, "distributor")];
    if (svc.distributorBackup === system) return [serviceVariables(t, svc, "distributor backup")];
    return [];
  });
  return { system, xcf: systemByName(t, system).tcpip.dynamicXcf, hasServices: services.length > 0, services };
}
