/**
 * The emulated sysplex as one plain, JSON-serialisable object. Every part of the
 * emulator (HTTP routes, JES programs, operator commands, TCP/IP stacks) reads and
 * changes this object only, so `GET/PUT /__emulator/state` can dump and restore it whole.
 */

import type { JclStep, StepOutcome } from "./jes/steps";

export interface EmulatorState {
  /** Seed for every generated value (job ids, ETags, correlators). */
  seed: number;
  /** Monotonic counters that make ids deterministic from the seed. */
  counters: { job: number; etag: number; consoleKey: number; wto: number };
  sysplexName: string;
  /** JES PROCLIB concatenation searched by `S proc` (in order). */
  proclibs: string[];
  /** Logical PARMLIB concatenation searched for IZUPRMxx (in order). */
  parmlibs: string[];
  systems: Record<string, SystemState>;
  /** Catalog shared by the sysplex: data set name → data set. */
  datasets: Record<string, Dataset>;
  /** Shared USS file system: absolute path → file. Directories are implied by paths and `dirs`. */
  uss: { files: Record<string, UssFile>; dirs: string[]; dirAttributes?: Record<string, UssDirAttributes> };
  /** Mounted file systems (shared file system: one table for the sysplex, each entry owned by a system). */
  mounts: Mount[];
  /** JES2 MAS spool shared by all systems. */
  jobs: Job[];
  /** The shared RACF database. */
  racf: RacfDatabase;
  /** Users the HTTP layer accepts (basic auth); passwords never leave the emulator in dumps of jobs or logs. */
  users: Record<string, { password: string }>;
  /** Issued-command responses not yet collected, by response key. */
  consoleResponses: Record<string, { pending: string[]; consoleName: string; solKey?: string; solKeyRegex?: boolean }>;
}

export interface SystemState {
  name: string;
  /** false while the system is "down" (fault injection): its stack leaves the sysplex, its tasks end. */
  up: boolean;
  tcpip: TcpipStack;
  /** Started tasks running on this system, by job name. */
  tasks: Record<string, StartedTask>;
  /** How the system IPLs, and what its last IPL or stack restart reported (facts §10.4). */
  ipl?: IplRecord;
  /** What it shares with the sysplex (RACF database, JES2 MAS, shared file system); absent = the seeded healthy share. */
  share?: SysplexShare;
}

/** The sysplex resources a system uses, as its displays report them (operator/sysplex-share.ts). */
export interface SysplexShare {
  /** RACF data sets in use (RVARY LIST): primary and backup, each with its volume. */
  racf: { primary: { dsn: string; volser: string }; backup: { dsn: string; volser: string } };
  /** The JES2 MAS this system's JES2 is a member of (its checkpoint), and its member name. */
  jes2: { mas: string; member: string };
  /** BPXPRMxx SYSPLEX(YES): the system takes part in the shared file system. */
  omvsSysplex: boolean;
}

export interface IplRecord {
  /** IEASYSxx suffixes the system IPLs with, as LOADxx SYSPARM names them (IEASYS00 is read first anyway). */
  ieasys: string[];
  /** While down for an IPL: the emulated time it comes back (reached lazily, on the next request). */
  returnsAt?: number;
  /** Console messages of the last IPL or TCP/IP restart, in order. */
  log: string[];
}

export interface TcpipStack {
  proc: string;
  /** IPCONFIG SYSPLEXROUTING DYNAMICXCF; null until configured. */
  dynamicXcf: { address: string; mask: string; cost: number } | null;
  sysplexRouting: boolean;
  homeAddresses: { address: string; link: string }[];
  /** DVIPAs this stack defines (VIPADEFINE). */
  vipaDefine: { address: string; mask: string; moveable: "IMMEDIATE" | "WHENIDLE" }[];
  /** DVIPAs this stack backs up (VIPABACKUP). */
  vipaBackup: { address: string; mask?: string; rank: number }[];
  /** VIPADISTRIBUTE definitions configured on this stack. */
  distributions: Distribution[];
  /** PORT reservations. */
  ports: PortReservation[];
  /** Listeners bound on this stack (started servers and plain listeners). */
  listeners: Listener[];
  /** DVIPAs currently active on this stack (owned here), with the emulated time they became active. */
  activeDvipas?: { address: string; since: number; origin: "VIPADEFINE" | "VIPABACKUP" }[];
  /** `VARY TCPIP,,SYSPLEX,QUIESCE,TARGET` in force: no new distributed connections for any listener here. */
  targetQuiesced?: boolean;
}

export type DistMethod = "BASEWLM" | "ROUNDROBIN" | "WEIGHTEDACTIVE" | "SERVERWLM" | "HOTSTANDBY";

