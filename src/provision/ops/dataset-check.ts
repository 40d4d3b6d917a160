import type { DatasetAttributes } from "../../engine/types";
import { HaError } from "../../errors";
import { ZosmfError, type ZosmfClient } from "../../zosmf";

/** A catalogued data set as the z/OSMF list (`X-IBM-Attributes: base`) describes it. */
export interface DatasetInfo {
  readonly dsn: string;
  /** `PO`, `PO-E` (PDSE), `PS`, `VS`, ... */
  readonly dsorg: string;
  readonly recfm: string;
  readonly lrecl: number;
  readonly blksize: number;
  readonly volser?: string;
}

/** Attributes of one data set, or null when it is not catalogued. Only GETs. */
export async function inspectDataset(client: ZosmfClient, dsn: string): Promise<DatasetInfo | null> {
  let items;
  try {
    items = await client.files.listDatasets(dsn, { attributes: true });
  } catch (err) {
    if (err instanceof ZosmfError && err.kind === "not-found") return null;
    if (err instanceof ZosmfError && err.kind === "auth" && err.status === 403) throw notAuthorised(dsn, "list", err);
    throw err;
  }
  const item = items.find((i) => i.dsname.toUpperCase() === dsn.toUpperCase());
  if (!item) return null;
  return {
    dsn: dsn.toUpperCase(),
    dsorg: (item.dsorg ?? "").toUpperCase(),
    recfm: (item.recfm ?? "").toUpperCase(),
    lrecl: Number(item.lrecl ?? NaN),
    blksize: Number(item.blksz ?? NaN),
    ...(item.vol ? { volser: item.vol } : {}),
  };
}

/** A 403 on a read: the user lacks access the run needs, said with the data set's (or file's) name. */
export function notAuthorised(what: string, verb: "read" | "list", err: ZosmfError): HaError {
  return new HaError(`The z/OSMF user is not authorised to ${verb} ${what} (HTTP 403); the run needs to ${verb} it.`, {
    failureClass: err.failureClass,
    details: [...err.details, `Give the user READ access to ${what} (its RACF DATASET or file permission), then run again.`],
  });
}

/** What a library the plug-in writes members into must be; each rule names the field that breaks it. */
export interface LibraryRule {
  /** The topology field that names the data set, e.g. `datasets.obey`. */
  readonly field: string;
  /** Record formats allowed, by their first letter (F = F/FB, V = V/VB). */
  readonly fixed?: { readonly min: number; readonly max: number };
  readonly variable?: { readonly min: number; readonly max: number };
  /** Why, for the message. */
  readonly why: string;
}

/**
 * The obey library. TCP/IP reads columns 1-71 of each profile record (the rest may hold
 * sequence numbers), so a record must hold 71 columns of data: fixed records of 80 to 256
 * as IBM documents for TCP/IP's configuration data sets ("Creating TCPIP.DATA": F or FB,
 * LRECL 80-256; the profile follows the same reader, INF), or variable records of at least
 * 75 (71 columns plus the 4-byte record descriptor, INF). Carriage-control formats (FBA,
 * VBA) would take column 1 from the statement and undefined records (U) are not text.
 */
export const OBEY_LIBRARY: Omit<LibraryRule, "field"> = {
  fixed: { min: 80, max: 256 },
  variable: { min: 75, max: 260 },
  why: "TCP/IP reads columns 1-71 of every obey record",
};

/** PARMLIB, PROCLIB and JCL libraries: records of 80 columns, as the system reads them (JES and PARMLIB readers take FB 80). */
export const CARD_LIBRARY: Omit<LibraryRule, "field"> = {
  fixed: { min: 80, max: 80 },
  why: "the system reads its members as 80-column card images",
};

/** The backup library receives originals of up to 80 columns. */
export const BACKUP_LIBRARY: Omit<LibraryRule, "field"> = {
  fixed: { min: 80, max: 32760 },
  variable: { min: 84, max: 32756 },
  why: "it keeps copies of members of up to 80 columns",
};

/** Why an existing data set cannot take the plug-in's members, naming the attribute; [] when it fits. */
export function libraryMisfits(info: DatasetInfo, rule: LibraryRule): string[] {
  const name = `${info.dsn} (${rule.field})`;
  if (info.dsorg !== "PO" && info.dsorg !== "PO-E") {
    return [`${name} has DSORG=${info.dsorg || "unknown"}; members can only be written into a partitioned data set (PDS or PDSE).`];
  }
  if (!info.recfm || Number.isNaN(info.lrecl)) {
    return [`${name}: its RECFM and LRECL could not be read (is it migrated?); recall it and plan again.`];
  }
  const allowed = [
    ...(rule.fixed
      ? [`F or FB with LRECL ${rule.fixed.min === rule.fixed.max ? rule.fixed.min : `${rule.fixed.min}-${rule.fixed.max}`}`]
      : []),
    ...(rule.variable ? [`V or VB with LRECL ${rule.variable.min}-${rule.variable.max}`] : []),
  ].join(", or ");
  const kind = info.recfm[0];
  const range = kind === "F" ? rule.fixed : kind === "V" ? rule.variable : undefined;
  if (!range || /[AMS]/.test(info.recfm.slice(1))) {
    return [`${name} has RECFM=${info.recfm}; ${rule.why}, so it must be ${allowed}.`];
  }
  if (info.lrecl < range.min || info.lrecl > range.max) {
    return [`${name} has LRECL=${info.lrecl} (RECFM=${info.recfm}); ${rule.why}, so it must be ${allowed}.`];
  }
  return [];
}

/** The longest line a record of this data set holds: variable records carry a 4-byte descriptor. */
export function recordRoom(info: Pick<DatasetInfo, "recfm" | "lrecl">): number {
  return info.recfm.startsWith("V") ? info.lrecl - 4 : info.lrecl;
}

/** The obey library as the plan creates it: a PDS of FB 80, the format of IBM's TCP/IP samples. */
export function obeyLibraryAttributes(volume: string | undefined): DatasetAttributes {
  return {
    dsorg: "PO",
    recfm: "FB",
    lrecl: 80,
    blksize: 27920,
    alcunit: "TRK",
    primary: 5,
    secondary: 5,
    dirblk: 10,
    ...(volume ? { volser: volume } : {}),
  };
}

/** The backup library: a PDS of FB 80 with room for many copies. */
export function backupLibraryAttributes(volume: string | undefined): DatasetAttributes {
  return {
    dsorg: "PO",
    recfm: "FB",
    lrecl: 80,
    blksize: 27920,
    alcunit: "TRK",
    primary: 15,
    secondary: 15,
    dirblk: 20,
    ...(volume ? { volser: volume } : {}),
  };
}

/** In one line, as the dry run shows it. */
export function describeAttributes(a: DatasetAttributes): string {
  return [
    `DSORG=${a.dsorg}${a.dsntype === "LIBRARY" ? " (PDSE)" : ""}`,
    `RECFM=${a.recfm}`,
    `LRECL=${a.lrecl}`,
    `BLKSIZE=${a.blksize}`,
    `SPACE=(${a.alcunit},(${a.primary},${a.secondary}${a.dirblk !== undefined ? `,${a.dirblk}` : ""}))`,
    a.volser ? `VOLUME=${a.volser}` : "",
  ]
    .filter(Boolean)
    .join(" ");
}
