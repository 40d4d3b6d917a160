import { WORKFLOWS } from "../provision/plan";
import { zosmfHaSystems } from "../topology/derive";
import type { RunResult } from "./apply-run";
import { serversLeftStopped } from "./next-commands";
import { loadTopologyFile } from "./topology-file";

/**
 * After a provision that set z/OSMF up without --start-servers: how to start the servers of
 * the systems it worked on. Whether they run was not looked at, so the line says only what
 * this run did not do.
 */
export async function provisionNextSteps(topologyFile: string, result: RunResult, startServers: boolean): Promise<string[]> {
  if (startServers || result.dryRun || result.status !== "succeeded") return [];
  const prefix = `${WORKFLOWS.zosmfHa}/`;
  const worked = new Set(result.plan.filter((s) => s.id.startsWith(prefix) && s.system !== undefined).map((s) => s.system!));
  if (worked.size === 0) return [];
  const { topology } = await loadTopologyFile(topologyFile);
  const servers = zosmfHaSystems(topology)
    .filter((m) => worked.has(m.system.name))
    .map((m) => ({ proc: m.system.zosmf.serverProc, system: m.system.name }));
  return servers.length > 0 ? [serversLeftStopped(servers)] : [];
}
