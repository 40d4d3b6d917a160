/**
 * Every console text and layout choice the emulator's TCP/IP and operator side makes
 * where the reference facts are INF (inferred) or silent. Keeping them here means a
 * correction against a real system is a one-line change.
 *
 * Facts sections referred to: zosmf-facts.md §3.2–3.3 (console framing, routing),
 * §5.1 (statements), §5.2 (OBEYFILE messages), §5.3–5.8 (NETSTAT), §7.1 (IZUPRMxx),
 * §7.4 (server start messages).
 */

/** §5.3: release printed in the EZD0101I header (any one release is acceptable, §8 item 0). */
export const NETSTAT_RELEASE = "CS V2R5";

export const msg = {
  // ---- §5.2 OBEYFILE / SYNTAXCHECK -------------------------------------------------
  /** DOC number; text from a community runbook (3P). */
  processing: (command: string) => `EZZ0060I PROCESSING COMMAND: ${command}`,
  /** DOC number; the wording ("VARY OBEY") is INF in the facts (§5.2). */
  obeyDone: () => "EZZ0053I COMMAND VARY OBEY COMPLETED SUCCESSFULLY",
  /** INF text: EZZ0059I is the OBEYFILE failure (data set cannot be opened). */
  obeyFailed: (dsn: string, why: string) => `EZZ0059I COMMAND VARY OBEY FAILED: ${why}: ${dsn}`,
  /** VARY TCPIP,,SYSPLEX done: DOC number (EZZ0053I ends VARY TCPIP commands that succeed); the wording is INF, as for OBEY. */
  sysplexDone: () => "EZZ0053I COMMAND VARY SYSPLEX COMPLETED SUCCESSFULLY",
  /** VARY TCPIP,,SYSPLEX refused (not a target, no matching listener, bad operand). No id is known, none is invented. */
  sysplexFailed: (why: string) => `EMULATOR: VARY TCPIP,,SYSPLEX FAILED: ${why}`,
  /** INF text: EZZ0061I opens SYNTAXCHECK processing (DOC: EZZ0065I explanation). */
  syntaxStart: (dsn: string) => `EZZ0061I VARY SYNTAXCHECK COMMAND BEGINNING FOR ${dsn}`,
  /** INF text: EZZ0064I means errors were found (CODE: public sample module). */
  syntaxErrors: (dsn: string, count: number) => `EZZ0064I ${count} SYNTAX ERROR(S) FOUND IN ${dsn}`,
  /** DOC text. */
  syntaxDone: () => "EZZ0065I VARY SYNTAXCHECK COMMAND COMPLETE",
  /** INF: id and text for a statement or keyword the profile reader does not recognise. */
  syntaxError: (dsn: string, line: number, token: string) => `EZZ0401I SYNTAX ERROR IN FILE: ${dsn} ON LINE: ${line} AT: '${token}'`,

  // ---- §10.4 the stack starting and ending (reading its initial profile) ---------------
  /** DOC id and form ("EZZ0300I Opened ftype file fname"); upper case as the console shows it. */
  profileOpened: (ftype: "PROFILE" | "INCLUDE", name: string) => `EZZ0300I OPENED ${ftype} FILE ${name}`,
  /** INF text (id as recalled from stack start logs). */
  profileBegin: (name: string) => `EZZ0309I PROFILE PROCESSING BEGINNING FOR ${name}`,
  /** INF text (id as recalled from stack start logs). */
  profileDone: (name: string) => `EZZ0316I PROFILE PROCESSING COMPLETE FOR FILE ${name}`,
  /** No profile was found through the PROFILE DD or the search order; the stack runs with defaults. No id is known, none is invented. */
  profileNotFound: () => "EMULATOR: INITIAL PROFILE COULD NOT BE FOUND",
  /** The PROFILE DD or an INCLUDE names a data set or member that cannot be read; processing continues after it. No id is known, none is invented. */
  openFailed: (ftype: "PROFILE" | "INCLUDE", name: string, why: string) => `EMULATOR: ${ftype} FILE ${name} COULD NOT BE OPENED: ${why}`,
  /** INF text (id as recalled). */
  stackInitialised: () => "EZB6473I TCP/IP STACK FUNCTIONS INITIALIZATION COMPLETE.",
  /** INF text (id as recalled). */
  stackAvailable: (proc: string) => `EZAIN11I ALL TCPIP SERVICES FOR PROC ${proc} ARE AVAILABLE.`,
  /** INF text (id as recalled). */
  stackEnded: (proc: string) => `EZZ4201I TCP/IP TERMINATION COMPLETE FOR ${proc}`,

  // ---- §5.1 HOTSTANDBY rules (DOC texts) ---------------------------------------------
  hsMissingRoles: () =>
    "EZZ0826I PREFERRED AND BACKUP PARAMETERS ARE REQUIRED ON THE VIPADISTRIBUTE STATEMENT WHEN DISTMETHOD IS HOTSTANDBY",
  hsRoleCount: () =>
    "EZZ0827I EXACTLY ONE PREFERRED AND AT LEAST ONE BACKUP ARE REQUIRED ON THE VIPADISTRIBUTE STATEMENT WHEN DISTMETHOD IS HOTSTANDBY",
  hsTooManyBackups: () => "EZZ0829I MORE THAN 31 BACKUPS WERE SPECIFIED ON THE VIPADISTRIBUTE STATEMENT WHEN DISTMETHOD IS HOTSTANDBY",
  hsKeywordWithOtherMethod: (keyword: string, line: number) =>
    `EZZ0831I VIPADISTRIBUTE ${keyword} ON LINE ${line} IS NOT VALID BECAUSE THE SPECIFIED DISTMETHOD IS NOT HOTSTANDBY`,
  hsDestipAll: (line: number) =>
    `EZZ0165I VIPADISTRIBUTE PARAMETER DESTIP ALL ON LINE ${line} CANNOT BE SPECIFIED WHEN DISTMETHOD IS HOTSTANDBY`,

  // ---- §5.3 NETSTAT / sysplex ---------------------------------------------------------
  notSysplexMember: (proc: string, sys: string) => `EZZ2502I STACK ${proc} ON ${sys} IS NOT A MEMBER OF THE SYSPLEX GROUP`,
  dvipaConfigInactive: () => "EZZ2503I ALL DYNAMIC VIPA CONFIGURATION IS INACTIVE",
  /** DOC text. */
  sysplexNotMember: (proc: string, sys: string) => `EZZ8269I ${proc} ${sys} IS NOT A MEMBER OF A SYSPLEX GROUP`,
  /** INF: header of D TCPIP,,SYSPLEX,VIPADYN. */
  sysplexHeader: (seq: number) => `EZZ8260I SYSPLEX ${NETSTAT_RELEASE} ${seq}`,
  /** INF: a D/V TCPIP naming a proc that is not this system's stack (the command goes nowhere). */
  stackNotFound: (proc: string) => `IEE341I ${proc} NOT ACTIVE`,
  /** INF: an unsupported NETSTAT report or TCPIP display keyword. */
  badDisplay: (text: string) => `EZZ0373I ${text} IS NOT A VALID DISPLAY TCPIP OPTION`,

  // ---- §3.2 routing and the operator commands -----------------------------------------
  /** DOC (CODE: Ansible module checks the id). */
  routeBadSystem: () => "IEE618I ROUTE COMMAND REJECTED, INVALID SYSTEM NAME",
  /** DOC (IEE421I): as many characters of the routed command as fit, 16 for *ALL. */
  routeAllHeader: (cmd: string) => `IEE421I RO *ALL,${cmd.slice(0, 16)}`,
  /** DOC (IEE421I): the heading of one system's lines when some system's response is multi-line. */
  routeAllSystem: (sys: string) => `  ${sys.padEnd(8)} RESPONSES ------------------------------------------`,
  /** DOC (IEE421I): the heading of the table of one-line responses; INF: the dash count. */
  routeAllTable: () => `  SYSNAME  RESPONSES ------------------------------------------`,
  routeAllRow: (sys: string, line: string) => `  ${sys.padEnd(8)} ${line.trimStart()}`,
  commandInvalid: (verb: string) => `IEE305I ${verb} COMMAND INVALID`,
  procNotFound: (proc: string) => `IEFC612I PROCEDURE ${proc} WAS NOT FOUND`,
  startJclError: () => "IEE122I START COMMAND JCL ERROR",
  /** INF: one task per job name per system in the emulator. */
  alreadyActive: (job: string) => `IEE842I ${job} ALREADY ACTIVE - START COMMAND IGNORED`,
  hasp373: (job: string) => `$HASP373 ${job.padEnd(8)} STARTED`,
  ief403: (job: string, time: string) => `IEF403I ${job} - STARTED - TIME=${time}`,
  ief404: (job: string, time: string) => `IEF404I ${job} - ENDED - TIME=${time}`,
  hasp395: (job: string, rc = 0) => `$HASP395 ${job.padEnd(8)} ENDED - RC=${String(rc).padStart(4, "0")}`,
  notActive: (job: string) => `IEE341I ${job} NOT ACTIVE`,

  // ---- §7.4 z/OSMF server ---------------------------------------------------------------
  angelReady: (angel: string) => `CWWKB0069I INITIALIZATION IS COMPLETE FOR THE ${angel} ANGEL PROCESS.`,
  zosmfInitialized: () => "IZUG400I The z/OSMF Web application services are initialized.",
  zosmfReady: () => "CWWKF0011I The server zosmfServer is ready to run a smarter planet.",
  /** INF: one IZUG id for every refused start, with the reason in the text. */
  zosmfFailed: (job: string, why: string) => `IZUG911E z/OSMF SERVER ${job} FAILED TO START: ${why}`,
  /** INF id: Liberty's bind failure. */
  bindFailed: (address: string, port: number) =>
    `CWWKO0221E TCP Channel initialization did not succeed. The socket bind did not succeed for host ${address} and port ${port}.`,
  /** INF: a plain listener that cannot bind (port reserved for other job names, or in use without SHAREPORT). */
  listenerBindFailed: (job: string, address: string, port: number, why: string) =>
    `EZZ0000E ${job} BIND FAILED FOR ${address}..${port}: ${why}`,
};

