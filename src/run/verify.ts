import type { LogSink, ProgressSink } from "../engine/types";
import type { Connection } from "../topology";
import { assertTrustedHosts, connectionFor, connectionKey } from "./connections";
import { anonymousInfo, CHECK_MODULES, deepChecks, endpointUrl, verifyTopology, type EndpointMap } from "../verify";
import type { CheckModule, VerifyClient, VerifyResult } from "../verify";
import { createZosmfClient, type RequestEvent, type ZosmfClient, type ZosmfConnection, type ZosmfInfo } from "../zosmf";
import { loadTopologyFile } from "./topology-file";

export type { VerifyResult } from "../verify";

export interface VerifyOptions {
  readonly topologyFile: string;
  /** The command's own connection; systems with `connection: {}` are read through it. */
  readonly connection: ZosmfConnection;
  /** Ask the displays alike on every system once (`RO *ALL`) and list the mounts once. @default true */
  readonly sysplexWide?: boolean;
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
  readonly createClient?: (connection: ZosmfConnection) => VerifyClient & { close?(): void | Promise<void> };
  /**
   * `host:port` → URL, for a set-up where a host the topology names (the DVIPA) is served at
   * another address, as in the emulator. Only what is listed is redirected.
   */
  readonly endpoints?: EndpointMap;
  /** Reads /zosmf/info at a URL without credentials; tests hand in a fake. @default anonymousInfo */
  readonly readEndpointInfo?: (url: URL) => Promise<ZosmfInfo>;
  /** @default every check family */
  readonly modules?: readonly CheckModule[];
  /** Also submit the one listing job and judge the security set-up, the procedures and HEALTHSWITCH (--deep). @default false */
  readonly deep?: boolean;
  /** Ends every z/OSMF request of the check when aborted (an interrupted command). */
  readonly signal?: AbortSignal;
}

export { connectionFor } from "./connections";

/** Reads the live sysplex back with GET requests and display commands only, and judges each HA check. */
export async function verify(options: VerifyOptions): Promise<VerifyResult> {
  const t0 = Date.now();
  const { topology } = await loadTopologyFile(options.topologyFile);
  assertTrustedHosts(topology, options.topologyFile, options);
  const make =
    options.createClient ??
    ((conn: ZosmfConnection) =>
      createZosmfClient(conn, {
        onRequest: options.onRequest,
        log: options.log,
        ...(options.signal ? { signal: options.signal } : {}),
      }) as ZosmfClient);
  const clients = new Map<string, Promise<VerifyClient & { close?(): void | Promise<void> }>>();
  const clientFor = (entry: Connection): Promise<VerifyClient> => {
    const key = connectionKey(entry);
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
      sysplexWide: options.sysplexWide !== false,
      endpointInfo: (host, port) =>
        (options.readEndpointInfo ?? ((url) => anonymousInfo(url, options.connection, options.signal)))(
          endpointUrl(host, port, options.endpoints),
        ),
      systemTimeoutMs: options.systemTimeoutMs,
      modules: options.deep ? [...(options.modules ?? CHECK_MODULES), deepChecks(options.systemTimeoutMs ?? 60_000)] : options.modules,
      onProgress: (text) => options.sink?.onEvent({ type: "message", level: "info", text }),
    });
    // Checks cut short by the interrupt would read as FAILED verdicts: the interrupt is the answer.
    options.signal?.throwIfAborted();
    return { ...result, durationMs: Date.now() - t0 };
  } finally {
    // Each host's logon is ended before the command returns.
    await Promise.all(
      [...clients.values()].map((c) =>
        c.then(
          (client) => client.close?.(),
          () => undefined,
        ),
      ),
    );
  }
}
