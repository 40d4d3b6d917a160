/**
 * Every message text and return code the emulated batch programs print, kept in one
 * place so a wrong guess is corrected once. Tags follow /work/shared/reference/zosmf-facts.md:
 * DOC/REC/CODE where a fact gives the text, INF where the text or code is our own choice.
 */

// ---------------------------------------------------------------------------
// IDCAMS (facts §2.8, §6.1, §7.3)
// ---------------------------------------------------------------------------

export const idcamsMsg = {
  /** DOC §7.3: the closing line of every IDCAMS run. */
  processingComplete: (maxcc: number) => `IDC0002I IDCAMS PROCESSING COMPLETE. MAXIMUM CONDITION CODE WAS ${maxcc}`,
  /** INF: closing line of a command that ended with CC 0 or 4. */
  functionCompleted: (cc: number) => `IDC0001I FUNCTION COMPLETED, HIGHEST CONDITION CODE WAS ${cc}`,
  /** INF: closing line of a command that ended with CC 8 or more. */
  functionTerminated: (cc: number) => `IDC3003I FUNCTION TERMINATED. CONDITION CODE IS ${cc}`,
  /** Brief (duplicate-name facts): IDC3013I + IDC3009I; catalog RC 8 reason 38 is INF. */
  duplicateName: (name: string) => [
    `IDC3013I DUPLICATE DATA SET NAME ${name}`,
    `IDC3009I ** VSAM CATALOG RETURN CODE IS 8 - REASON CODE IS IGG0CLEH-38`,
  ],
  /** INF: entry missing for DELETE (CC 8) or LISTCAT (CC 4). */
  entryNotFound: (name: string) => [
    `IDC3012I ENTRY ${name} NOT FOUND`,
    `IDC3009I ** VSAM CATALOG RETURN CODE IS 8 - REASON CODE IS IGG0CLEG-42`,
  ],
  notDeleted: (name: string) => `IDC0551I ** ENTRY ${name} NOT DELETED`,
  notListed: (name: string) => `IDC1566I ** ${name} NOT LISTED`,
  /** INF: type letters as LISTCAT prints them: C cluster, D data, I index, A non-VSAM. */
  deleted: (type: "C" | "D" | "I" | "A", name: string) => `IDC0550I ENTRY (${type}) ${name} DELETED`,
  /** INF: a mounted aggregate cannot be deleted. */
  inUse: (name: string) => `IDC3029I ** DATA SET ${name} IS IN USE (MOUNTED) - NOT DELETED`,
  /** INF: syntax errors. */
  improperKeyword: (kw: string) => `IDC3211I KEYWORD '${kw}' IS IMPROPER`,
  itemRestrictions: (item: string) => `IDC3203I ITEM '${item}' DOES NOT ADHERE TO RESTRICTIONS`,
  requiredMissing: (kw: string) => `IDC3217I REQUIRED KEYWORD ${kw} IS MISSING`,
  parenthesis: (after: string) => `IDC3209I PARENTHESES DO NOT BALANCE AFTER '${after}'`,
  invalidCommand: (verb: string) => `IDC3210I INVALID COMMAND '${verb}'`,
  bypassed: `IDC3202I ABOVE TEXT BYPASSED UNTIL NEXT COMMAND. CONDITION CODE IS 12`,
  /** INF: neither VOLUMES (NONRLS, §6.1) nor STORAGECLASS (RLS, §6.1) given. */
  noVolumeOrStorageClass: (name: string) => `IDC3016I ${name} NEEDS VOLUMES (NON-SMS) OR STORAGECLASS (SMS), NEITHER WAS GIVEN`,
  /** INF: LOG is an RLS attribute: only with STORAGECLASS. */
  logWithoutStorageClass: `IDC3203I ITEM 'LOG' DOES NOT ADHERE TO RESTRICTIONS - LOG NEEDS STORAGECLASS (RLS)`,
  /** INF: the emulator supports DEFINE CLUSTER, DELETE, LISTCAT, SET. */
  unsupported: (verb: string) => `IDC3210I INVALID COMMAND '${verb}' (NOT SUPPORTED BY THE EMULATOR)`,
  /** INF: SYSIN missing or unreadable: IDCAMS cannot start, CC 16. */
  noSysin: [`IDC3300I ERROR OPENING SYSIN`, `IDC3302I ACTION ERROR ON SYSIN`],
  noSysinCc: 16,
};

