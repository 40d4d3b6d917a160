import type { DistributedService, Gateway, PortSharing, Topology } from "./schema";

/* The gateway section as the TCP/IP model already knows it: a distributed service and shared ports. */

/** The name the gateway's derived entries carry, so the plan and verify speak of "gateway". */
export const GATEWAY_NAME = "gateway";

/**
 * The PORT job name that lets exactly these job names share the port: `?` where names of
 * one length differ (ZWE1AG, ZWE2AG → ZWE?AG), else their common start and `*`. Undefined
 * when the names differ in their first character (a PORT job name cannot start with a wildcard).
 */
export function gatewayJobPrefix(jobnames: readonly string[]): string | undefined {
  const first = jobnames[0];
  if (first === undefined) return undefined;
  if (jobnames.every((j) => j === first)) return first;
  let pattern: string;
  if (jobnames.every((j) => j.length === first.length)) {
    pattern = [...first].map((c, i) => (jobnames.every((j) => j[i] === c) ? c : "?")).join("");
  } else {
    let n = 0;
    while (n < first.length && jobnames.every((j) => j[n] === first[n])) n++;
    pattern = `${first.slice(0, n)}*`;
  }
  return /^[?*]/.test(pattern) ? undefined : pattern;
}

/** Each system's gateway job names, in the order of the file. */
export function gatewaysBySystem(gw: Gateway): Map<string, string[]> {
  const by = new Map<string, string[]>();
  for (const g of gw.systems) by.set(g.system, [...(by.get(g.system) ?? []), g.jobname]);
  return by;
}

/** The zowe.yaml the gateway's external address goes into: its own, else the Caching Service's (one file per run). */
export function gatewayZoweYaml(t: Topology): string | undefined {
  return t.gateway?.zoweYaml ?? t.cachingService?.zoweYaml;
}

function gatewayService(gw: Gateway, by: Map<string, string[]>): DistributedService {
  return {
    name: GATEWAY_NAME,
    dvipa: gw.dvipa,
    dvipaMask: gw.dvipaMask,
    ports: [gw.port],
    distributor: gw.distributor,
    ...(gw.distributorBackup !== undefined ? { distributorBackup: gw.distributorBackup } : {}),
    distMethod: gw.distMethod,
    // DESTIP names a stack once; the first gateway job there stands for the system's listeners.
    targets: [...by].map(([system, jobs]) => ({ system, server: jobs[0]! })),
  };
}

function gatewayPorts(gw: Gateway, by: Map<string, string[]>): PortSharing[] {
  return [...by]
    .filter(([, jobs]) => jobs.length > 1)
    .map(([system, jobs]) => ({
      name: GATEWAY_NAME,
      system,
      port: gw.port,
      protocol: "TCP" as const,
      // The rules refuse names without a common first character before this runs.
      jobPrefix: gatewayJobPrefix(jobs)!,
      mode: "SHAREPORT" as const,
      servers: jobs,
    }));
}

/**
 * The topology with the gateway added to distributedServices (VIPADISTRIBUTE of the DVIPA
 * to every gateway system) and to portSharing (SHAREPORT where one system runs several
 * gateways). Runs on a validated topology; the gateway section itself stays for zowe.yaml.
 */
export function expandGateway(t: Topology): Topology {
  const gw = t.gateway;
  if (gw === undefined) return t;
  const by = gatewaysBySystem(gw);
  const ports = gatewayPorts(gw, by);
  return {
    ...t,
    distributedServices: [...(t.distributedServices ?? []), gatewayService(gw, by)],
    ...(ports.length > 0 || t.portSharing ? { portSharing: [...(t.portSharing ?? []), ...ports] } : {}),
  };
}
