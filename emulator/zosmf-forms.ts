/**
 * Every z/OSMF response text, error document and status code the emulator uses, in one
 * place, each with its evidence tag from the facts file (/work/shared/reference/zosmf-facts.md).
 * Forms tagged INF are guesses: correct them here and nowhere else.
 */

/** A z/OSMF error report document (jobs and files share this shape). */
export interface ErrorDocument {
  rc: number;
  reason: number;
  category: number;
  message: string;
  details?: string[];
}

export interface ErrorForm {
  status: number;
  body: ErrorDocument;
}

const form = (status: number, rc: number, reason: number, category: number, message: string, details?: string[]): ErrorForm => ({
  status,
  body: details ? { rc, reason, category, message, details } : { rc, reason, category, message },
});

// ---------------------------------------------------------------- §1.6 jobs (REC unless noted)
export const jobErrors = {
  noJobFound: (jobname: string, jobid: string) => form(400, 4, 10, 6, `No job found for reference: '${jobname}(${jobid})'`),
  /** Jobname known, jobid malformed. */
  lookupFailed: (jobname: string, jobid: string) =>
    form(500, 0, 8, 8, `Failed to lookup job ${jobname}(${jobid})`, [
      "JesStatusException:queryJobs failed with ExtendedStatus error: rc=0 ssob_rc=8 reason=8/0",
    ]),
  noSpoolFile: (jobname: string, jobid: string, id: string) =>
    form(400, 4, 12, 6, `Job '${jobname}(${jobid})' does not contain spool file id ${id}`),
  noSlash: () => form(400, 4, 17, 6, "Submit input data does not start with a slash"),
  notAJob: () => form(400, 4, 13, 6, "Job input was not recognized by system as a job"),
  recordTooLong: (length: number, maxlen: number) =>
    form(400, 4, 9, 6, `Job submission error. Record length ${length} too long for JCL submission, maxlen=${maxlen}`),
  submitDatasetNotFound: (dsnWithMember: string) => form(400, 4, 16, 6, `Data set not found: ${dsnWithMember}`),
  submitMemberNotFound: (fileSpec: string) => form(500, 8, 5, 6, `Error opening input data set: ${fileSpec}`),
  badQuery: (param: "owner" | "prefix") => form(400, 4, 4, 6, `Value of ${param} query parameter is not valid`),
  /** CODE (GetJobsData.ts): an unroutable path. */
  noRoute: (method: string, pathInfo: string) => form(400, 4, 7, 6, `No match for method ${method} and pathInfo='${pathInfo}'`),
  /** INF: submitting a USS file that does not exist. */
  submitFileNotFound: (path: string) => form(400, 4, 16, 6, `File not found: ${path}`),
};

/** §1.3 phase numbers: 14 and 20 are REC; the INPUT phase is INF. */
export const jobPhases = {
  INPUT: { phase: 130, name: "Job is actively converting" },
  ACTIVE: { phase: 14, name: "Job is actively executing" },
  OUTPUT: { phase: 20, name: "Job is on the hard copy queue" },
} as const;

/** §1.5 purge/cancel feedback: 202 for asynchronous (version 1.0), 200 for version 2.0 (CODE). */
export const jobFeedbackStatus = { async: 202, sync: 200 } as const;