/** INF: volume serial recorded for an SMS-placed data set defined without VOLUMES. */
export const SMS_VOLSER = "SMS001";

// ---------------------------------------------------------------------------
// TSO batch (IKJEFT01/1A/1B)
// ---------------------------------------------------------------------------

export const tsoMsg = {
  ready: "READY",
  end: "END",
  /** Brief: unknown command, RC 12. */
  notFound: (cmd: string) => `IKJ56500I COMMAND ${cmd} NOT FOUND`,
  notFoundRc: 12,
  /** INF: SYSTSIN missing. */
  noSystsin: `IKJ56621I INVALID FILE NAME SYSTSIN - FILE NOT ALLOCATED`,
};

/**
 * Step CC (INF, decided from §7.2: IZUSEC under IKJEFT01 ends RC 4 or 8 on a re-run):
 * - IKJEFT01 runs every command and the step CC is the highest command RC.
 * - IKJEFT1A and IKJEFT1B stop at the first command that ends non-zero, with that RC as the step CC.
 */
export const TSO_STOP_ON_ERROR: Record<string, boolean> = { IKJEFT01: false, IKJEFT1A: true, IKJEFT1B: true };

// RACF command messages: racf-messages.ts.

/** Initial OMVS ids for AUTOUID/AUTOGID (INF: BPX.NEXT.USER would give the ranges). */
export const AUTO_ID_BASE = { uid: 990000, gid: 990000 };

// ---------------------------------------------------------------------------
// zFS and mounts (facts §7.3, §2.9)
// ---------------------------------------------------------------------------

export const zfsMsg = {
  /** DOC §7.3. The name is printed as given in PARM. */
  created: (name: string) => `IOEZ00077I HFS-compatibility aggregate ${name} has been successfully created`,
  /** INF: format without -compat. */
  formatted: (name: string) => `IOEZ00071I Aggregate ${name} successfully formatted`,
  /** INF: failures, CC 8. */
  notFound: (name: string) => `IOEZ00003E While opening minor device 1, could not open data set ${name}`,
  notLinear: (name: string) => `IOEZ00187E Data set ${name} is not a VSAM linear data set`,
  alreadyFormatted: (name: string) => `IOEZ00326E Aggregate ${name} is already formatted; specify -overwrite to reformat`,
  badParm: (parm: string) => `IOEZ00041E Invalid parameters: ${parm}`,
  failCc: 8,
};

/**
 * Mount outcomes (INF): a mount failure prints BPXF135E with a z/OS errno (hex) and CC 8.
 * The same file system already mounted at the same mount point is a warning, CC 4, so a
 * re-run of IZUMKFS does not fail on the mount alone; mounted elsewhere (any system) is EBUSY, CC 8.
 */
export const MOUNT_RC = { ok: 0, alreadyHere: 4, failed: 8 };
export const ERRNO = { EBUSY: "00000072", ENOENT: "00000081", EINVAL: "00000079", EEXIST: "00000075", ENOTDIR: "00000087" };

export const mountMsg = {
  failed: (errno: string, fs: string, why: string) =>
    `BPXF135E RETURN CODE ${errno}, REASON CODE 00000000. THE MOUNT FAILED FOR FILE SYSTEM ${fs}. ${why}`,
  unmountFailed: (errno: string, fs: string, why: string) =>
    `BPXF135E RETURN CODE ${errno}, REASON CODE 00000000. THE UNMOUNT FAILED FOR FILE SYSTEM ${fs}. ${why}`,
  alreadyMountedHere: (fs: string, mp: string) => `BPXF999I FILE SYSTEM ${fs} IS ALREADY MOUNTED ON ${mp}.`,
  /** §7.3 (DOC) is the IPL form; we print it on every successful mount. */
  mounted: (fs: string) => `BPXF013I FILE SYSTEM ${fs} WAS SUCCESSFULLY MOUNTED.`,
  unmounted: (fs: string) => `BPXF014I FILE SYSTEM ${fs} WAS SUCCESSFULLY UNMOUNTED.`,
  notFormatted: "The aggregate is not formatted.",
  notAggregate: "The data set is not a zFS aggregate.",
  noDataSet: "The data set does not exist.",
  noMountPoint: "The mount point directory does not exist.",
  busy: (where: string) => `The file system or mount point is busy (${where}).`,
  notMounted: "The file system is not mounted.",
};

