import { HaError } from "../errors";
import { sameHost, TopologyError, TRUST_HOSTS_FLAG, untrustedHosts, type Connection, type Topology } from "../topology";
import type { ZosmfConnection } from "../zosmf";

/** How a command turns a topology's `connection` entries into z/OSMF connections: the same for provision, rollback and verify. */
export interface ConnectionRules {
  /** The command's own connection; `connection: {}` means this one. */
  readonly connection: ZosmfConnection;
  /** Let `{ host }` connections other than the command's own host receive its credentials (--trust-topology-hosts). @default false */
  readonly trustTopologyHosts?: boolean;
  /** Resolves a zosmf profile named in the topology (`connection: { profile }`). */
  readonly resolveConnection?: (profile: string) => Promise<ZosmfConnection>;
}

/** Refuses, before anything is sent, a topology that would send the command's credentials to a host the user did not name. */
export function assertTrustedHosts(topology: Topology, topologyFile: string, rules: ConnectionRules): void {
  if (rules.trustTopologyHosts) return;
  const problems = untrustedHosts(topology, rules.connection.hostname);
  if (problems.length > 0) throw new TopologyError(topologyFile, problems);
}

/**
 * The connection a topology entry means: the command's own, another zosmf profile, or
 * the command's credentials against another host.
 *
 * A topology file is shared and edited by many; the user's profile and flags are theirs.
 * So the topology alone may not switch certificate checking off for a host that is sent
 * the command's credentials: `rejectUnauthorized: false` there counts only when the
 * command's own connection already has verification off. Otherwise it stays on.
 */
export async function connectionFor(entry: Connection, rules: ConnectionRules): Promise<ZosmfConnection> {
  if (entry.profile !== undefined) {
    if (!rules.resolveConnection)
      throw new Error(`the topology names zosmf profile '${entry.profile}' but no profile resolver is available`);
    return rules.resolveConnection(entry.profile);
  }
  if (entry.host === undefined) return rules.connection;
  // The commands refuse such a topology up front; this keeps any other caller from sending the credentials.
  if (!rules.trustTopologyHosts && !sameHost(entry.host, rules.connection.hostname)) {
    throw new HaError(
      `The topology names host ${entry.host}, which is not the command's own host; ${TRUST_HOSTS_FLAG} lets it receive this command's credentials`,
      { failureClass: "invalid-input" },
    );
  }
  return {
    ...rules.connection,
    hostname: entry.host,
    ...(entry.port !== undefined ? { port: entry.port } : {}),
    ...(entry.basePath !== undefined ? { basePath: entry.basePath } : {}),
    rejectUnauthorized: entry.rejectUnauthorized === true || rules.connection.rejectUnauthorized !== false,
  };
}

/** Entries that mean the same connection share one key, so they share one client (and one logon). */
export function connectionKey(entry: Connection | undefined): string {
  if (!entry) return "[]";
  return JSON.stringify([entry.profile, entry.host, entry.port, entry.basePath, entry.rejectUnauthorized]);
}

/** True when the entry is the command's own connection (`{}` or absent). */
export function isOwnConnection(entry: Connection | undefined): boolean {
  return !entry || (entry.profile === undefined && entry.host === undefined);
}
