import type { Topology } from "../../topology";
import type { Check, CheckModule, ReadSpec } from "../types";
import { failed, fromFailedRead, healthy, sysplexRead } from "../verdict";

/*
 * The Zowe API ML gateways end to end: an HTTPS GET through the DVIPA and port the clients
 * use, with no credentials. The distribution, the targets' listeners (VDPT Rdy) and the shared
 * port are judged by the distributed-services and port-sharing checks of the entries the
 * gateway section expands to, named "gateway" (topology/gateway.ts).
 */

const KEY = "gateway.dvipa";

function endpointOf(t: Topology): { host: string; port: number } {
  const gw = t.gateway!;
  return { host: gw.hostname ?? gw.dvipa, port: gw.port };
}

function dvipaCheck(t: Topology, read: ReturnType<typeof sysplexRead>): Check[] {
  if (read === undefined) return [];
  const { host, port } = endpointOf(t);
  const head = {
    id: "gateway.reachable.dvipa",
    title: `Zowe gateway answers through the DVIPA (https://${host}:${port})`,
    expected: "an HTTPS answer on the gateway port (any status; no credentials are sent)",
  };
  if (read.ok) return [healthy(head, "answered")];
  // Any HTTP answer, even a refusal of the path, means a gateway took the connection through the distributor.
  if (read.kind === "answer") return [healthy(head, `answered (${read.message})`)];
  if (read.kind === "unreadable" && read.unanswered)
    return [
      failed(head, "no answer", `nothing answered at ${host}:${port}: clients cannot reach a gateway through the DVIPA (${read.message})`),
    ];
  return [fromFailedRead(head, read, `the gateway through ${host}:${port}`)];
}

export const gatewayChecks: CheckModule = {
  name: "gateway",
  applies: (t) => t.gateway !== undefined,
  sysplexReads(t): ReadSpec[] {
    const { host, port } = endpointOf(t);
    // GET /zosmf/info without credentials, as the z/OSMF end-to-end check does: only whether it is answered counts.
    return [{ key: KEY, probe: true, run: (ctx) => ctx.endpointInfo(host, port) }];
  },
  judge: (snapshot) => dvipaCheck(snapshot.topology, sysplexRead(snapshot, KEY)),
};