/** INF: TSO MKDIR failures (mkdir() errno), RC 12. */
export const mkdirMsg = {
  failed: (path: string, why: string) => `BPXF137E MKDIR FAILED FOR ${path}: ${why}`,
  exists: "EEXIST: the path already exists.",
  noParent: "ENOENT: a directory in the path does not exist.",
  rc: 12,
};

// ---------------------------------------------------------------------------
// BPXBATCH
// ---------------------------------------------------------------------------

/** INF: the emulator runs only mkdir, mount, chown and chmod; anything else ends the shell with exit 127. */
export const bpxMsg = {
  unsupported: (cmd: string) => `FSUM7351 not found: ${cmd} (the z/OSMF emulator runs only mkdir, mount, chown, chmod)`,
  unsupportedRc: 127,
  noScript: `BPXM012I BPXBATCH FAILED BECAUSE NO PROGRAM OR SHELL SCRIPT WAS GIVEN`,
  failRc: 1,
  pgmUnsupported: `BPXM047I BPXBATCH PGM is not supported by the emulator; use SH`,
  noSuchPath: (p: string) => `${p}: EDC5129I No such file or directory.`,
  exists: (p: string) => `mkdir: ${p}: EDC5117I File exists.`,
  usage: (cmd: string) => `${cmd}: FSUM6xxx invalid arguments`,
};

// ---------------------------------------------------------------------------
// IEBCOPY / IEBGENER / IEFBR14 (INF; IEB167I is the member-copied message of IEBCOPY)
// ---------------------------------------------------------------------------

export const copyMsg = {
  iebcopyHeader: `IEBCOPY MESSAGES AND CONTROL STATEMENTS`,
  copyFrom: (indd: string, outdd: string) => `IEB167I FOLLOWING MEMBER(S) COPIED FROM INPUT DATA SET REFERENCED BY ${indd} TO ${outdd}`,
  copied: (m: string) => `IEB154I ${m} HAS BEEN SUCCESSFULLY COPIED`,
  copiedRenamed: (m: string, n: string) => `IEB155I ${m} HAS BEEN SUCCESSFULLY COPIED AS ${n}`,
  replaced: (m: string) => `IEB154I ${m} HAS BEEN SUCCESSFULLY COPIED AND REPLACED`,
  notReplaced: (m: string) => `IEB153I ${m} NOT COPIED: A MEMBER OF THE SAME NAME EXISTS AND REPLACE WAS NOT GIVEN`,
  memberNotFound: (m: string) => `IEB177I MEMBER ${m} NOT FOUND IN INPUT DATA SET`,
  ddMissing: (dd: string) => `IEB120I ${dd} DD STATEMENT MISSING OR NOT A PARTITIONED DATA SET`,
  badStatement: (s: string) => `IEB139I INVALID CONTROL STATEMENT: ${s}`,
  endOfJob: (sev: number) => `IEB147I END OF JOB - ${sev} WAS HIGHEST SEVERITY CODE`,
  generateHeader: `DATA SET UTILITY - GENERATE`,
  endedAtEod: `PROCESSING ENDED AT EOD`,
  generateNoInput: (dd: string) => `IEB311I ${dd} CANNOT BE OPENED: DD MISSING OR DATA SET NOT FOUND`,
  generateNoMember: `IEB318I SYSUT2 IS A PARTITIONED DATA SET BUT NO MEMBER WAS NAMED`,
};

export const allocMsg = {
  /** INF: DISP=DELETE of a mounted aggregate is not done. */
  inUse: (dsn: string) => `IEF283I   ${dsn.padEnd(44)} NOT DELETED   8 (DATA SET IN USE)`,
  /**
   * INF: a NEW data set that already exists. z/OS fails the job with a JCL error before the
   * step runs; the emulator reports CC 8 so the failure is never silent.
   */
  duplicate: (dsn: string) => `IGD17101I DATA SET ${dsn} NOT DEFINED BECAUSE DUPLICATE NAME EXISTS IN CATALOG`,
  notCataloged: (dsn: string) => `IEF212I ${dsn} - DATA SET NOT FOUND`,
  failCc: 8,
};