/**
 * §5.5 / §8 item 6 (INF): VDPT `FLG:` value for a HOTSTANDBY target that is not the
 * active one. Only `ACTIVE` is documented.
 */
export const VDPT_STANDBY_FLAG = "BACKUP";
export const VDPT_ACTIVE_FLAG = "ACTIVE";

/** §5.5 (INF): WLM and TSR values; no workload is modelled, so every ready target looks healthy. */
export const VDPT_WLM_READY = 10;
export const VDPT_TSR = 100;

/**
 * §5.8 (INF): PORTLIST flag letters, printed in this order.
 * D = DELAYACKS (the default), A = eligible for AUTOLOG (no NOAUTOLOG), S = SHAREPORT,
 * W = SHAREPORTWLM, B = BIND, F = SAF resource. So `PORT 9443 TCP ZCHA* SHAREPORT` prints `DAS`.
 */
export const PORTLIST_FLAGS: {
  letter: string;
  applies: (p: { delayAcks?: boolean; noAutoLog?: boolean; share: string; bind?: string; saf?: string }) => boolean;
}[] = [
  { letter: "D", applies: (p) => p.delayAcks !== false },
  { letter: "A", applies: (p) => !p.noAutoLog },
  { letter: "S", applies: (p) => p.share === "SHAREPORT" },
  { letter: "W", applies: (p) => p.share === "SHAREPORTWLM" },
  { letter: "B", applies: (p) => !!p.bind },
  { letter: "F", applies: (p) => !!p.saf },
];