// ---------------------------------------------------------------- §2 files (REC unless noted)
export const fileErrors = {
  datasetNotFound: (dsn: string) =>
    form(404, 8, 386400778, 6, "Data set not found.", [`IKJ56228I DATA SET ${dsn} NOT IN CATALOG OR CATALOG CAN NOT BE ACCESSED`]),
  memberNotFound: (dsn: string, member: string) => form(404, 8, 524, 6, "Member not found", [`${dsn}(${member})`]),
  listMembersNotFound: (dsn: string) =>
    form(404, 8, 0, 4, "LMINIT error", [`ISRZ002 Data set not cataloged - '${dsn}' was not found in catalog.`]),
  deleteNotFound: (dsn: string) =>
    form(404, 8, 0, 4, "LMERASE error", [`ISRZ002 Data set not cataloged - '${dsn}' was not found in catalog.`]),
  /** §2.3 REC: create of a data set that already exists. */
  alreadyExists: () => form(500, -26868, 0, 8, "Dynamic allocation Error"),
  /** INF: a PDS read without a member, or a member on a sequential data set. */
  wrongOrganization: (dsn: string) => form(400, 4, 8, 6, "Data set organization is not supported for this request.", [dsn]),
  /** INF: a text record longer than LRECL on write (z/OSMF reports truncation as an I/O error). */
  recordTruncated: (dsn: string, lineNo: number, lrecl: number) =>
    form(500, 4, 4, 6, "Truncation of a record occurred during an I/O operation.", [
      `Record ${lineNo} of ${dsn} is longer than LRECL ${lrecl}.`,
    ]),
  /** INF: copy onto a member that exists while replace was false. */
  copyNoReplace: (target: string) => form(500, 8, 4, 6, "Like-named member exists and replace was not requested.", [target]),
  /** INF: a JSON utility body z/OSMF does not recognise. */
  badUtilityRequest: (request: string) => form(400, 4, 13, 7, `Request '${request}' is not supported.`),
  /** INF: a malformed JSON body. */
  badJson: () => form(400, 4, 1, 7, "The request body is not valid JSON."),
  /**
   * INF (§2.3, shape from §2 error documents): a create whose name breaks the data set name
   * rules (44 characters, qualifiers of 1-8 starting with a letter or national character).
   */
  invalidDsn: (dsn: string) => form(400, 4, 2, 1, `Data set name ${dsn} is not valid.`),
  /** INF (§2.3): a create with no JSON body, or one that gives neither dsorg nor like. */
  createNeedsAttributes: () => form(400, 4, 3, 7, "The request body must be a JSON object that specifies dsorg or like."),
};

/** §2.9 USS and mount errors: all INF (no recorded responses). */
export const ussErrors = {
  notFound: (path: string) => form(404, 8, 0x0c2, 1, "File not found.", [`EDC5129I No such file or directory. ${path}`]),
  parentMissing: (path: string) => form(404, 8, 0x0c2, 1, "Directory not found.", [`EDC5129I No such file or directory. ${path}`]),
  isDirectory: (path: string) => form(400, 8, 0x078, 1, "The path is a directory.", [`EDC5123I Is a directory. ${path}`]),
  exists: (path: string) => form(500, 8, 0x091, 1, "The file or directory already exists.", [`EDC5117I File exists. ${path}`]),
  mountFailed: (fsname: string, why: string) => form(500, 8, 0x0f1, 1, `Mount of ${fsname} failed.`, [why]),
  unmountFailed: (fsname: string, why: string) => form(500, 8, 0x0f2, 1, `Unmount of ${fsname} failed.`, [why]),
  /** INF (§2.9 fields): a mount request without mount-point or fs-type, or a mode other than rdonly/rdwr. */
  badMountRequest: (field: string, why: string) => form(400, 4, 5, 7, `Mount request field '${field}' ${why}.`),
};

/** §2.8: HTTP 200 when the IDCAMS RC is at most 4 (DOC); the status above that is INF. */
export const amsStatus = { ok: 200, failed: 500 } as const;

/** §2.2 and §2.9: member/file write is 201 when created and 204 when replaced (INF split, DOC codes). */
export const writeStatus = { created: 201, replaced: 204 } as const;

// ---------------------------------------------------------------- §3 console
export const consoleTexts = {
  /** CODE (IBM Ansible module looks for this id). */
  invalidSystem: (_system: string) => " IEE618I ROUTE COMMAND REJECTED, INVALID SYSTEM NAME",
};