export interface Distribution {
  dvipa: string;
  ports: number[];
  method: DistMethod;
  autoSwitchBack: boolean;
  healthSwitch: boolean;
  /** 0 = NOOPTLOCAL. */
  optLocal: number;
  targets: DistributionTarget[];
  /** HOTSTANDBY only: dynamic XCF address of the target currently receiving connections. */
  activeTarget?: string | null;
  /** Set on a copy a backup stack took over from the named system's stack; dropped when the DVIPA leaves. */
  takenOverFrom?: string;
  /** Round-robin position for methods other than HOTSTANDBY. */
  rrNext?: number;
  /** TIMEDAFFINITY seconds (0 = none) and SYSPLEXPORTS, shown by VIPADCFG. */
  timedAffinity?: number;
  sysplexPorts?: boolean;
  /** What the distributor has noticed of its targets, and the changes it has yet to notice (tcpip/notice.ts). */
  watch?: DistributorWatch;
}

export interface DistributorWatch {
  /** Per target (dynamic XCF address): whether the distributor regards it as able to take new connections. */
  noticed: Record<string, boolean>;
  /** Changes of a target's availability, in the order they happened, not yet noticed. */
  pending: { at: number; xcf: string; available: boolean }[];
}

export interface DistributionTarget {
  /** Dynamic XCF address of the target stack. */
  xcf: string;
  role?: "PREFERRED" | "BACKUP";
  /** BACKUP rank (1-254). */
  rank?: number;
  /** WEIGHTEDACTIVE weight. */
  weight?: number;
}

export interface PortReservation {
  port: number;
  protocol: "TCP" | "UDP";
  /** Job name or pattern with * and ?. */
  jobName: string;
  share: "NONE" | "SHAREPORT" | "SHAREPORTWLM";
  bind?: string;
  noAutoLog?: boolean;
  delayAcks?: boolean;
  /** SAF resource name suffix. */
  saf?: string;
}

export interface Listener {
  jobName: string;
  /** Address bound; "0.0.0.0" for INADDR_ANY. */
  address: string;
  port: number;
  /** Connection id shown by NETSTAT CONN. */
  connId?: number;
  /** Quiesced for sysplex distribution (`VARY TCPIP,,SYSPLEX,QUIESCE,PORT=|JOBNAME=`): no new distributed connections. */
  quiesced?: boolean;
}

export interface StartedTask {
  jobName: string;
  proc: string;
  /** What the task is: a z/OSMF server, an angel, or a plain listener (z/OS Connect, IMS Connect, gateway). */
  kind: "zosmf" | "angel" | "listener";
  jobid: string;
  /** z/OSMF servers: the AUTOSTART_GROUP served and the IZUPRMxx suffixes used. */
  autostartGroup?: string;
  izuprm?: string[];
  /** Emulated time the task started. */
  startedAt?: number;
  /** Name of the procedure's EXEC step, shown as the procstep by `D A`. */
  procStep?: string;
  /** Set by `P`: the program is shutting down and its address space ends at this emulated time. */
  endsAt?: number;
}

export type Dataset = PdsDataset | SeqDataset | VsamCluster;

interface DatasetBase {
  name: string;
  volser: string;
  /** ISO date the data set was created (emulated clock). */
  created: string;
}

export interface PdsDataset extends DatasetBase {
  dsorg: "PO";
  recfm: string;
  lrecl: number;
  blksize: number;
  members: Record<string, Member>;
  /** "LIBRARY" for a PDSE (listed as dsorg PO-E); absent or "PDS" for a PDS. */
  dsntype?: "PDS" | "LIBRARY";
}

export interface SeqDataset extends DatasetBase {
  dsorg: "PS";
  recfm: string;
  lrecl: number;
  blksize: number;
  content: string;
  etag: string;
}

export interface VsamCluster extends DatasetBase {
  dsorg: "VS";
  /** LINEAR for zFS aggregates, INDEXED for KSDS. */
  type: "LINEAR" | "INDEXED";
  keys?: { length: number; offset: number };
  recordSize?: { average: number; maximum: number };
  storageClass?: string;
  shareOptions?: [number, number];
  log?: string;
  /** zFS only: formatted aggregate. */
  formatted?: boolean;
  /** Defined with the IDCAMS ZFS keyword: the first mount formats it. */
  zfs?: boolean;
  /** Catalog names of the DATA and INDEX components (INDEX only for KSDS); they count as duplicates too. */
  dataComponent?: string;
  indexComponent?: string;
  /** All volumes given on VOLUMES(); `volser` holds the first. */
  volumes?: string[];
  /** Space as defined: unit (CYLINDERS, TRACKS, RECORDS, MEGABYTES, KILOBYTES), primary, secondary. */
  space?: { unit: string; primary: number; secondary: number };
}

export interface Member {
  content: string;
  etag: string;
  /** Last user that wrote it (ISPF statistics). */
  user: string;
  changed: string;
}

export interface UssFile {
  content: string;
  etag: string;
  mode: string;
  owner?: string;
  group?: string;
}

/** Mode and ownership of a directory, set by mkdir -m, chmod and chown. */
export interface UssDirAttributes {
  mode?: string;
  owner?: string;
  group?: string;
}