/** §5.8: PORTLIST column starts (0-based), matching the documented header. */
export const PORTLIST_COLUMNS = { prot: 6, user: 11, flags: 20, range: 29, ip: 41, saf: 58 };

/** §5.4 (INF): upper-case DistMethod names as printed. */
export const DIST_METHOD_NAMES: Record<string, string> = {
  HOTSTANDBY: "HOTSTANDBY",
  SERVERWLM: "SERVERWLM",
  BASEWLM: "BASEWLM",
  ROUNDROBIN: "ROUNDROBIN",
  WEIGHTEDACTIVE: "WEIGHTEDACTIVE",
};

/**
 * §5.3 (INF): VIPADCFG on the console ends with `END OF THE REPORT` only; record-style
 * reports (VDPT, VIPADYN, PORTLIST, HOME, CONN) also print `N OF N RECORDS DISPLAYED`.
 */
export const VIPADCFG_HAS_RECORD_COUNT = false;

/** §5.6 (INF): VIPADYN entry label. */
export const VIPADYN_ADDRESS_LABEL = "IP ADDRESS/PREFIXLEN:";

/**
 * Emulated clock: `now` values below this are milliseconds since the emulator started and
 * are shown relative to EMULATED_EPOCH; larger values are taken as wall-clock epoch ms.
 */
export const EMULATED_EPOCH = Date.UTC(2025, 0, 1);

/**
 * Convention for procedures that are not z/OSMF (z/OS Connect, IMS Connect, gateways):
 * the listener is declared in the JCL by a comment card
 *     //* LISTEN PORT=9443 ADDR=0.0.0.0
 * (several cards allowed), or by `PORT=` (and optional `ADDR=`) symbolic defaults on the
 * PROC statement; `S proc,PORT=n,ADDR=ip` overrides both. ADDR defaults to 0.0.0.0.
 */
export const LISTEN_CARD = /^\/\/\*\s*LISTEN\s+(.*)$/i;

/**
 * PORT removal (DOC, not in the facts file: z/OS CS IP Configuration Reference,
 * halz001 deletestatement.htm): `DELEte PORT num TCP|UDP jobname|RESERVED [options]`
 * removes a reservation whose number, protocol and job name match; options are checked
 * for syntax and ignored. A PORT statement in an obey file adds reservations, replacing
 * an existing entry with the same port, protocol and job name.
 */
export const PORT_DELETE_SUPPORTED = true;

/**
 * Values a statement takes when they are not coded. §5.1 documents BACKUP rank 1 (VIPABACKUP)
 * and AUTOSWITCHBACK; HEALTHSWITCH's default is INF there (IBM's example codes it), so the
 * plug-in always writes HEALTHSWITCH or NOHEALTHSWITCH itself. WEIGHT 10 is INF.
 */
export const HEALTHSWITCH_DEFAULT = false;
export const DEFAULT_BACKUP_RANK = 1;
export const DEFAULT_WEIGHT = 10;
