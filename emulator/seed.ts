/**
 * The sysplex the emulator starts with: a user, the IBM-supplied z/OSMF members, the
 * IPL-time members of every system (ipl-members.ts), a JES PROCLIB holding the TCP/IP
 * procedure, an empty obey library, and a Zowe configuration on the shared file system.
 * The running state (mounts, each stack's home address and PORT reservations) is what those
 * members say: every system is seeded as if it had just IPLed.
 */
import { nextEtag } from "./ids";
import { healthyShare } from "./operator/sysplex-share";
import { BPXPRM00, bpxprmSystemMember, ieasysMember, sysclone, TCP_PORTS, TCPIP_PROC, tcpProfile } from "./ipl-members";
import { bootFromMembers } from "./operator/ipl";
import { emptyState, type EmulatorState, type PdsDataset } from "./state";

export interface SeedOptions {
  seed: number;
  sysplexName: string;
  systems: string[];
  user: string;
  password: string;
  /** Emulated "now" for creation dates. */
  nowIso: string;
}

/** The statements of IBM's sample, shared by the sample and the installation's own IZUPRM00. */
const IZUPRM_STATEMENTS = `HOSTNAME('*')
HTTP_SSL_PORT(443)
COMMON_TSO ACCT(IZUACCT) REGION(50000) PROC(IZUFPROC)
USER_DIR('/global/zosmf')
AUTOSTART(LOCAL)
AUTOSTART_GROUP('IZUDFLT')
SERVER_PROC(IZUSVR1)
ANGEL_PROC(IZUANG1)
SAF_PREFIX('IZUDFLT')
KEYRING_NAME('IZUKeyring.IZUDFLT')
UNAUTH_USER(IZUGUEST)
SEC_GROUPS USER(IZUUSER),ADMIN(IZUADMIN),SECADMIN(IZUSECAD)
JAVA_HOME('/usr/lpp/java/J17.0_64')
SESSION_EXPIRE(495)
TEMP_DIR('/tmp')
RESTAPI_FILE ACCT(IZUACCT) REGION(32768) PROC(IZUFPROC)
WLM_CLASSES DEFAULT(IZUGHTTP) LONG_WORK(IZUGWORK)`;

/** SYS1.SAMPLIB(IZUPRM00): IBM's model for a new IZUPRMxx member (seed 002). */
const IZUPRM00_SAMPLE = `/* IZUPRM00: z/OSMF server settings, IBM-supplied sample.          */
/* Copy to PARMLIB as IZUPRMxx and select it with IZUPRM=xx on      */
/* IZUSVR1 or with IZU=xx in IEASYSxx.                               */
${IZUPRM_STATEMENTS}`;

/** SYS1.PARMLIB(IZUPRM00): the installation's active member, copied from the sample earlier. */
const IZUPRM00 = `/* IZUPRM00: z/OSMF settings of this installation.                 */
${IZUPRM_STATEMENTS}`;

const IZUSVR1 = `//IZUSVR1  PROC IZUPRM=00,
//             ROOT='/usr/lpp/zosmf',
//             USERDIR='/global/zosmf'
//*
//* z/OSMF server. IZUPRM= selects the IZUPRMxx member(s):
//* xx, (xx,yy,...), PREV, SYSPARM or NONE.
//*
//IZUSVR1  EXEC PGM=BPXBATSL,REGION=0M,TIME=NOLIMIT,
//             PARM='PGM &ROOT./bin/izusvr1 IZUPRM=&IZUPRM.'
//WLPUDIR  DD PATH='&USERDIR./data'
//STDOUT   DD SYSOUT=*
//STDERR   DD SYSOUT=*
//STDIN    DD DUMMY
//STDENV   DD PATH='&USERDIR./configuration/local_override.cfg'`;

const IZUANG1 = `//IZUANG1  PROC NAME=IZUANG1,COLD=N
//*
//* z/OSMF angel process: authorized services for the server.
//*
//STEP1    EXEC PGM=BPXBATA2,REGION=0M,TIME=NOLIMIT,
// PARM='PGM /usr/lpp/zosmf/bin/izuangel NAME=&NAME COLD=&COLD'
//STDOUT   DD SYSOUT=*
//STDERR   DD SYSOUT=*`;

const IZUFPROC = `//IZUFPROC PROC ROOT='/usr/lpp/zosmf'
//*
//* TSO/E logon procedure z/OSMF uses for its TSO address spaces.
//*
//IZUFPROC EXEC PGM=IKJEFT01,DYNAMNBR=200,REGION=0M
//SYSPROC  DD DISP=SHR,DSN=SYS1.SBPXEXEC
//SYSEXEC  DD DISP=SHR,DSN=SYS1.SBPXEXEC
//SYSTSPRT DD SYSOUT=*
//SYSTSIN  DD DUMMY`;

