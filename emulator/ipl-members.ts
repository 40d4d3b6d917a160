/**
 * The IPL-time members of the seeded sysplex (facts §10.4): what each system reads when it
 * IPLs and when its TCP/IP stack starts. None holds an HA definition; the seeded running
 * state is what these members say, as if every system had just IPLed.
 *
 * For a system whose name ends in the two characters CC (SYSA → SA):
 *   SYS1.PARMLIB(IEASYSCC)   system parameters, OMVS=(00,CC), no IZU=
 *   SYS1.PARMLIB(BPXPRM00)   shared: FILESYSTYPE, ROOT, the shared mounts
 *   SYS1.PARMLIB(BPXPRMCC)   the system's own (comments only)
 *   SYS1.TCPPARMS(PROFCC)    the stack profile, with INCLUDE SYS1.TCPPARMS(PORTS)
 *   SYS1.TCPPARMS(PORTS)     shared PORT reservations
 *   SYS1.PROCLIB(TCPIP)      the stack procedure; PROFILE DD SYS1.TCPPARMS(PROF&SYSCLONE.)
 */

/** INF: &SYSCLONE. is the last two characters of the system name, the usual IEASYMxx choice (SYSCLONE=&SYSNAME(-2:2)). */
export function sysclone(system: string): string {
  return system.slice(-2).toUpperCase();
}

/** An 80-column record: data in 1–72, a sequence number in 73–80 (MVS Init and Tuning: columns 72–80 are ignored). */
function numbered(lines: string[]): string {
  return lines.map((l, i) => `${l.padEnd(72).slice(0, 72)}${String((i + 1) * 100).padStart(8, "0")}`).join("\n");
}

/**
 * IEASYSxx: keyword=value, comma-separated; a record ending in a comma continues on the next;
 * text after the blank that ends a record's parameters is a comment (facts §10.4, INF on the
 * comment forms: IBM's IEASYS00 samples write them so).
 */
export function ieasysMember(system: string): string {
  const cc = sysclone(system);
  return numbered([
    `/* IEASYS${cc}: system parameters of ${system.toUpperCase().padEnd(8)}                  */`,
    "CLOCK=00,                 TOD CLOCK FROM CLOCK00",
    "CMD=(00),                 COMMNDXX AT IPL",
    "CON=00,                   CONSOLXX",
    "COUPLE=00,                SYSPLEX COUPLE DATA SETS",
    "GRS=STAR,",
    "LNK=(00,L),               LNKLSTXX",
    "LPA=(00,L),",
    "MAXUSER=1000,",
    `OMVS=(00,${cc}),             BPXPRM00 SHARED, BPXPRM${cc} THIS SYSTEM`,
    "PROG=(00),",
    `SMF=00,                   SMFPRMXX`,
    "SSN=00,",
    "SYSNAME=" + system.toUpperCase() + "          THE LAST PARAMETER: NO COMMA",
  ]);
}

/** BPXPRMxx syntax: columns 1–71, `/* … *\/` comments, KEYWORD(value) operands (facts §10.4). */
export const BPXPRM00 = `/* BPXPRM00: z/OS UNIX settings shared by every system.          */
/* The shared file system: one hierarchy for the sysplex.         */
SYSPLEX(YES)
VERSION('/')
FILESYSTYPE TYPE(ZFS) ENTRYPOINT(IOEFSCM) ASNAME(ZFS)
/* The sysplex root.                                              */
ROOT   FILESYSTEM('OMVS.SYSPLEX.ROOT')
       TYPE(ZFS) MODE(RDWR) AUTOMOVE
/* Data shared by every system: z/OSMF and Zowe, below /global. */
MOUNT  FILESYSTEM('OMVS.GLOBAL.ZFS')
       MOUNTPOINT('/global')
       TYPE(ZFS) MODE(RDWR) AUTOMOVE
MAXPROCSYS(900)
MAXPROCUSER(100)`;

export function bpxprmSystemMember(system: string): string {
  const cc = sysclone(system);
  return `/* BPXPRM${cc}: z/OS UNIX settings of ${system.toUpperCase().padEnd(8)} only.            */
/* File systems this system owns are mounted here, with SYSNAME  */
/* and NOAUTOMOVE or UNMOUNT where they must not move elsewhere. */
/* None yet.                                                     */`;
}

/** Shared PORT reservations every stack INCLUDEs (well-known services only). */
export const TCP_PORTS = `; PORTS: reservations shared by every stack of the sysplex.
PORT
   20 TCP * NOAUTOLOG        ; FTP data
   21 TCP FTPD1              ; FTP control
   23 TCP TN3270             ; Telnet 3270
  111 TCP PORTMAP            ; Portmapper
  111 UDP PORTMAP            ; Portmapper
  514 UDP OMVS               ; syslogd`;

/** The stack profile (facts §5.1 syntax): home address on an OSA link, the shared PORT member. */
export function tcpProfile(system: string, home: string): string {
  const cc = sysclone(system);
  return `; PROF${cc}: TCP/IP profile of ${system.toUpperCase()}, read when the stack starts.
; Static definitions only; dynamic VIPAs are added with VARY OBEYFILE.
TCPCONFIG TCPSENDBFRSIZE 256K TCPRCVBUFRSIZE 256K
          FINWAIT2TIME 600
UDPCONFIG UDPCHKSUM
IPCONFIG  DATAGRAMFWD
;
DEVICE OSDL1DEV MPCIPA
LINK   OSDL1    IPAQENET OSDL1DEV
;
HOME
   ${home.padEnd(15)} OSDL1
;
INCLUDE SYS1.TCPPARMS(PORTS)
;
START OSDL1DEV`;
}

/** The stack procedure (DOC: "PROFILE.TCPIP search order": the PROFILE DD comes first). */
export const TCPIP_PROC = `//TCPIP    PROC PARMS='CTRACE(CTIEZB00)'
//*
//* TCP/IP stack. The profile is this system's SYS1.TCPPARMS(PROFcc).
//*
//TCPIP    EXEC PGM=EZBTCPIP,REGION=0M,TIME=1440,
//             PARM='&PARMS'
//PROFILE  DD DISP=SHR,DSN=SYS1.TCPPARMS(PROF&SYSCLONE.)
//SYSPRINT DD SYSOUT=*
//SYSERR   DD SYSOUT=*`;
