import { z } from "zod";
import {
  dataSetName,
  fields,
  flag,
  hostName,
  initialHosts,
  ipv4,
  ipv4Mask,
  jobName,
  jobPrefix,
  keyringName,
  keystore,
  basePath,
  profileName,
  redisAddress,
  redisName,
  serverConfig,
  label,
  listOf,
  memberRef,
  memberSuffix,
  oneOf,
  parmlibSuffix,
  port,
  shortName,
  sysplexName,
  systemName,
  ussPath,
  volser,
  wholeNumber,
} from "./formats";

/*
 * The shape of a topology file. Only what one field can say about itself lives
 * here; anything that compares fields (names that must exist, values that must
 * be unique, settings that depend on a mode) is in rules.ts, so that all of it
 * can be reported in one go even when part of the file has the wrong shape.
 */

/**
 * `{}` = the zosmf profile and flags of the command itself; `{ profile }` = another
 * zosmf profile; `{ host, ... }` = the command's credentials against another host.
 */
export const connectionSchema = fields({
  profile: profileName.optional(),
  host: hostName.optional(),
  port: port.optional(),
  basePath: basePath.optional(),
  rejectUnauthorized: flag.optional(),
}).meta({
  description:
    "How to reach z/OSMF: {} uses the command's own profile; { profile } another zosmf profile; { host, port?, basePath?, rejectUnauthorized? } another host",
});

/** IDCAMS takes a space quantity up to 16,777,215 (INF: DFSMS Access Method Services, DEFINE CLUSTER space). */
const cylinders = wholeNumber(1, 16_777_215, "a number of cylinders");

const zosmfServerSchema = fields({
  izuprmSuffix: parmlibSuffix,
  autostartGroup: shortName("an autostart group name"),
  serverProc: jobName,
  userDir: ussPath,
  zfs: dataSetName(),
  zfsSpace: fields({
    primary: cylinders,
    // A secondary allocation is what lets zFS grow the aggregate (DOC: zFS Administration, zfsadm define).
    secondary: cylinders,
  })
    .optional()
    .meta({ description: "Space of the zFS in cylinders, as IZUMKFS defines it (default: IBM's sample, 200 primary and 20 secondary)" }),
}).meta({ description: "This system's z/OSMF server; required on systems that take part in zosmfHa" });

const systemSchema = fields({
  name: systemName,
  hostname: hostName,
  jes2Member: shortName("the system's JES2 member name, used in /*JOBPARM SYSAFF= (default: the system name)").optional(),
  connection: connectionSchema.default({}),
  tcpip: fields({
    proc: jobName,
    profile: memberRef.optional().meta({
      description:
        "The member the stack reads at start (its PROFILE DD), e.g. SYS1.TCPPARMS(PROFA1); provision adds the HA definitions there so they survive a stack restart or IPL",
    }),
    dynamicXcf: fields({
      address: ipv4,
      mask: ipv4Mask,
      cost: wholeNumber(1, 254, "a cost metric").default(1),
    }),
  }),
  zosmf: zosmfServerSchema.optional(),
  ipl: fields({
    ieasys: memberSuffix("IEASYSxx").optional().meta({
      description: "The IEASYSxx this system IPLs with; provision names the system's IZUPRMxx in its IZU= so z/OSMF starts at IPL",
    }),
    bpxprm: memberSuffix("BPXPRMxx").optional().meta({
      description: "The BPXPRMxx that holds this system's mounts; provision adds a MOUNT for each z/OSMF USER_DIR file system",
    }),
  })
    .optional()
    .meta({ description: "This system's IPL-time PARMLIB members, so what provision sets up comes back after an IPL" }),
});

const datasetsSchema = fields({
  parmlib: dataSetName(),
  proclib: dataSetName(),
  procSource: dataSetName().default("SYS1.PROCLIB"),
  samplib: dataSetName().default("SYS1.SAMPLIB"),
  obey: dataSetName().meta({
    description: "The library provision writes the obey members (HA<sys>, HP<sys>, HD<sys>) to; a data set name",
  }),
  // Every run takes the lock <backup>.LOCK and keeps its record in <backup>.RUNS.
  backup: dataSetName(39, " (so that .LOCK and .RUNS still fit in 44)").default("HA.BACKUP").meta({
    description:
      "The high-level qualifier of the backups of every member a run changes, the sysplex lock <backup>.LOCK and the run records <backup>.RUNS; at most 39 characters, not one of the libraries changed",
  }),
  volume: volser,
  jclLib: dataSetName().optional(),
});

