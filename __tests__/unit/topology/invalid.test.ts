import { describe, expect, test } from "vitest";
import { parseTopology } from "../../../src/topology";
import { all, DIST_SERVICE, PORT_SHARE, problemsOf, remove, set, variant, type Path } from "./variants";

interface Case {
  title: string;
  edit: ReturnType<typeof set>;
  /** The path the problem must be reported at. */
  path: string;
  /** Part of the "allowed" text that must name what may be written. */
  allowed: string;
  /** Other problems the same edit rightly causes; anything else fails the case. */
  alsoAt?: string[];
}

const sys = (i: number, ...rest: Path): Path => ["systems", i, ...rest];
const ha = (...rest: Path): Path => ["zosmfHa", ...rest];
const storage = (...rest: Path): Path => ["cachingService", "storage", ...rest];
const share = (...rest: Path): Path => ["portSharing", 0, ...rest];
const dist = (...rest: Path): Path => ["distributedServices", 0, ...rest];
const hotStandby = (targets: object[]) => set(["distributedServices", 0], { ...DIST_SERVICE, distMethod: "HOTSTANDBY", targets });

const cases: Case[] = [
  // top level
  { title: "an unknown version", edit: set(["version"], 2), path: "version", allowed: "1 (the only topology version)" },
  { title: "a 9-character sysplex name", edit: set(["sysplex"], "PLEXNAME1"), path: "sysplex", allowed: "1–8 characters" },
  {
    title: "a misspelt top-level field",
    edit: set(["sysplexName"], "PLEX1"),
    path: "sysplexName",
    allowed: "the fields $schema, version, sysplex, systems",
  },
  {
    title: "no HA section",
    edit: remove(["zosmfHa"], ["cachingService"], ["portSharing"], ["distributedServices"]),
    path: "",
    allowed: "at least one of zosmfHa, cachingService, portSharing, distributedServices",
  },
  { title: "no systems", edit: set(["systems"], []), path: "systems", allowed: "a list of at least 1 systems" },

  // systems[]
  {
    title: "a system name starting with a digit",
    edit: set(sys(0, "name"), "1SYS"),
    path: "systems[0].name",
    allowed: "not starting with a digit",
  },
  { title: "a system name with an underscore", edit: set(sys(0, "name"), "SYS_A"), path: "systems[0].name", allowed: "A–Z, 0–9, @, #, $" },
  {
    title: "a system name used twice",
    edit: set(sys(1, "name"), "sysa"),
    path: "systems[1].name",
    allowed: "appears once in systems[]",
    // SYSB is gone, so everything that names it points nowhere.
    alsoAt: [
      "zosmfHa.backups[0].system",
      "zosmfHa.distributorBackup",
      "cachingService.instances[1]",
      "distributedServices[0].distributorBackup",
      "distributedServices[0].targets[1].system",
    ],
  },
  {
    title: "a host name with a blank",
    edit: set(sys(0, "hostname"), "sys a.example.com"),
    path: "systems[0].hostname",
    allowed: "IP host name",
  },
  {
    title: "two systems with one host name",
    edit: set(sys(1, "hostname"), "SYSA.example.com"),
    path: "systems[1].hostname",
    allowed: "no other system has",
  },
  {
    title: "a connection naming a profile and a host",
    edit: set(sys(0, "connection"), { profile: "lpar1", host: "sysa.example.com" }),
    path: "systems[0].connection.host",
    allowed: "{ profile } or { host, port?, basePath?, rejectUnauthorized? }",
  },
  {
    title: "a connection port without a host",
    edit: set(sys(0, "connection"), { port: 10443 }),
    path: "systems[0].connection.port",
    allowed: "{ host, port?",
  },
  {
    title: "an unknown connection field",
    edit: set(sys(0, "connection"), { user: "ibmuser" }),
    path: "systems[0].connection.user",
    allowed: "the fields profile, host, port, basePath, rejectUnauthorized",
  },
  {
    title: "a TCP/IP procedure name with an underscore",
    edit: set(sys(0, "tcpip", "proc"), "TCP_IP"),
    path: "systems[0].tcpip.proc",
    allowed: "a job or procedure name",
  },
  {
    title: "a dynamic XCF address out of range",
    edit: set(sys(0, "tcpip", "dynamicXcf", "address"), "198.51.100.256"),
    path: "systems[0].tcpip.dynamicXcf.address",
    allowed: "a unicast IPv4 address",
  },
  {
    title: "a non-contiguous mask",
    edit: set(sys(0, "tcpip", "dynamicXcf", "mask"), "255.0.255.0"),
    path: "systems[0].tcpip.dynamicXcf.mask",
    allowed: "a contiguous IPv4 subnet mask",
  },
  {
    title: "a cost of 0",
    edit: set(sys(0, "tcpip", "dynamicXcf", "cost"), 0),
    path: "systems[0].tcpip.dynamicXcf.cost",
    allowed: "from 1 to 254",
  },
  {
    title: "two systems with one dynamic XCF address",
    edit: set(sys(1, "tcpip", "dynamicXcf", "address"), "198.51.100.1"),
    path: "systems[1].tcpip.dynamicXcf.address",
    allowed: "a dynamic XCF address that no other system has",
  },
  {
    title: "a 3-character IZUPRMxx suffix",
    edit: set(sys(0, "zosmf", "izuprmSuffix"), "0AB"),
    path: "systems[0].zosmf.izuprmSuffix",
    allowed: "a 2-character IZUPRMxx suffix",
  },
  {
    title: "two systems with one IZUPRMxx member",
    edit: set(sys(1, "zosmf", "izuprmSuffix"), "0a"),
    path: "systems[1].zosmf.izuprmSuffix",
    allowed: "its own IZUPRMxx member",
  },
  {
    title: "two systems in one autostart group",
    edit: set(sys(1, "zosmf", "autostartGroup"), "IZUDFLA"),
    path: "systems[1].zosmf.autostartGroup",
    allowed: "its own group",
  },
  {
    title: "two systems with one server procedure",
    edit: set(sys(1, "zosmf", "serverProc"), "IZUSVRA"),
    path: "systems[1].zosmf.serverProc",
    allowed: "each z/OSMF server has its own",
  },
  {
    title: "a server procedure named like the angel",
    edit: set(sys(0, "zosmf", "serverProc"), "IZUANG1"),
    path: "systems[0].zosmf.serverProc",
    allowed: "a procedure name other than IZUANG1",
  },
  {
    title: "a server procedure of 9 characters",
    edit: set(sys(0, "zosmf", "serverProc"), "IZUSVRAAA"),
    path: "systems[0].zosmf.serverProc",
    allowed: "1–8 characters",
  },
  {
    title: "two systems with one USER_DIR",
    edit: set(sys(1, "zosmf", "userDir"), "/global/zosmf/zosmfa"),
    path: "systems[1].zosmf.userDir",
    allowed: "its own USER_DIR",
  },
  {
    title: "a relative USER_DIR",
    edit: set(sys(0, "zosmf", "userDir"), "global/zosmf"),
    path: "systems[0].zosmf.userDir",
    allowed: "an absolute, normalised z/OS UNIX path",
  },
  {
    title: "two systems with one z/OSMF file system",
    edit: set(sys(1, "zosmf", "zfs"), "IZU.SIZUUSRD.ZOSMFA"),
    path: "systems[1].zosmf.zfs",
    allowed: "its own file system",
  },
  {
    title: "a data set qualifier of 9 characters",
    edit: set(sys(0, "zosmf", "zfs"), "IZU.SIZUUSRD1.ZOSMFA"),
    path: "systems[0].zosmf.zfs",
    allowed: "qualifiers of 1–8 characters",
  },
  {
    title: "a zosmfHa system without a zosmf block",
    edit: remove(sys(1, "zosmf")),
    path: "systems[1].zosmf",
    allowed: "a zosmf block with izuprmSuffix, autostartGroup, serverProc, userDir and zfs",
  },
  { title: "a zosmf block without zfs", edit: remove(sys(0, "zosmf", "zfs")), path: "systems[0].zosmf.zfs", allowed: "a data set name" },

  // datasets
  { title: "no parmlib", edit: remove(["datasets", "parmlib"]), path: "datasets.parmlib", allowed: "a data set name" },
  {
    title: "a 7-character volume",
    edit: set(["datasets", "volume"], "ZOSVOL1"),
    path: "datasets.volume",
    allowed: "a volume serial: 1–6 characters",
  },
  {
    title: "backups into the parmlib",
    edit: set(["datasets", "backup"], "sys1.parmlib"),
    path: "datasets.backup",
    allowed: "other than parmlib",
  },
  {
    title: "a data set name over 44 characters",
    edit: set(["datasets", "jclLib"], "SITE.HA.CUSTOM.JCL.LIBRARY.FOR.ZOSMF.SYSPLEX1"),
    path: "datasets.jclLib",
    allowed: "at most 44 characters",
  },

  // zosmfHa
  { title: "a DVIPA with three parts", edit: set(ha("dvipa"), "192.0.2"), path: "zosmfHa.dvipa", allowed: "a unicast IPv4 address" },
  {
    title: "a DVIPA that is a dynamic XCF address",
    edit: set(ha("dvipa"), "198.51.100.2"),
    path: "zosmfHa.dvipa",
    allowed: "not a dynamic XCF address",
  },
  { title: "a port above 65535", edit: set(ha("port"), 70000), path: "zosmfHa.port", allowed: "a port number from 1 to 65535" },
  { title: "a fractional port", edit: set(ha("port"), 443.5), path: "zosmfHa.port", allowed: "a port number from 1 to 65535" },
  {
    title: "a HOSTNAME address other than the DVIPA",
    edit: set(ha("hostname"), "192.0.2.11"),
    path: "zosmfHa.hostname",
    allowed: "the DVIPA (192.0.2.10) or a DNS name",
  },
  { title: "an unknown preferred system", edit: set(ha("preferred"), "SYSC"), path: "zosmfHa.preferred", allowed: "one of SYSA, SYSB" },
  { title: "no backups", edit: set(ha("backups"), []), path: "zosmfHa.backups", allowed: "a list of 1 to 31 backups" },
  {
    title: "32 backups",
    edit: set(
      ha("backups"),
      Array.from({ length: 32 }, () => ({ system: "SYSB" })),
    ),
    path: "zosmfHa.backups",
    allowed: "a list of 1 to 31 backups",
  },
  {
    title: "the preferred system as a backup",
    edit: set(ha("backups"), [{ system: "SYSA" }]),
    path: "zosmfHa.backups[0].system",
    allowed: "a system other than the preferred one (SYSA)",
  },
  {
    title: "a backup listed twice",
    edit: set(ha("backups"), [{ system: "SYSB" }, { system: "SYSB", rank: 2 }]),
    path: "zosmfHa.backups[1].system",
    allowed: "each backup system once",
  },
  { title: "a backup rank of 255", edit: set(ha("backups", 0, "rank"), 255), path: "zosmfHa.backups[0].rank", allowed: "from 1 to 254" },
  { title: "an unknown distributor", edit: set(ha("distributor"), "SYSX"), path: "zosmfHa.distributor", allowed: "one of SYSA, SYSB" },
  {
    title: "the distributor as its own backup",
    edit: set(ha("distributorBackup"), "SYSA"),
    path: "zosmfHa.distributorBackup",
    allowed: "a system other than the distributor (SYSA)",
  },
  { title: "AUTOSTART(CONNECT)", edit: set(ha("autostart"), "CONNECT"), path: "zosmfHa.autostart", allowed: "LOCAL" },
  { title: "autoSwitchBack as text", edit: set(ha("autoSwitchBack"), "on"), path: "zosmfHa.autoSwitchBack", allowed: "true or false" },
  {
    title: "a misspelt autoSwitchBack",
    edit: all(remove(ha("autoSwitchBack")), set(ha("autoSwitchback"), false)),
    path: "zosmfHa.autoSwitchback",
    allowed: "the fields dvipa, dvipaMask, port, hostname, preferred, backups, autoSwitchBack",
  },
  {
    title: "a key ring with a blank",
    edit: set(ha("keyring"), "IZU Keyring"),
    path: "zosmfHa.keyring",
    allowed: "1–237 characters A–Z, a–z, 0–9, @, #, $",
  },
  {
    title: "a 9-character SAF prefix",
    edit: set(ha("safPrefix"), "IZUDFLTXX"),
    path: "zosmfHa.safPrefix",
    allowed: "a SAF profile prefix: 1–8 characters",
  },
  {
    title: "a security member without a member",
    edit: set(ha("security"), { member: "SITE.JCL" }),
    path: "zosmfHa.security.member",
    allowed: "DSN(MEMBER)",
  },

  // cachingService
  {
    title: "a relative zowe.yaml",
    edit: set(["cachingService", "zoweYaml"], "zowe.yaml"),
    path: "cachingService.zoweYaml",
    allowed: "an absolute, normalised z/OS UNIX path",
  },
  {
    title: "an unknown instance",
    edit: set(["cachingService", "instances"], ["SYSA", "SYSC"]),
    path: "cachingService.instances[1]",
    allowed: "one of SYSA, SYSB",
  },
  {
    title: "an instance listed twice",
    edit: set(["cachingService", "instances"], ["SYSA", "sysa"]),
    path: "cachingService.instances[1]",
    allowed: "each system once",
  },
  {
    title: "an unknown storage mode",
    edit: set(storage("mode"), "memory"),
    path: "cachingService.storage.mode",
    allowed: "one of infinispan, vsam, redis, inMemory",
  },
  {
    title: "inMemory storage for two instances",
    edit: all(set(storage("mode"), "inMemory"), remove(storage("infinispan"))),
    path: "cachingService.storage.mode",
    allowed: "infinispan, vsam or redis when there is more than one instance",
  },
  {
    title: "infinispan mode without its block",
    edit: remove(storage("infinispan")),
    path: "cachingService.storage.infinispan",
    allowed: "an infinispan block",
  },
  {
    title: "a vsam block while the mode is infinispan",
    edit: set(storage("vsam"), { name: "ZWE.CACHE", rls: { storageClass: "SCRLS" } }),
    path: "cachingService.storage.vsam",
    allowed: "only the infinispan block",
  },
  {
    title: "one port for JGroups and key exchange",
    edit: set(storage("infinispan", "keyExchangePort"), 7600),
    path: "cachingService.storage.infinispan.keyExchangePort",
    allowed: "a port other than 7600",
  },
  {
    title: "an eviction strategy zowe does not know",
    edit: set(storage("evictionStrategy"), "lru"),
    path: "cachingService.storage.evictionStrategy",
    allowed: "reject or removeOldest",
  },
  {
    title: "a VSAM data set with neither rls nor nonRls",
    edit: all(set(storage("mode"), "vsam"), remove(storage("infinispan")), set(storage("vsam"), { name: "ZWE.CACHE" })),
    path: "cachingService.storage.vsam",
    allowed: "exactly one of rls { storageClass }",
  },
  {
    title: "a VSAM data set with both rls and nonRls",
    edit: all(
      set(storage("mode"), "vsam"),
      remove(storage("infinispan")),
      set(storage("vsam"), { name: "ZWE.CACHE", rls: { storageClass: "SCRLS" }, nonRls: { volume: "VOL001" } }),
    ),
    path: "cachingService.storage.vsam.nonRls",
    allowed: "exactly one of rls { storageClass }",
  },
  {
    title: "a VSAM name too long for .INDEX",
    edit: all(
      set(storage("mode"), "vsam"),
      remove(storage("infinispan")),
      set(storage("vsam"), { name: "ZWE.CACHING.SERVICE.VSAM.SYSPLEX1.DATA1", rls: { storageClass: "SCRLS" } }),
    ),
    path: "cachingService.storage.vsam.name",
    allowed: "at most 38 characters (so that .INDEX still fits in 44)",
  },
  {
    title: "redis mode without a master node",
    edit: all(
      set(["cachingService", "platform"], "off-platform"),
      set(storage("mode"), "redis"),
      remove(storage("infinispan")),
      set(storage("redis"), { timeout: 60 }),
    ),
    path: "cachingService.storage.redis.masterNodeUri",
    allowed: "a Redis address [user[:password]@]host:port",
  },

  // portSharing
  {
    title: "a server outside the job prefix",
    edit: set(share("servers"), ["ZCHA1", "ZCON2"]),
    path: "portSharing[0].servers[1]",
    allowed: "a job name matching ZCHA*",
  },
  {
    title: "an outbound port equal to the shared port",
    edit: set(share("outboundPort"), 9443),
    path: "portSharing[0].outboundPort",
    allowed: "a port other than 9443",
  },
  {
    title: "a job prefix that is only a wildcard",
    edit: all(set(share("jobPrefix"), "*")),
    path: "portSharing[0].jobPrefix",
    allowed: "starting with a letter, @, # or $",
  },
  {
    title: "an unknown sharing mode",
    edit: set(share("mode"), "SHARE"),
    path: "portSharing[0].mode",
    allowed: "SHAREPORT or SHAREPORTWLM",
  },
  {
    title: "a single server",
    edit: set(share("servers"), ["ZCHA1"]),
    path: "portSharing[0].servers",
    allowed: "at least 2 server job names",
  },
  {
    title: "sharing on an unknown system",
    edit: set(share("system"), "SYSQ"),
    path: "portSharing[0].system",
    allowed: "one of SYSA, SYSB",
  },
  {
    title: "one port shared twice on a system",
    edit: set(["portSharing", 1], {
      ...PORT_SHARE,
      name: "second",
      jobPrefix: "ZCHB*",
      servers: ["ZCHB1", "ZCHB2"],
      outboundPort: undefined,
    }),
    path: "portSharing[1].port",
    allowed: "a port no other section uses on SYSA",
  },

  // distributedServices
  {
    title: "a WEIGHTEDACTIVE target without a weight",
    edit: remove(dist("targets", 1, "weight")),
    path: "distributedServices[0].targets[1].weight",
    allowed: "a weight from 1 to 99",
  },
  {
    title: "a weight with SERVERWLM",
    edit: set(dist("distMethod"), "SERVERWLM"),
    path: "distributedServices[0].targets[0].weight",
    allowed: "no weight",
    alsoAt: ["distributedServices[0].targets[1].weight"],
  },
  {
    title: "HOTSTANDBY with two PREFERRED targets",
    edit: hotStandby([
      { system: "SYSA", server: "IMSCON1", role: "PREFERRED" },
      { system: "SYSB", server: "IMSCON2", role: "PREFERRED" },
    ]),
    path: "distributedServices[0].targets",
    allowed: "exactly one PREFERRED target and 1 to 31 BACKUP targets",
  },
  {
    title: "a HOTSTANDBY target without a role",
    edit: hotStandby([
      { system: "SYSA", server: "IMSCON1" },
      { system: "SYSB", server: "IMSCON2", role: "BACKUP" },
    ]),
    path: "distributedServices[0].targets[0].role",
    allowed: "PREFERRED or BACKUP",
    alsoAt: ["distributedServices[0].targets"],
  },
  {
    title: "a service without ports",
    edit: set(dist("ports"), []),
    path: "distributedServices[0].ports",
    allowed: "a list of at least 1 ports",
  },
  { title: "OPTLOCAL 17", edit: set(dist("optLocal"), 17), path: "distributedServices[0].optLocal", allowed: "from 0 to 16" },
  {
    title: "an unknown distribution method",
    edit: set(dist("distMethod"), "WLM"),
    path: "distributedServices[0].distMethod",
    allowed: "one of BASEWLM, ROUNDROBIN, WEIGHTEDACTIVE, SERVERWLM, HOTSTANDBY",
  },
  {
    title: "a service on the z/OSMF DVIPA",
    edit: set(dist("dvipa"), "192.0.2.10"),
    path: "distributedServices[0].dvipa",
    allowed: "a DVIPA that no other service uses",
  },
  {
    title: "a target on an unknown system",
    edit: set(dist("targets", 1, "system"), "SYSZ"),
    path: "distributedServices[0].targets[1].system",
    allowed: "one of SYSA, SYSB",
  },
  // addresses against their masks
  {
    title: "a DVIPA that is its subnet's address",
    edit: set(ha("dvipa"), "192.0.2.0"),
    path: "zosmfHa.dvipa",
    allowed: "host part under mask 255.255.255.0 is neither all zeros nor all ones",
  },
  {
    title: "a DVIPA that is its subnet's broadcast",
    edit: all(set(ha("dvipa"), "192.0.2.127"), set(ha("dvipaMask"), "255.255.255.128")),
    path: "zosmfHa.dvipa",
    allowed: "neither all zeros nor all ones",
  },
  {
    title: "a dynamic XCF address that is its subnet's broadcast",
    edit: set(sys(1, "tcpip", "dynamicXcf", "address"), "198.51.100.255"),
    path: "systems[1].tcpip.dynamicXcf.address",
    allowed: "neither all zeros nor all ones",
  },
  { title: "a loopback DVIPA", edit: set(ha("dvipa"), "127.0.0.1"), path: "zosmfHa.dvipa", allowed: "a unicast IPv4 address" },
  {
    title: "a multicast service DVIPA",
    edit: set(dist("dvipa"), "239.0.0.1"),
    path: "distributedServices[0].dvipa",
    allowed: "not 0.x.x.x",
  },
  { title: "a port bound to 0.0.0.0", edit: set(share("bind"), "0.0.0.0"), path: "portSharing[0].bind", allowed: "a unicast IPv4 address" },

  // ports across sections and what TCP/IP accepts on them
  {
    title: "the z/OSMF port taken by the Caching Service",
    edit: set(storage("infinispan", "jgroupsPort"), 443),
    path: "cachingService.storage.infinispan.jgroupsPort",
    allowed: "a port no other section uses on SYSA",
  },
  {
    title: "a shared port that z/OSMF listens on",
    edit: set(share("port"), 443),
    path: "portSharing[0].port",
    allowed: "unless both name the same server or the server matches a portSharing jobPrefix",
  },
  {
    title: "an outbound port the Caching Service listens on",
    edit: set(share("outboundPort"), 7601),
    path: "portSharing[0].outboundPort",
    allowed: "a port no other section uses on SYSA",
  },
  {
    title: "a distributed port that another server already has",
    edit: set(dist("ports"), [9443]),
    path: "distributedServices[0].ports[0]",
    allowed: "the server matches a portSharing jobPrefix",
  },
  {
    title: "two services on one port with different servers",
    edit: set(["distributedServices", 1], {
      ...DIST_SERVICE,
      name: "other",
      dvipa: "192.0.2.3",
      targets: [{ system: "SYSB", server: "OTHER1", weight: 1 }],
    }),
    path: "distributedServices[1].ports[0]",
    allowed: "a port no other section uses on SYSB",
  },
  { title: "UDP with SHAREPORTWLM", edit: set(share("protocol"), "UDP"), path: "portSharing[0].protocol", allowed: "TCP" },
  {
    title: "UDP with SHAREPORT",
    edit: all(set(share("protocol"), "UDP"), set(share("mode"), "SHAREPORT")),
    path: "portSharing[0].protocol",
    allowed: "TCP",
  },

  // USER_DIR as a mount point
  {
    title: "a USER_DIR inside another system's",
    edit: set(sys(1, "zosmf", "userDir"), "/global/zosmf/zosmfa/b"),
    path: "systems[1].zosmf.userDir",
    allowed: "not inside another's",
  },
  {
    title: "USER_DIR /etc",
    edit: set(sys(0, "zosmf", "userDir"), "/etc"),
    path: "systems[0].zosmf.userDir",
    allowed: "a directory of its own",
  },
  {
    title: "USER_DIR with ..",
    edit: set(sys(0, "zosmf", "userDir"), "/global/zosmf/../../etc"),
    path: "systems[0].zosmf.userDir",
    allowed: "no . or .. names",
  },
  {
    title: "USER_DIR with .",
    edit: set(sys(1, "zosmf", "userDir"), "/global/zosmf/./zosmfa"),
    path: "systems[1].zosmf.userDir",
    allowed: "no . or .. names",
  },
  {
    title: "USER_DIR with a trailing slash",
    edit: set(sys(1, "zosmf", "userDir"), "/global/zosmf/zosmfb/"),
    path: "systems[1].zosmf.userDir",
    allowed: "no trailing /",
  },
  {
    title: "USER_DIR with shell syntax",
    edit: set(sys(0, "zosmf", "userDir"), "/z;rm${IFS}-rf${IFS}/"),
    path: "systems[0].zosmf.userDir",
    allowed: "A–Z, a–z, 0–9, '.', '_' or '-'",
  },
  {
    title: "a key ring that closes the operand",
    edit: set(ha("keyring"), "IZUKeyring.IZUDFLT)ID(IBMUSER"),
    path: "zosmfHa.keyring",
    allowed: "1–237 characters",
  },
  {
    title: "a target server with a dot",
    edit: set(dist("targets", 1, "server"), "IMS.CON2"),
    path: "distributedServices[0].targets[1].server",
    allowed: "a job or procedure name",
  },
];

describe("a topology that breaks one rule is refused", () => {
  test("the unbroken variant is accepted, so each case below fails for its own reason", () => {
    expect(() => parseTopology(variant())).not.toThrow();
  });

  test("there are at least 40 cases", () => {
    expect(cases.length).toBeGreaterThanOrEqual(40);
  });

  test.each(cases)("$title → $path", ({ edit, path, allowed, alsoAt = [] }) => {
    const problems = problemsOf(variant(edit));
    expect(problems.map((p) => p.path).sort()).toEqual([path, ...alsoAt].sort());
    const problem = problems.find((p) => p.path === path);
    expect(problem?.allowed).toContain(allowed);
    expect(problem?.message).toContain(`allowed: ${problem?.allowed}`);
  });
});