export interface Mount {
  fsname: string;
  mountpoint: string;
  fstype: "ZFS" | "HFS" | "TFS";
  mode: "rdwr" | "rdonly";
  /** System that owns the mount. */
  sysname: string;
  /** What happens when the owner leaves the sysplex (facts §10.4). @default "yes" (AUTOMOVE, the z/OS default) */
  automove?: "yes" | "no" | "unmount";
  /** The zFS mount PARM as given, e.g. AGGRGROW (the aggregate grows into its secondary space when full). */
  parm?: string;
}

export interface Job {
  jobid: string;
  jobname: string;
  owner: string;
  class: string;
  type: "JOB" | "STC" | "TSU";
  status: "INPUT" | "ACTIVE" | "OUTPUT";
  retcode: string | null;
  correlator: string;
  /** System the job ran on. */
  execSystem: string;
  /** Emulated times in ms since the emulator started: submitted, started, ended. */
  submittedAt: number;
  startsAt: number;
  endsAt: number | null;
  /** The JCL as submitted (after symbol substitution). */
  jcl: string;
  /** Spool files, in id order; ids 2, 3, 4 are JESMSGLG, JESJCL, JESYSMSG. */
  spool: SpoolFile[];
  /** Effects are applied when the job reaches OUTPUT, not at submit. */
  effectsApplied: boolean;
  /** Steps as read at submit (symbols substituted, procedures expanded); run when the job reaches OUTPUT. */
  steps?: JclStep[];
  /** How each step ended, filled when the steps run (step-data=Y). */
  stepResults?: StepOutcome[];
  /** A fault chose the outcome: the steps do not run, the first step ends this way. */
  forcedCompletion?: { cc: number } | { abend: string };
}

export interface SpoolFile {
  id: number;
  ddname: string;
  stepname: string;
  procstep: string | null;
  recfm: string;
  lrecl: number;
  text: string;
}

export interface RacfDatabase {
  groups: Record<string, { owner: string; gid?: number; superiorGroup?: string }>;
  users: Record<
    string,
    {
      defaultGroup: string;
      groups: string[];
      uid?: number;
      home?: string;
      program?: string;
      /** SPECIAL attribute: may issue RACF definition commands. */
      special?: boolean;
      restricted?: boolean;
      /** NOPASSWORD: a protected user. */
      protected?: boolean;
      /** OMVS(FILEPROC(n)). */
      fileProcMax?: number;
    }
  >;
  /** class → profile → access list. */
  profiles: Record<
    string,
    Record<string, { uacc: string; access: Record<string, string>; stdata?: Record<string, string>; appldata?: string; owner?: string }>
  >;
  /** Key `owner/ring` (as in safkeyring://owner/ring). */
  keyrings: Record<string, { owner: string; certificates: { label: string; usage: string; default: boolean; owner?: string }[] }>;
  /** Key `owner/label`; owner is a user id, CERTAUTH or SITE; signedBy is the signer's key. */
  certificates: Record<
    string,
    {
      owner: string;
      label: string;
      signedBy?: string;
      subject?: string;
      /** The issuer's subject (the certificate's own for a self-signed one). */
      issuer?: string;
      /** ALTNAME entries, e.g. `Domain: host`, `IP: 192.0.2.10`. */
      altNames?: { type: "IP" | "Domain" | "Email" | "URI"; value: string }[];
      notBefore?: string;
      notAfter?: string;
      /** RACDCERT LIST's Status; absent means TRUST, what GENCERT gives (DOC: RACDCERT LIST). */
      trust?: "TRUST" | "NOTRUST" | "HIGHTRUST";
      keyUsage?: string[];
    }
  >;
  raclisted: string[];
  /** Classes made active with SETROPTS CLASSACT. */
  activeClasses?: string[];
}

/** An empty sysplex with the given systems, before any seeding of data sets or users. */
export function emptyState(options: { seed: number; sysplexName: string; systems: string[] }): EmulatorState {
  const systems: Record<string, SystemState> = {};
  for (const name of options.systems) {
    systems[name] = {
      name,
      up: true,
      tcpip: {
        proc: "TCPIP",
        dynamicXcf: null,
        sysplexRouting: false,
        homeAddresses: [],
        vipaDefine: [],
        vipaBackup: [],
        distributions: [],
        ports: [],
        listeners: [],
      },
      tasks: {},
    };
  }
  return {
    seed: options.seed,
    counters: { job: 0, etag: 0, consoleKey: 0, wto: 0 },
    sysplexName: options.sysplexName,
    proclibs: ["SYS1.PROCLIB"],
    parmlibs: ["SYS1.PARMLIB"],
    systems,
    datasets: {},
    uss: { files: {}, dirs: ["/", "/global", "/tmp"] },
    mounts: [],
    jobs: [],
    racf: { groups: {}, users: {}, profiles: {}, keyrings: {}, certificates: {}, raclisted: [] },
    users: {},
    consoleResponses: {},
  };
}
