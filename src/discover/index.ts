import { pathToFileURL } from "node:url";
import * as path from "node:path";
import { packageRoot } from "../package-info";
import { parseTopology } from "../topology";
import type { ZosmfClient } from "../zosmf";
import { cachingFromZoweYaml, type ZoweYamlFacts } from "./caching-draft";
import { datasetsDraft } from "./datasets-draft";
import { distributionsOf } from "./distributions";
import { readPlex } from "./facts";
import { found, todo, todosOf, type DraftNode, type DraftTodo } from "./found";
import { gatewayDraft } from "./gateway-draft";
import { discoverReader, type DiscoverReader } from "./reader";
import { renderDraft } from "./render";
import { distributedServicesDraft, portSharingDraft } from "./services-draft";
import { systemDraft } from "./systems-draft";
import { zosmfDistribution, zosmfHaDraft } from "./zosmf-ha-draft";

export type { DraftTodo } from "./found";

export interface DiscoverOptions {
  readonly client: ZosmfClient;
  /** Only these systems (upper case); default every system D XCF,S,ALL lists. */
  readonly systems?: readonly string[];
  /** A z/OS UNIX path of the Zowe configuration to read the Caching Service settings from. */
  readonly zoweYaml?: string;
  readonly signal?: AbortSignal;
  /** The installed plug-in's folder (for the schema line); found from the code when not given. */
  readonly packageDir?: string;
}

export interface DiscoverResult {
  /** The draft topology, comments included. */
  readonly yaml: string;
  readonly todos: readonly DraftTodo[];
  readonly systems: readonly { readonly name: string; readonly down?: string }[];
  /** What could not be read, one line each. */
  readonly notes: readonly string[];
  /** The schema's refusals of the draft; empty when it validates (as it should). */
  readonly problems: readonly string[];
  /** True when the draft has a zosmfHa section (its dry run always plans the RACF listing job). */
  readonly zosmfHa: boolean;
}

async function zoweYamlFacts(reader: DiscoverReader, file: string | undefined, systems: readonly string[]): Promise<ZoweYamlFacts | null> {
  if (file === undefined) return null;
  const text = await reader.uss(file);
  if (text === null)
    return { path: file, section: undefined, hosts: new Map(), notes: [`${file} does not exist: cachingService left out`] };
  return cachingFromZoweYaml(file, text, systems);
}

/** Reads the sysplex (GET requests and display commands only) and drafts its topology. */
export async function discoverTopology(options: DiscoverOptions): Promise<DiscoverResult> {
  const reader = discoverReader(options.client, options.signal);
  const plex = await readPlex(reader, options.systems);
  const names = plex.systems.map((s) => s.name);
  const zowe = await zoweYamlFacts(reader, options.zoweYaml, names);
  const hosts = zowe?.hosts ?? new Map<string, string>();
  const ds = distributionsOf(plex);
  const zd = zosmfDistribution(plex, ds);
  const gw = zowe ? gatewayDraft(plex, ds, zowe.gateway, { path: zowe.path, caching: zowe.section !== undefined }) : undefined;
  const services = distributedServicesDraft(
    plex,
    ds.filter((d) => d !== zd && d !== gw?.distribution),
  );
  const sharing = portSharingDraft(plex, (system, port) => gw !== undefined && port === zowe?.gateway?.port && gw.systems.has(system));
  const ha = zosmfHaDraft(plex, ds);
  const draft: Record<string, DraftNode | undefined> = {
    version: found(1, "the topology format"),
    sysplex: plex.sysplex
      ? found(plex.sysplex, "the SYSPLEX line of D XCF,S,ALL (IXC336I)")
      : todo("PLEX1", "the sysplex name (D XCF,SYSPLEX)"),
    systems: plex.systems.map((s, i) => systemDraft(plex, s, i, hosts)),
    datasets: await datasetsDraft(reader, plex),
    zosmfHa: ha,
    cachingService: zowe?.section,
    portSharing: sharing.length > 0 ? sharing : undefined,
    distributedServices: services.length > 0 ? services : undefined,
    gateway: gw?.section,
  };
  const notes = [...plex.systems.flatMap((s) => [...(s.stack?.notes ?? []), ...(s.ipl?.notes ?? [])]), ...(zowe?.notes ?? [])];
  if (zowe === null) notes.push("cachingService left out: give --zowe-yaml <path> to read the Caching Service settings");
  const yaml = renderDraft(draft, heading(options.packageDir, ha !== undefined));
  return {
    yaml,
    todos: todosOf(draft),
    systems: plex.systems.map((s) => ({ name: s.name, ...(s.down !== undefined ? { down: s.down } : {}) })),
    notes,
    problems: validate(yaml),
    zosmfHa: ha !== undefined,
  };
}

function heading(packageDir: string | undefined, zosmfHa: boolean): string[] {
  const schema = pathToFileURL(path.join(packageDir ?? packageRoot(), "schemas", "topology.schema.json")).href;
  return [
    ` yaml-language-server: $schema=${schema}`,
    "",
    "Drafted by zowe ha discover from the live sysplex (GET requests and display commands only).",
    "Each value says where it came from; each TODO says what you must decide or look at, its value only a placeholder.",
    ...(zosmfHa
      ? [
          "With zosmfHa, provision --dry-run always plans the security step's two jobs: a RACF listing, and a job",
          "that at apply holds only the definitions the listing finds missing (none on a sysplex already set up).",
        ]
      : []),
  ];
}

function validate(yaml: string): string[] {
  try {
    parseTopology(yaml, { fileName: "discovered topology" });
    return [];
  } catch (err) {
    const e = err as { message?: string; details?: readonly string[] };
    return [e.message ?? String(err), ...(e.details ?? [])];
  }
}