const customJcl = fields({ member: memberRef.optional() }).meta({
  description: "The site's own customised JCL, submitted with JCL symbols instead of the plug-in's template",
});

const zosmfHaSchema = fields({
  dvipa: ipv4,
  dvipaMask: ipv4Mask,
  port: port.default(443),
  hostname: hostName.optional().meta({ description: "The DNS name of the DVIPA, written to HOSTNAME in IZUPRMxx (default: the DVIPA)" }),
  preferred: systemName.meta({ description: "The system whose z/OSMF serves while it is up: one of systems[]" }),
  backups: listOf(
    fields({ system: systemName, rank: wholeNumber(1, 254, "a backup rank (higher takes over first)").default(1) }),
    "backups",
    { min: 1, max: 31 },
  ),
  autoSwitchBack: flag.default(true).meta({
    description: "true: connections go back to the preferred server when it returns; false (NOAUTOSWITCHBACK): they stay on the backup",
  }),
  healthSwitch: flag
    .default(false)
    .meta({ description: "true (HEALTHSWITCH): switch away from a preferred server that is unhealthy, not only down" }),
  distributor: systemName.optional().meta({ description: "The system whose stack owns the DVIPA and distributes (default: preferred)" }),
  distributorBackup: systemName
    .optional()
    .meta({ description: "The system whose stack takes the DVIPA over (VIPABACKUP); not the distributor" }),
  keyring: keyringName.default("IZUKeyring.IZUDFLT"),
  safPrefix: shortName("a SAF profile prefix").default("IZUDFLT"),
  angelProc: jobName.default("IZUANG1"),
  autostart: z.literal("LOCAL", { error: "LOCAL (each HA server is started by its own system)" }).default("LOCAL"),
  connection: connectionSchema.optional(),
  verifyThroughDvipa: flag.default(true).meta({
    description:
      "verify reads GET /zosmf/info at https://<hostname or dvipa>:<port> (no credentials sent) and reports which system served it; false for sites where the pipeline cannot reach the DVIPA",
  }),
  security: customJcl.optional(),
  fileSystem: customJcl.optional(),
}).transform((ha) => ({
  ...ha,
  // HOSTNAME in IZUPRMxx is the DVIPA unless a DNS name for it is given.
  hostname: ha.hostname ?? ha.dvipa,
  // The preferred system's stack owns VIPADEFINE unless told otherwise.
  distributor: ha.distributor ?? ha.preferred,
}));

export const CACHING_MODES = ["infinispan", "vsam", "redis", "inMemory"] as const;
/** Where API ML and its Caching Service run: under z/OS UNIX, or off platform (a Linux or Windows container). */
export const CACHING_PLATFORMS = ["zos", "off-platform"] as const;

const cachingServiceSchema = fields({
  zoweYaml: ussPath,
  platform: oneOf(CACHING_PLATFORMS).default("zos"),
  instances: listOf(systemName, "system names", { min: 1 }),
  storage: fields({
    mode: oneOf(CACHING_MODES),
    evictionStrategy: oneOf(["reject", "removeOldest"]).default("reject"),
    size: wholeNumber(1, 2_147_483_647, "a number of records").default(10000),
    infinispan: fields({
      jgroupsPort: port.default(7600),
      keyExchangePort: port.default(7601),
      initialHosts: initialHosts.optional(),
    }).optional(),
    vsam: fields({
      name: dataSetName(38, " (so that .INDEX still fits in 44)"),
      rls: fields({ storageClass: shortName("an SMS storage class") }).optional(),
      nonRls: fields({ volume: volser }).optional(),
      keyLength: wholeNumber(1, 255, "a key length").default(128),
      recordLength: wholeNumber(1, 32761, "a record length").default(4096),
    }).optional(),
    redis: fields({
      masterNodeUri: redisAddress,
      timeout: wholeNumber(1, 86_400, "a number of seconds").optional(),
      sentinel: fields({
        masterInstance: redisName,
        nodes: listOf(redisAddress, "sentinel nodes", { min: 1 }),
      }).optional(),
      ssl: fields({
        enabled: flag.default(true),
        keystore: keystore.optional(),
        truststore: keystore.optional(),
      }).optional(),
    }).optional(),
  }),
});

export const CONFIG_KINDS = ["zosconnect-server-xml", "ims-connect"] as const;

/** The file a server reads its APIs, services or data stores from; verify compares it between servers that must be alike. */
const configFields = {
  config: serverConfig.optional(),
  configKind: oneOf(CONFIG_KINDS).optional().meta({
    description:
      "zosconnect-server-xml (a z/OS UNIX path) or ims-connect (an HWSCFGxx member, DSN(MEMBER)); when left out, the form of config says which",
  }),
};