export const consoleErrors = {
  /** 3P/INF: command over 126 characters. */
  tooLong: () => form(400, 1, 17, 1, "Command length must be less than 127."),
  /** INF: missing cmd. */
  noCommand: () => form(400, 1, 16, 1, "The cmd parameter is required."),
  /** INF: console name not 2-8 characters. */
  badConsoleName: (name: string) => form(400, 1, 18, 1, `Console name ${name} is not valid.`),
};

/**
 * INF (documented choice): `sol-key-detected` is evaluated on the piece returned by the
 * synchronous PUT only, as z/OSMF evaluates what it collected within its wait; follow-up
 * GETs evaluate their own piece.
 */
export const solKeyScope = "first-piece" as const;

/** Default number of response lines returned by the PUT before the rest goes to follow-ups (INF). */
export const defaultConsolePieceLines = 12;

// ---------------------------------------------------------------- §4 info and auth
/** §4.2: 403 is INF; the document body is from recorded issues. */
export const csrfRefusal = (host: string) => ({
  status: 403,
  body: {
    errorID: "IZUG846W",
    errorMsg: `IZUG846W: An HTTP request for a z/OSMF REST service was received from a remote site. The request was rejected, however, because the remote site "" is not permitted to z/OSMF server "IZUSVR" on target system "${host}" .`,
  },
});

/** §4.2 DOC: 401 when not authenticated; the body is INF (empty, with a Basic challenge). */
export const unauthorized = { status: 401, challenge: 'Basic realm="SAFRealm"' } as const;

/** §4.1: all values are strings (DOC); version numbers follow the Zowe mock (CODE). */
export const infoDocument = (options: { hostname: string; port: number; realm: string }) => ({
  zos_version: "04.27.00",
  zosmf_port: String(options.port),
  zosmf_version: "27",
  zosmf_hostname: options.hostname,
  zosmf_saf_realm: options.realm,
  zosmf_full_version: "27.0",
  api_version: "1",
  plugins: [
    { pluginVersion: "HSMA240;PH12345;2024-01-01T00:00:00", pluginStatus: "ACTIVE", pluginDefaultName: "z/OS Operator Consoles" },
    { pluginVersion: "HSMA240;PH12345;2024-01-01T00:00:00", pluginStatus: "ACTIVE", pluginDefaultName: "Workflow" },
  ],
});

/** Cookie attributes for the login tokens (CODE: api-layer mock). */
export const tokenCookieAttributes = "Secure; HttpOnly; Path=/";

// ---------------------------------------------------------------- JES messages (INF wording, real ids)
export const jesTexts = {
  badContinuation: "IEFC621I EXPECTED CONTINUATION NOT RECEIVED",
  unbalanced: "IEFC009I UNBALANCED PARENTHESES OR APOSTROPHES",
  unknownOperation: "IEFC605I UNIDENTIFIED OPERATION FIELD",
  noSteps: "IEFC607I JOB HAS NO STEPS",
  noProgram: "IEFC614I EXEC STATEMENT HAS NO PGM OR PROC",
  procNotFound: (proc: string) => `IEFC612I PROCEDURE ${proc} WAS NOT FOUND`,
  badName: "IEFC662I INVALID LABEL",
  jobNotRun: (jobname: string) => `IEFC452I ${jobname} - JOB NOT RUN - JCL ERROR`,
  // INF: JES2's end-of-job message for a job that did not run; the facts file gives only the id family ($HASP).
  jobTerminated: (jobname: string) => `$HASP396 ${jobname.padEnd(8)} TERMINATED`,
  moduleNotFound: (pgm: string) => `CSV003I REQUESTED MODULE ${pgm} NOT FOUND`,
  /** Used by the jobFail fault with jclError, when the JCL itself is fine. */
  injectedJclError: "IEFC019I MISPLACED DD STATEMENT",
  notExecuted: (jobname: string, step: string) => `IEF272I ${jobname} ${step} - STEP WAS NOT EXECUTED.`,
};
