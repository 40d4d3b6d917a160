import type { LogSink, ProgressSink } from "../engine/types";
import { TopologyError, TRUST_HOSTS_FLAG, untrustedHosts, type Connection } from "../topology";
import { HaError } from "../errors";
import { anonymousInfo, endpointUrl, verifyTopology, type EndpointMap } from "../verify";
import type { CheckModule, VerifyClient, VerifyResult } from "../verify";
import { createZosmfClient, type RequestEvent, type ZosmfClient, type ZosmfConnection, type ZosmfInfo } from "../zosmf";
import { loadTopologyFile } from "./topology-file";

export type { VerifyResult } from "../verify";

export interface VerifyOptions {
  readonly topologyFile: string;
  /** The command's own connection; systems with `connection: {}` are read through it. */
  readonly connection: ZosmfConnection;
  /** Let `{ host }` connections other than the command's own host receive its credentials (--trust-topology-hosts). @default false */
  readonly trustTopologyHosts?: boolean;
  /** Resolves a zosmf profile named in the topology (`connection: { profile }`). */
  readonly resolveConnection?: (profile: string) => Promise<ZosmfConnection>;
  /** Bound on reading one system. @default 60000 */
  readonly systemTimeoutMs?: number;
  readonly sink?: ProgressSink;
  /** Diagnostic lines: one per z/OSMF request and per poll. */
  readonly log?: LogSink;
  /** Called once per HTTP request. */
  readonly onRequest?: (event: RequestEvent) => void;
  /** Builds the client for a connection; tests hand in a fake. @default createZosmfClient */
  readonly createClient?: (connection: ZosmfConnection) => VerifyClient & { close?(): void };
  /**
   * `host:port` → URL, for a set-up where a host the topology names (the DVIPA) is served at
   * another address, as in the emulator. Only what is listed is redirected.
   */
  readonly endpoints?: EndpointMap;
  /** Reads /zosmf/info at a URL without credentials; tests hand in a fake. @default anonymousInfo */
  readonly readEndpointInfo?: (url: URL) => Promise<ZosmfInfo>;
  /** @default every check family */
  readonly modules?: readonly CheckModule[];
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
export async function connectionFor(entry: Connection, options: Pick<VerifyOptions, "connection" | "resolveConnection" | "trustTopologyHosts">): Promise<ZosmfConnection> {
  if (entry.profile !== undefined) {
    if (!options.resolveConnection) throw new Error(`the topology names zosmf profile '${entry.profile}' but no profile resolver is available`);
    return options.resolveConnection(entry.profile);
  }
  if (entry.host === undefined) return options.connection;
  // verify() refuses such a topology up front; this keeps any other caller from sending the credentials.
  if (!options.trustTopologyHosts && entry.host.toLowerCase().replace(/\.$/, "") !== options.connection.hostname.toLowerCase().replace(/\.$/, "")) {
    throw new HaError(`The topology names host ${entry.host}, which is not the command's own host; ${TRUST_HOSTS_FLAG} lets it receive this command's credentials`, { failureClass: "invalid-input" });
  }
  return {
    ...options.connection,
    hostname: entry.host,
    ...(entry.port !== undefined ? { port: entry.port } : {}),
    ...(entry.basePath !== undefined ? { basePath: entry.basePath } : {}),
    rejectUnauthorized: entry.rejectUnauthorized === true || options.connection.rejectUnauthorized !== false,
  };
}

/** Reads the live sysplex back with GET requests and display commands only, and judges each HA check. */
export async function verify(options: VerifyOptions): Promise<VerifyResult> {
  const t0 = Date.now();
  const { topology } = await loadTopologyFile(options.topologyFile);
  if (!options.trustTopologyHosts) {
    const problems = untrustedHosts(topology, options.connection.hostname);
    if (problems.length > 0) throw new TopologyError(options.topologyFile, problems);
  }
  const make = options.createClient ?? ((conn: ZosmfConnection) => createZosmfClient(conn, { onRequest: options.onRequest, log: options.log }) as ZosmfClient);
  const clients = new Map<string, Promise<VerifyClient & { close?(): void }>>();
  const clientFor = (entry: Connection): Promise<VerifyClient> => {
    const key = JSON.stringify([entry.profile, entry.host, entry.port, entry.basePath, entry.rejectUnauthorized]);
    let client = clients.get(key);
    if (client === undefined) {
      client = connectionFor(entry, options).then(make);
      clients.set(key, client);
    }
    return client;
  };
  try {
    const result = await verifyTopology({
      topology,
      clientFor,
      endpointInfo: (host, port) => (options.readEndpointInfo ?? ((url) => anonymousInfo(url, options.connection)))(endpointUrl(host, port, options.endpoints)),
      systemTimeoutMs: options.systemTimeoutMs,
      modules: options.modules,
      onProgress: (text) => options.sink?.onEvent({ type: "message", level: "info", text }),
    });
    return { ...result, durationMs: Date.now() - t0 };
  } finally {
    for (const c of clients.values()) c.then((client) => client.close?.(), () => undefined);
  }
}
