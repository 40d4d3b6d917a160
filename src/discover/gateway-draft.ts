import { GATEWAY_DIST_METHODS } from "../topology/schema";
import { sharingOf } from "../tcpip/in-force";
import { maskOf, type Distribution } from "./distributions";
import type { PlexFacts } from "./facts";
import { found, todo, type DraftNode } from "./found";
import { at } from "./yaml-at";
import { globRe, namesFor, serverOn } from "./services-draft";

/*
 * The gateway section, when the zowe.yaml a person named (--zowe-yaml) says where clients
 * reach the gateways (zowe.externalPort, else components.gateway.port) and a DVIPA the stacks
 * distribute serves exactly that port. Without both, the DVIPA stays a distributed service.
 */

/** What zowe.yaml says of the gateways' external address. */
export interface GatewayHint {
  readonly port: number;
  /** zowe.externalDomains[0]. */
  readonly domain?: string;
  readonly from: string;
}

export function gatewayHintOf(doc: unknown, path: string): GatewayHint | undefined {
  const external = at(doc, "zowe", "externalPort");
  const own = at(doc, "components", "gateway", "port");
  const port = typeof external === "number" ? external : own;
  if (typeof port !== "number") return undefined;
  const domains = at(doc, "zowe", "externalDomains");
  const domain = Array.isArray(domains) && typeof domains[0] === "string" ? domains[0] : undefined;
  const key = typeof external === "number" ? "zowe.externalPort" : "components.gateway.port";
  return { port, ...(domain !== undefined ? { domain } : {}), from: `${key} of ${path}` };
}

export interface GatewayDraft {
  readonly section: DraftNode;
  /** The distribution the section stands for (left out of distributedServices). */
  readonly distribution: Distribution;
  /** The systems whose reservation of the port the section stands for (left out of portSharing). */
  readonly systems: ReadonlySet<string>;
}

/** The gateway job names on one system: every job sharing the port, else the one that holds it. */
function gatewayJobs(p: PlexFacts, system: string, port: number): DraftNode[] {
  const s = p.systems.find((x) => x.name === system);
  const shared = s?.stack?.ports?.find((e) => e.port === port && sharingOf(e) !== null && /[*?]/.test(e.user));
  if (shared === undefined) return [serverOn(p, system, port)];
  const running = (s?.tasks ?? []).filter((t) => globRe(shared.user).test(t));
  if (running.length >= 2) return running.map((j) => found(j, `D A,L on ${system}: a job matching ${shared.user}`));
  const what = `the gateways sharing port ${port} on ${system} (PORTLIST reserves it for ${shared.user}; D A,L showed ${running.length})`;
  return namesFor(shared.user, 2).map((j) => todo(j, what));
}

export function gatewayDraft(
  p: PlexFacts,
  ds: readonly Distribution[],
  hint: GatewayHint | undefined,
  zoweYaml: { readonly path: string; readonly caching: boolean },
): GatewayDraft | undefined {
  if (hint === undefined) return undefined;
  const d = ds.find((x) => x.ports.length === 1 && x.ports[0] === hint.port);
  const method = d?.entries[0]?.distMethod;
  const systems = d?.targets.map((t) => t.system);
  if (d === undefined || !(GATEWAY_DIST_METHODS as readonly string[]).includes(method ?? "")) return undefined;
  if (systems === undefined || systems.length < 2 || systems.some((s) => s === null)) return undefined;
  const mask = maskOf(d.prefixLen);
  const named = hint.domain !== undefined && hint.domain !== d.dvipa && !/^\d+(\.\d+){3}$/.test(hint.domain);
  const section = {
    port: found(hint.port, `${hint.from}, distributed by ${d.dvipa}`),
    dvipa: found(d.dvipa, d.from),
    dvipaMask: mask ? found(mask, d.from) : todo("255.255.255.0", `VIPADCFG showed no prefix length for ${d.dvipa}`),
    ...(named ? { hostname: found(hint.domain, `zowe.externalDomains of ${zoweYaml.path}`) } : {}),
    distributor: found(d.distributor, d.from),
    ...(d.distributorBackup ? { distributorBackup: found(d.distributorBackup.system, `VIPABACKUP on ${d.distributorBackup.system}`) } : {}),
    distMethod: found(method, d.from),
    systems: (systems as string[]).flatMap((system) =>
      gatewayJobs(p, system, hint.port).map((jobname) => ({ system: found(system, `a DESTXCF of ${d.dvipa}`), jobname })),
    ),
    ...(zoweYaml.caching ? {} : { zoweYaml: found(zoweYaml.path, "--zowe-yaml") }),
  };
  return { section, distribution: d, systems: new Set(systems as string[]) };
}
