/** Builds the seed-002 style two-system sysplex by hand for the TCP/IP and operator tests. */
import { emptyState, type EmulatorState, type PdsDataset } from "../../../emulator/state";
import { issueCommand } from "../../../emulator/operator/index";
import { defineZosmfSecurity } from "../../../emulator/programs/racf-zosmf-setup";

export const XCF_A = "198.51.100.1";
export const XCF_B = "198.51.100.2";
export const DVIPA = "192.0.2.10";

export function putMember(state: EmulatorState, dsn: string, member: string, content: string): void {
  const ds = (state.datasets[dsn] ??= {
    name: dsn,
    volser: "EMU001",
    created: "2025-01-01",
    dsorg: "PO",
    recfm: "FB",
    lrecl: 80,
    blksize: 27920,
    members: {},
  } as PdsDataset) as PdsDataset;
  ds.members[member] = { content, etag: "0", user: "IBMUSER", changed: "2025-01-01" };
}

export function newSysplex(): EmulatorState {
  return emptyState({ seed: 1, sysplexName: "PLEX1", systems: ["SYSA", "SYSB"] });
}

export function cmd(state: EmulatorState, system: string, text: string, now = 1000): string[] {
  return issueCommand(state, { system, consoleName: "IBMUSERC", now }, text).lines;
}

export const PROFILE_A = (options = "") => `
IPCONFIG SYSPLEXROUTING DYNAMICXCF ${XCF_A} 255.255.255.0 1
VIPADYNAMIC
  VIPADEFINE  255.255.255.0 ${DVIPA}
  VIPADISTRIBUTE DEFINE DISTM HOTSTANDBY ${options} ${DVIPA}
    PORT 443 DESTIP
     ${XCF_A}  PREFERRED
     ${XCF_B}  BACKUP
ENDVIPADYNAMIC
`;

export const PROFILE_B = `
IPCONFIG SYSPLEXROUTING DYNAMICXCF ${XCF_B} 255.255.255.0 1
VIPADYNAMIC
  VIPABACKUP 100 ${DVIPA}
ENDVIPADYNAMIC
`;

export const IZUPRM = (letter: string) => `/* z/OSMF HA member for system ${letter} */
SERVER_PROC(IZUSVR${letter})
ANGEL_PROC(IZUANG1)
AUTOSTART(LOCAL)
AUTOSTART_GROUP('IZUDFL${letter}')
HOSTNAME('${DVIPA}')
HTTP_SSL_PORT(443)
SAF_PREFIX('IZUDFLT')
KEYRING_NAME('IZUKeyring.IZUDFLT')
USER_DIR('/global/zosmf/zosmf${letter.toLowerCase()}')
`;

export const IZUSVR = (letter: string) => `//IZUSVR${letter} PROC SESSION='IZUDFLT',IZUPRM=0${letter}
//IZUSVR${letter} EXEC PGM=BPXBATSL,REGION=0M,TIME=NOLIMIT
//STDOUT   DD SYSOUT=*
`;

export const IZUANG1 = `//IZUANG1  PROC
//STEP1    EXEC PGM=BBGZANGL,PARM='NAME=IZUANG1',REGION=0M
`;

/** Both profiles obeyed, z/OSMF members, procedures and mounts in place; no server started. */
export function hotStandbyPlex(options = ""): EmulatorState {
  const state = newSysplex();
  putMember(state, "USER.TCPPARMS", "HAA", PROFILE_A(options));
  putMember(state, "USER.TCPPARMS", "HAB", PROFILE_B);
  putMember(state, "SYS1.PARMLIB", "IZUPRM0A", IZUPRM("A"));
  putMember(state, "SYS1.PARMLIB", "IZUPRM0B", IZUPRM("B"));
  putMember(state, "SYS1.PROCLIB", "IZUSVRA", IZUSVR("A"));
  putMember(state, "SYS1.PROCLIB", "IZUSVRB", IZUSVR("B"));
  putMember(state, "SYS1.PROCLIB", "IZUANG1", IZUANG1);
  defineZosmfSecurity(state, ["IZUSVRA", "IZUSVRB"]);
  state.mounts.push(
    { fsname: "IZU.SIZUUSRD.A", mountpoint: "/global/zosmf/zosmfa", fstype: "ZFS", mode: "rdwr", sysname: "SYSA" },
    { fsname: "IZU.SIZUUSRD.B", mountpoint: "/global/zosmf/zosmfb", fstype: "ZFS", mode: "rdwr", sysname: "SYSB" },
  );
  cmd(state, "SYSA", "V TCPIP,TCPIP,OBEYFILE,DSN=USER.TCPPARMS(HAA)");
  cmd(state, "SYSB", "V TCPIP,TCPIP,O,DSN='USER.TCPPARMS(HAB)'");
  return state;
}

/** The VDPT records as { xcf, rdy, flg } for easy assertions. */
export function vdpt(lines: string[]): { xcf: string; rdy: string; flg: string }[] {
  const out: { xcf: string; rdy: string; flg: string }[] = [];
  for (const l of lines) {
    const t = l.trim();
    if (t.startsWith("DESTXCF:")) out.push({ xcf: t.split(/\s+/)[1], rdy: "", flg: "" });
    else if (t.startsWith("TOTALCONN:")) out[out.length - 1].rdy = /RDY: (\d+)/.exec(t)![1];
    else if (t.startsWith("FLG:")) out[out.length - 1].flg = t.slice(4).trim();
  }
  return out;
}
