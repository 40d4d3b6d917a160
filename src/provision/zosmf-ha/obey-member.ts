import type { VipadcfgReport } from "../../parsers";
import { systemField } from "../../templates/topology-fields";
import { systemByName, type Topology } from "../../topology";
import { backupOf, defineInForce, distributeTo, dynamicXcfMissing } from "../../tcpip/in-force";

export type ObeyRole = "distributor" | "distributor backup" | "target";

export interface ObeyVariables {
  readonly system: string;
  readonly role: ObeyRole;
  readonly xcf: { readonly address: string; readonly mask: string; readonly cost: number };
  /** Absent on stacks that neither own nor back up the DVIPA. */
  readonly vipa?: {
    readonly dvipa: string;
    readonly mask: string;
    readonly port: number;
    readonly define: boolean;
    /** VIPABACKUP rank on the distributor's backup stack; null elsewhere. */
    readonly backupRank: number | null;
    readonly autoSwitchBack: boolean;
    readonly healthSwitch: boolean;
    readonly preferredXcf: string;
    readonly backups: readonly { readonly xcf: string; readonly rank: number }[];
  };
}

export { obeySystems } from "../../tcpip/obey-members";

export function obeyVariables(t: Topology, system: string): ObeyVariables {
  const ha = t.zosmfHa!;
  const sys = systemByName(t, system);
  const xcfOf = (name: string) => systemByName(t, name).tcpip.dynamicXcf.address;
  const role: ObeyRole = system === ha.distributor ? "distributor" : system === ha.distributorBackup ? "distributor backup" : "target";
  const base = { system, role, xcf: sys.tcpip.dynamicXcf };
  if (role === "target") return base;
  // The distributor's backup takes over first when it is also the highest hot-standby backup;
  // without a rank of its own it gets VIPABACKUP's documented default of 1.
  const ownRank = ha.backups.find((b) => b.system === system)?.rank ?? 1;
  return {
    ...base,
    vipa: {
      dvipa: ha.dvipa,
      mask: ha.dvipaMask,
      port: ha.port,
      define: role === "distributor",
      backupRank: role === "distributor backup" ? ownRank : null,
      autoSwitchBack: ha.autoSwitchBack,
      healthSwitch: ha.healthSwitch,
      preferredXcf: xcfOf(ha.preferred),
      backups: ha.backups.map((b) => ({ xcf: xcfOf(b.system), rank: b.rank })),
    },
  };
}

/** Where each variable of obeyVariables comes from in the topology, for refusals. */
export function obeyFields(t: Topology, system: string): Record<string, string> {
  const ha = t.zosmfHa!;
  const sys = systemField(t, system);
  const xcf = (name: string) => `${systemField(t, name)}.tcpip.dynamicXcf.address`;
  const own = ha.backups.findIndex((b) => b.system === system);
  const fields: Record<string, string> = {
    system: `${sys}.name`,
    "xcf.address": `${sys}.tcpip.dynamicXcf.address`,
    "xcf.mask": `${sys}.tcpip.dynamicXcf.mask`,
    "xcf.cost": `${sys}.tcpip.dynamicXcf.cost`,
    "vipa.dvipa": "zosmfHa.dvipa",
    "vipa.mask": "zosmfHa.dvipaMask",
    "vipa.port": "zosmfHa.port",
    "vipa.preferredXcf": xcf(ha.preferred),
    ...(own >= 0 ? { "vipa.backupRank": `zosmfHa.backups[${own}].rank` } : {}),
  };
  ha.backups.forEach((b, k) => {
    fields[`vipa.backups[${k}].xcf`] = xcf(b.system);
    fields[`vipa.backups[${k}].rank`] = `zosmfHa.backups[${k}].rank`;
  });
  return fields;
}

/**
 * What VIPADCFG (and HOME) must show for the member to be in force; each missing item is
 * one line a person can act on. Empty = in force.
 */
export function missingFromStack(v: ObeyVariables, cfg: VipadcfgReport | null, homeAddresses: readonly string[]): string[] {
  const missing = dynamicXcfMissing(homeAddresses, v.xcf.address);
  if (!v.vipa) return missing;
  const d = v.vipa;
  if (!cfg) return [...missing, "VIPADCFG could not be read"];
  if (d.define && !defineInForce(cfg, d.dvipa)) missing.push(`VIPADEFINE ${d.dvipa} is not configured`);
  if (d.backupRank !== null) {
    const b = backupOf(cfg, d.dvipa);
    if (!b) missing.push(`VIPABACKUP ${d.dvipa} is not configured`);
    else if (b.rank !== d.backupRank) missing.push(`VIPABACKUP ${d.dvipa} has rank ${b.rank ?? "?"}, not ${d.backupRank}`);
  }
  const targets = [
    { xcf: d.preferredXcf, type: "PREFERRED" as const, rank: null as number | null },
    ...d.backups.map((b) => ({ xcf: b.xcf, type: "BACKUP" as const, rank: b.rank })),
  ];
  for (const t of targets) {
    const e = distributeTo(cfg, d.dvipa, d.port, t.xcf, { active: false });
    const what = `VIPADISTRIBUTE ${d.dvipa} PORT ${d.port} DESTIP ${t.xcf}`;
    if (!e) {
      missing.push(`${what} is not configured`);
      continue;
    }
    if (e.distMethod !== "HOTSTANDBY") missing.push(`${what} uses ${e.distMethodRaw ?? "another method"}, not HOTSTANDBY`);
    if (e.srvType !== t.type) missing.push(`${what} is ${e.srvType ?? "neither PREFERRED nor BACKUP"}, not ${t.type}`);
    if (t.rank !== null && e.rank !== null && e.rank !== t.rank) missing.push(`${what} has backup rank ${e.rank}, not ${t.rank}`);
    if (e.autoSwitchBack !== null && e.autoSwitchBack !== d.autoSwitchBack)
      missing.push(`${what} has AUTOSWITCHBACK ${e.autoSwitchBack ? "YES" : "NO"}`);
    if (e.healthSwitch !== null && e.healthSwitch !== d.healthSwitch)
      missing.push(`${what} has HEALTHSWITCH ${e.healthSwitch ? "YES" : "NO"}`);
  }
  return missing;
}
