import type { PortlistEntry, VipaBackupEntry, VipadcfgReport, VipaDistributeEntry } from "../parsers";
import { sameAddress } from "./addresses";

/*
 * Whether a definition is in force on a stack, read from its VIPADCFG, HOME and PORTLIST
 * displays. Provision asks after OBEYFILE, verify when it judges; both ask here.
 */

/** VIPADEFINE of the DVIPA, not deactivated. */
export function defineInForce(cfg: VipadcfgReport, dvipa: string): boolean {
  return cfg.defines.some((d) => sameAddress(d.address, dvipa) && !d.deactivated);
}

/** The VIPABACKUP entry of the DVIPA, deactivated or not. */
export function backupOf(cfg: VipadcfgReport, dvipa: string): VipaBackupEntry | undefined {
  return cfg.backups.find((d) => sameAddress(d.address, dvipa));
}

/** VIPABACKUP of the DVIPA, not deactivated. */
export function backupInForce(cfg: VipadcfgReport, dvipa: string): boolean {
  return cfg.backups.some((d) => sameAddress(d.address, dvipa) && !d.deactivated);
}

/** The VIPADISTRIBUTE entries of `dvipa..port` that are not deactivated, one per DESTIP. */
export function distributesOf(cfg: VipadcfgReport, dvipa: string, port: number): VipaDistributeEntry[] {
  return cfg.distributes.filter((d) => sameAddress(d.destAddress, dvipa) && d.destPort === port && !d.deactivated);
}

/** The VIPADISTRIBUTE entry of `dvipa..port` to one DESTIP; `active` leaves deactivated ones out. */
export function distributeTo(
  cfg: VipadcfgReport,
  dvipa: string,
  port: number,
  xcf: string,
  o: { readonly active: boolean },
): VipaDistributeEntry | undefined {
  return cfg.distributes.find(
    (d) => sameAddress(d.destAddress, dvipa) && d.destPort === port && sameAddress(d.destXcf, xcf) && !(o.active && d.deactivated),
  );
}

/** Every statement still configured for the DVIPA (`VIPADEFINE 192.0.2.1`): what a removal must clear. */
export function definitionsLeft(cfg: VipadcfgReport | null, dvipa: string): string[] {
  if (!cfg) return [];
  return [
    ...(cfg.defines.some((d) => sameAddress(d.address, dvipa)) ? [`VIPADEFINE ${dvipa}`] : []),
    ...(cfg.backups.some((d) => sameAddress(d.address, dvipa)) ? [`VIPABACKUP ${dvipa}`] : []),
    ...(cfg.distributes.some((d) => sameAddress(d.destAddress, dvipa)) ? [`VIPADISTRIBUTE ${dvipa}`] : []),
  ];
}

/** The line that says dynamic XCF is not in force, or none when its address is a home address. */
export function dynamicXcfMissing(homeAddresses: readonly string[], address: string): string[] {
  return homeAddresses.includes(address) ? [] : [`dynamic XCF address ${address} is not a home address`];
}

/** The sharing flag of a PORTLIST entry; null when it has neither. */
export function sharingOf(entry: PortlistEntry): "SHAREPORTWLM" | "SHAREPORT" | null {
  return entry.flagSet.shareportWlm ? "SHAREPORTWLM" : entry.flagSet.shareport ? "SHAREPORT" : null;
}
