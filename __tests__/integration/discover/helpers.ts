import { start, type Emulator } from "../../../emulator";
import { countChanges } from "../../../src/report/plan-summary";
import { discoverTopology, type DiscoverResult } from "../../../src/discover";
import { parseTopology, type Topology } from "../../../src/topology";
import { createZosmfClient, type ZosmfClient } from "../../../src/zosmf";
import { apply, plan } from "../provision/helpers";

/** The emulator with its DVIPAs served on local ports, so verify can reach z/OSMF through them. */
export async function startWithDvipas(systems = ["SYSA", "SYSB"]): Promise<{ emu: Emulator; client: ZosmfClient }> {
  const emu = await start({ tls: false, port: 0, systems, jobTiming: { inputMs: 5, activeMs: 20 }, dvipaListeners: true });
  const url = new URL(emu.url);
  const client = createZosmfClient({
    hostname: url.hostname,
    port: Number(url.port),
    protocol: "http",
    user: emu.user,
    password: emu.password,
    retry: { attempts: 1 },
  });
  return { emu, client };
}

export async function discover(client: ZosmfClient, opts: { systems?: string[]; zoweYaml?: string } = {}): Promise<DiscoverResult> {
  return discoverTopology({ client, ...opts });
}

/** Provisions the topology (servers started, as a person would) and checks every step ended well. */
export async function provision(client: ZosmfClient, t: Topology): Promise<void> {
  const { outcomes } = await apply(await plan(client, t, { startServers: true }));
  const bad = outcomes.filter((o) => /failed|skipped/.test(o.state)).map((o) => `${o.id}: ${o.error?.message ?? o.state}`);
  if (bad.length > 0) throw new Error(`provision did not finish:\n${bad.join("\n")}`);
}

/** The changes a dry run of the text plans, step by step (steps with none left out). */
export async function plannedChanges(
  client: ZosmfClient,
  yaml: string,
): Promise<{ counts: ReturnType<typeof countChanges>; steps: string[] }> {
  const steps = await plan(client, parseTopology(yaml, { fileName: "discovered.yaml" }));
  const changed = steps.filter((s) => s.changes.length > 0);
  return {
    counts: countChanges(changed.flatMap((s) => s.changes)),
    steps: changed.map((s) => `${s.id}: ${s.changes.map((c) => c.kind).join(",")}`),
  };
}

export interface LogMark {
  readonly counts: Record<string, number>;
  readonly commands: number;
  readonly submits: number;
  readonly writes: number;
}

export function mark(emu: Emulator): LogMark {
  const log = emu.requestLog;
  return { counts: { ...log.counts }, commands: log.consoleCommands.length, submits: log.submits.length, writes: log.writes.length };
}

/**
 * What was sent since the mark that is not a read: requests other than GET and console PUTs,
 * commands other than displays, submits, writes. Signing on to z/OSMF (and off) is the
 * client's session, as for every dry run, not a change to z/OS.
 */
export function notReads(emu: Emulator, since: LogMark): string[] {
  const log = emu.requestLog;
  const methods = Object.entries(log.counts)
    .filter(([k, n]) => n > (since.counts[k] ?? 0))
    .map(([k]) => k)
    .filter((k) => !k.startsWith("GET ") && !/^PUT console/.test(k) && !/^(POST|DELETE) auth$/.test(k));
  const commands = log.consoleCommands
    .slice(since.commands)
    .map((c) => c.cmd)
    .filter((c) => !/^\s*D(ISPLAY)?\s/i.test(c));
  const submits = log.submits.slice(since.submits).map((s) => `submit ${s.jobname}`);
  const writes = log.writes.slice(since.writes).map((w) => `${w.method} ${w.target}`);
  return [...methods, ...commands, ...submits, ...writes];
}
