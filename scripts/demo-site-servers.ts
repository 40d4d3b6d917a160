/**
 * The z/OS Connect, IMS Connect and Zowe gateway servers are the site's own started tasks: the plug-in
 * reserves their ports and distributes their DVIPAs but never starts them. For a demo of
 * those patterns, this plays the site: one listener procedure per server in the JES
 * PROCLIB, started on its system, before `zowe ha verify` looks.
 */
import type { Emulator } from "../emulator";
import { nextEtag } from "../emulator/ids";
import { issueCommand } from "../emulator/operator/index";
import type { PdsDataset } from "../emulator/state";

interface SiteTopology {
  portSharing?: { system: string; port: number; outboundPort?: number; servers: string[] }[];
  distributedServices?: { ports: number[]; targets: { system: string; server: string }[] }[];
  gateway?: { port?: number; systems: { system: string; jobname: string }[] };
}

/** Starts every server the topology names; returns one line per server for the demo's output. */
export function startSiteServers(emulator: Emulator, topology: SiteTopology): string[] {
  const servers = new Map<string, { system: string; ports: Set<number> }>();
  const add = (system: string, server: string, ports: number[]) => {
    const key = server.toUpperCase();
    const entry = servers.get(key) ?? { system: system.toUpperCase(), ports: new Set<number>() };
    for (const p of ports) entry.ports.add(p);
    servers.set(key, entry);
  };
  for (const ps of topology.portSharing ?? [])
    for (const s of ps.servers) add(ps.system, s, [ps.port, ...(ps.outboundPort ? [ps.outboundPort] : [])]);
  for (const svc of topology.distributedServices ?? []) for (const t of svc.targets) add(t.system, t.server, svc.ports);
  // The Zowe gateways are the site's too (started by Zowe's own procedure), listening on the shared port.
  for (const g of topology.gateway?.systems ?? []) add(g.system, g.jobname, [topology.gateway?.port ?? 7554]);

  const proclib = emulator.state.datasets["SYS1.PROCLIB"] as PdsDataset;
  const lines: string[] = [];
  for (const [name, { system, ports }] of servers) {
    const cards = [...ports].map((p) => `//* LISTEN PORT=${p} ADDR=0.0.0.0`);
    const content = [`//${name.padEnd(8)} PROC`, ...cards, "//RUN      EXEC PGM=IEFBR14", ""].join("\n");
    proclib.members[name] = { content, etag: nextEtag(emulator.state), user: "SITE", changed: new Date().toISOString().slice(0, 10) };
    const started = issueCommand(emulator.state, { system, consoleName: "SITEOPER", now: Date.now() }, `S ${name}`).lines;
    lines.push(`  S ${name} on ${system} (ports ${[...ports].join(", ")}): ${started.at(-1)?.trim() ?? "no response"}`);
  }
  return lines;
}
