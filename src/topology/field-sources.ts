/*
 * Where a systems programmer reads each topology value from on a running sysplex:
 * the display, the member or the file. Kept next to the schema so the README's field
 * reference joins it to the schema's own descriptions; a test checks every path here
 * names a field of the schema, so a renamed field cannot leave a stale entry.
 * Fields missing here are the site's own choice (a name, a new address).
 */
export const FIELD_SOURCES: Readonly<Record<string, string>> = {
  sysplex: "`D XCF,SYSPLEX` (IXC334I names the sysplex), or `&SYSPLEX.` in `D SYMBOLS`",
  "systems[].name": "`D XCF,SYSPLEX` lists the member systems; `&SYSNAME.` in `D SYMBOLS` on each",
  "systems[].jes2Member": "`$D MEMBER` (the JES2 member names of the MAS)",
  "systems[].hostname": "the site's DNS; `D TCPIP,<proc>,NETSTAT,HOME` lists the stack's home addresses",
  "systems[].connection": "the Zowe team configuration (`zowe config list`): the zosmf profile that reaches this system",
  "systems[].tcpip.proc": "`D TCPIP` (EZAOP50I lists the active stacks by procedure name)",
  "systems[].tcpip.profile": "the `PROFILE` DD of the TCP/IP procedure (`systems[].tcpip.proc`) in the PROCLIB it starts from",
  "systems[].tcpip.dynamicXcf.address":
    "`D TCPIP,<proc>,NETSTAT,HOME` (the address of the dynamic XCF link) or the `IPCONFIG DYNAMICXCF` statement of the stack's profile",
  "systems[].tcpip.dynamicXcf.mask": "the `IPCONFIG DYNAMICXCF` statement of the stack's profile (or `D TCPIP,<proc>,NETSTAT,CONFIG`)",
  "systems[].tcpip.dynamicXcf.cost": "the `IPCONFIG DYNAMICXCF` statement of the stack's profile (or `D TCPIP,<proc>,NETSTAT,CONFIG`)",
  "systems[].zosmf.izuprmSuffix":
    "`IZU=` of the system's IEASYSxx (see `D IPLINFO`); a new server takes a suffix not yet used in `D PARMLIB`'s libraries",
  "systems[].zosmf.autostartGroup": "`AUTOSTART_GROUP` of the system's IZUPRMxx",
  "systems[].zosmf.serverProc": "`SERVER_PROC` of the system's IZUPRMxx; `D A,IZUSVR*` shows it running",
  "systems[].zosmf.userDir": "`USER_DIR` of the system's IZUPRMxx",
  "systems[].zosmf.zfs": "`D OMVS,F` (the file system mounted on `USER_DIR`)",
  "systems[].ipl.ieasys": "`D IPLINFO` (the IEASYS LIST the system IPLed with)",
  "systems[].ipl.bpxprm": "`D OMVS` (the `OMVS=` suffixes in use, BPXO042I)",
  "datasets.parmlib": "`D PARMLIB` (IEE251I lists the logical PARMLIB concatenation)",
  "datasets.proclib": "`$D PROCLIB` (JES2's procedure libraries) or the `IEFPDSI` DD of the MSTJCLxx for started tasks",
  "datasets.procSource": "the library holding IBM's IZUSVR1 and IZUANG1 samples (SYS1.PROCLIB on a ServerPac system)",
  "datasets.samplib": "the target library holding IBM's IZUPRM00 sample",
  "datasets.volume": "the storage administrator; `D U,DASD,ONLINE` lists mounted volumes",
  "zosmfHa.dvipa": "the network administrator; `D TCPIP,<proc>,NETSTAT,VIPADCFG` shows the DVIPAs a stack already defines",
  "zosmfHa.port": "`HTTP_SSL_PORT` of the IZUPRMxx in use",
  "zosmfHa.preferred": "`D TCPIP,<proc>,SYSPLEX,VIPADYN` shows which stacks own and back up existing DVIPAs",
  "zosmfHa.keyring": "`KEYRING_NAME` of the IZUPRMxx in use; `RACDCERT LISTRING(*) ID(IZUSVR)` lists the rings",
  "zosmfHa.safPrefix": "`SAF_PREFIX` of the IZUPRMxx in use",
  "zosmfHa.angelProc": "`ANGEL_PROC` of the IZUPRMxx in use; `D A,IZUANG*` shows it running",
  "cachingService.zoweYaml": "the `CONFIG` of the Zowe started task (ZWESLSTC) names the zowe.yaml",
  "cachingService.storage.vsam.name": "the cluster the ZWECSVSM job defined (`components.caching-service.storage.vsam.name` in zowe.yaml)",
  "cachingService.storage.vsam.rls.storageClass": "the storage administrator; `D SMS,SC(ALL)` lists the storage classes",
  "portSharing[].port": "`D TCPIP,<proc>,NETSTAT,PORTLIST` (ports already reserved) and the servers' own configuration",
  "portSharing[].servers": "`D A,L` (the servers' job names)",
  "portSharing[].configs[].config": "the server's procedure (the z/OS Connect server's `server.xml`, the IMS Connect `HWSCFG` DD)",
  "distributedServices[].dvipa": "the network administrator; `D TCPIP,<proc>,NETSTAT,VIPADCFG` shows the DVIPAs already defined",
  "distributedServices[].targets[].server": "`D A,L` (the target server's job name on that system)",
  "gateway.port": "`zowe.externalPort` / `components.gateway.port` of the zowe.yaml",
  "gateway.systems[].jobname": "`D A,ZWE*` (the gateway job names, e.g. ZWE1AG)",
};