const ZOWE_YAML = `# Zowe v3 instance configuration for the sysplex.
# Shared by every Zowe instance; per-LPAR values live under haInstances.
zowe:
  setup:
    dataset:
      prefix: ZWE.V3
      parmlib: ZWE.V3.CUSTOM.PARMLIB
      jcllib: ZWE.V3.CUSTOM.JCLLIB
      authLoadlib: ZWE.V3.SZWEAUTH
      authPluginLib: ZWE.V3.CUSTOM.ZWESAPL
    security:
      product: RACF
      groups:
        admin: ZWEADMIN
        stc: ZWEADMIN
        sysProg: ZWEADMIN
      users:
        zowe: ZWESVUSR
        zis: ZWESIUSR
    certificate:
      type: JCERACFKS
      keyring:
        name: ZoweKeyring
        label: localhost
  runtimeDirectory: /global/zowe/runtime
  logDirectory: /global/zowe/logs
  workspaceDirectory: /global/zowe/workspace
  extensionDirectory: /global/zowe/extensions
  job:
    name: ZWE1SV
    prefix: ZWE1
  # The external name clients use; in a sysplex this is the distributed DVIPA.
  externalDomains:
    - zowe.example.com
  externalPort: 7554
  launchScript:
    logLevel: info
  verifyCertificates: STRICT

java:
  home: /usr/lpp/java/J17.0_64

node:
  home: /usr/lpp/IBM/cnj/v20r0

zOSMF:
  host: zosmf.example.com
  port: 443
  applId: IZUDFLT

components:
  gateway:
    enabled: true
    port: 7554
  zaas:
    enabled: true
    port: 7558
  api-catalog:
    enabled: true
    port: 7552
  discovery:
    enabled: true
    port: 7553
  # Caching service: one store per instance until a shared store is configured.
  caching-service:
    enabled: true
    port: 7555
    storage:
      evictionStrategy: reject
      mode: inMemory
      size: 10000
  app-server:
    enabled: false
    port: 7556
  zss:
    enabled: false
    port: 7557
`;

const pds = (
  name: string,
  nowIso: string,
  members: Record<string, string>,
  state: EmulatorState,
  user: string,
  options: Partial<PdsDataset> = {},
): PdsDataset => ({
  name,
  volser: "ZOSRES",
  created: nowIso,
  dsorg: "PO",
  recfm: "FB",
  lrecl: 80,
  blksize: 27920,
  members: Object.fromEntries(
    Object.entries(members).map(([m, content]) => [m, { content, etag: nextEtag(state), user, changed: nowIso }]),
  ),
  ...options,
});

export function seedState(options: SeedOptions): EmulatorState {
  const state = emptyState({ seed: options.seed, sysplexName: options.sysplexName, systems: options.systems });
  const user = options.user.toUpperCase();
  const now = options.nowIso;
  state.users[user] = { password: options.password };
  state.racf.groups.SYS1 = { owner: "IBMUSER", gid: 0 };
  // The seeded user is the installation's administrator (SPECIAL, UID 0), as IBMUSER is.
  state.racf.users[user] = {
    defaultGroup: "SYS1",
    groups: ["SYS1"],
    uid: 0,
    home: `/u/${user.toLowerCase()}`,
    program: "/bin/sh",
    special: true,
  };

  // Documentation addresses only (RFC 5737).
  const home = (i: number) => `192.0.2.${101 + i}`;
  const perSystem = (member: (name: string, i: number) => string, prefix: string) =>
    Object.fromEntries(options.systems.map((name, i) => [`${prefix}${sysclone(name)}`, member(name, i)]));
  const parmlib = { IZUPRM00, BPXPRM00, ...perSystem(ieasysMember, "IEASYS"), ...perSystem(bpxprmSystemMember, "BPXPRM") };
  const tcpparms = { PORTS: TCP_PORTS, ...perSystem((name, i) => tcpProfile(name, home(i)), "PROF") };
  for (const ds of [
    pds("SYS1.PARMLIB", now, parmlib, state, "IBMUSER"),
    pds("SYS1.SAMPLIB", now, { IZUPRM00: IZUPRM00_SAMPLE }, state, "IBMUSER"),
    pds("SYS1.IBM.PROCLIB", now, { IZUSVR1, IZUANG1, IZUFPROC }, state, "IBMUSER"),
    pds("SYS1.PROCLIB", now, { TCPIP: TCPIP_PROC }, state, "IBMUSER"),
    pds("SYS1.TCPPARMS", now, tcpparms, state, "IBMUSER"),
    pds("TCPIP.HA.OBEY", now, {}, state, "IBMUSER", { volser: "ZOSVOL", blksize: 6160 }),
  ]) {
    state.datasets[ds.name] = ds;
  }
  // The file systems the USS tree lives on.
  for (const name of ["OMVS.SYSPLEX.ROOT", "OMVS.GLOBAL.ZFS"]) {
    state.datasets[name] = { name, volser: "ZOSRES", created: now, dsorg: "VS", type: "LINEAR", formatted: true };
  }

  state.uss.dirs.push("/global/zosmf", "/global/zowe", "/u", `/u/${user.toLowerCase()}`, "/usr", "/usr/lpp", "/usr/lpp/zosmf");
  state.uss.files["/global/zowe/zowe.yaml"] = { content: ZOWE_YAML, etag: nextEtag(state), mode: "-rw-r--r--" };

  // One RACF database, one JES2 MAS and a shared file system for all: a healthy sysplex.
  for (const sys of Object.values(state.systems)) sys.share = healthyShare(sys.name);
  // Mounts, stacks and z/OSMF as the members say (the emulated clock starts at 0).
  bootFromMembers(state, 0);
  return state;
}