const portSharingSchema = fields({
  name: label,
  system: systemName,
  port,
  protocol: oneOf(["TCP", "UDP"]).default("TCP"),
  jobPrefix,
  mode: oneOf(["SHAREPORT", "SHAREPORTWLM"]),
  bind: ipv4.optional(),
  // One server gains nothing from sharing a port.
  servers: listOf(jobName, "server job names", { min: 2 }),
  outboundPort: port.optional(),
  configs: listOf(fields({ server: jobName, ...configFields, config: serverConfig }), "server configuration files", { min: 1 })
    .optional()
    .meta({ description: "Each server's configuration file; servers sharing a port must offer the same APIs and services" }),
});

export const DIST_METHODS = ["BASEWLM", "ROUNDROBIN", "WEIGHTEDACTIVE", "SERVERWLM", "HOTSTANDBY"] as const;

const distributedServiceSchema = fields({
  name: label,
  dvipa: ipv4,
  dvipaMask: ipv4Mask,
  ports: listOf(port, "ports", { min: 1 }),
  distributor: systemName,
  distributorBackup: systemName.optional(),
  distMethod: oneOf(DIST_METHODS),
  optLocal: wholeNumber(0, 16, "an OPTLOCAL value").optional(),
  targets: listOf(
    fields({
      system: systemName,
      server: jobName,
      weight: wholeNumber(1, 99, "a WEIGHTEDACTIVE weight").optional(),
      role: oneOf(["PREFERRED", "BACKUP"]).optional(),
      rank: wholeNumber(1, 254, "a backup rank (higher takes over first)").optional(),
      ...configFields,
    }),
    "targets",
    { min: 1 },
  ),
});

/** The methods that need nothing per target: WEIGHTEDACTIVE and HOTSTANDBY do (weights, roles). */
export const GATEWAY_DIST_METHODS = ["BASEWLM", "ROUNDROBIN", "SERVERWLM"] as const;

/**
 * Zowe API ML gateways sharing one northbound port behind a Sysplex Distributor. Expanded
 * after validation into a distributedServices entry and, where several gateways run on one
 * system, a portSharing entry (gateway.ts), so TCP/IP has one model.
 */
const gatewaySchema = fields({
  port: port.default(7554),
  dvipa: ipv4,
  dvipaMask: ipv4Mask,
  hostname: hostName.optional().meta({ description: "The DNS name of the DVIPA; zowe.externalDomains gets it (default: the DVIPA)" }),
  distributor: systemName,
  distributorBackup: systemName.optional(),
  // VIPADISTRIBUTE's own default (IP Configuration Reference).
  distMethod: oneOf(GATEWAY_DIST_METHODS).default("BASEWLM"),
  systems: listOf(fields({ system: systemName, jobname: jobName }), "gateways", { min: 2 }),
  zoweYaml: ussPath.optional().meta({ description: "The zowe.yaml the external address is written to (default: cachingService.zoweYaml)" }),
});

export const HA_SECTIONS = ["zosmfHa", "cachingService", "portSharing", "distributedServices", "gateway"] as const;

export const topologySchema = fields({
  /** Lets a JSON file name its schema the way YAML files do in a comment. */
  $schema: z.string().optional(),
  version: z.literal(1, { error: "1 (the only topology version)" }),
  sysplex: sysplexName,
  systems: listOf(systemSchema, "systems", { min: 1 }),
  datasets: datasetsSchema,
  zosmfHa: zosmfHaSchema.optional(),
  cachingService: cachingServiceSchema.optional(),
  portSharing: listOf(portSharingSchema, "port-sharing entries", { min: 1 }).optional(),
  distributedServices: listOf(distributedServiceSchema, "distributed services", { min: 1 }).optional(),
  gateway: gatewaySchema.optional(),
});

/** A topology as the engine sees it: names upper-cased, defaults filled in. */
export type Topology = z.output<typeof topologySchema>;
/** What may be written in a topology file. */
export type TopologyInput = z.input<typeof topologySchema>;

export type TopologySystem = Topology["systems"][number];
export type Connection = TopologySystem["connection"];
export type ZosmfServer = NonNullable<TopologySystem["zosmf"]>;
export type ZosmfHa = NonNullable<Topology["zosmfHa"]>;
export type CachingService = NonNullable<Topology["cachingService"]>;
export type PortSharing = NonNullable<Topology["portSharing"]>[number];
export type DistributedService = NonNullable<Topology["distributedServices"]>[number];
export type Gateway = NonNullable<Topology["gateway"]>;
