import { zosmfHaSystems } from "../topology/derive";
import type { VerifyResult } from "../verify";
import { serversNotStarted, verifyNext } from "./next-commands";
import { loadTopologyFile } from "./topology-file";

/**
 * What to do after a failed verify. A z/OSMF system with no ready listener in the VDPT
 * (and not down) has its server not started: say how to start it, by provision or by hand.
 */
export async function verifyNextSteps(topologyFile: string, result: VerifyResult): Promise<string[]> {
  const again = verifyNext({ topologyFile });
  const down = new Set((result.down ?? []).map((d) => d.system));
  const notListening = new Set(
    result.checks
      .filter((c) => c.id === "tcpip.vdpt.ready" && (c.verdict === "failed" || c.verdict === "degraded"))
      .map((c) => c.system)
      .filter((s): s is string => s !== undefined && !down.has(s)),
  );
  if (notListening.size === 0) return [again];
  const { topology } = await loadTopologyFile(topologyFile);
  const servers = zosmfHaSystems(topology)
    .filter((m) => notListening.has(m.system.name))
    .map((m) => ({ proc: m.system.zosmf.serverProc, system: m.system.name }));
  return servers.length > 0 ? [serversNotStarted(servers, { topologyFile }), again] : [again];
}
