import type { DvipaEntry, VipadynReport } from "../parsers";
import { sameAddress } from "./addresses";

/**
 * How one stack holds a DVIPA right now, from its VIPADYN entry (zosmf-facts §5.6):
 * distributing (ACTIVE, DISTSTAT DIST or DIST/DEST), owner (ACTIVE, not distributing),
 * backup (BACKUP, or a VIPABACKUP stack that is also a target), target (ACTIVE only to
 * accept distributed connections: DISTSTAT DEST, or ORIGIN VIPADISTRIBUTE) or none.
 */
export type Holding = "distributing" | "owner" | "backup" | "target" | "none";

export function holdingOf(entry: DvipaEntry | undefined): Holding {
  if (entry === undefined) return "none";
  if (entry.status === "BACKUP") return "backup";
  if (entry.status !== "ACTIVE") return "none";
  if (entry.distStat === "DIST" || entry.distStat === "DIST/DEST") return "distributing";
  const origin = entry.origin ?? "";
  // A target lists the DVIPA active to accept connections; it is a backup only when VIPABACKUP put it there.
  if (entry.distStat === "DEST") return origin.includes("BACKUP") ? "backup" : "target";
  // ORIGIN VIPADISTRIBUTE is what a distribution target shows (§5.6), even before DISTSTAT says DEST.
  return origin.includes("DISTRIBUTE") ? "target" : "owner";
}

/** Holds the DVIPA active for itself, distributing it or not: the stack that answers for it. */
export function isActiveHolder(h: Holding | undefined): boolean {
  return h === "distributing" || h === "owner";
}

/** How the stack whose VIPADYN this is holds `dvipa`. */
export function holdingIn(dyn: VipadynReport, dvipa: string): Holding {
  return holdingOf(dyn.dvipas.find((d) => sameAddress(d.address, dvipa)));
}
