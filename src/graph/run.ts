import { existsSync } from "node:fs";
import * as path from "node:path";
import { HaError } from "../errors";
import { rfjData } from "../report/rfj-data";
import { writeOut } from "../run/init";
import { loadTopologyFile } from "../run/topology-file";
import type { VerifyResult } from "../verify";
import { renderMermaid } from "./mermaid";
import { buildGraph, graphElements, type ElementKind, type TopologyGraph } from "./model";
import { renderSvg } from "./svg";
import { elementStates, type ElementState } from "./verdicts";
import { GRAPH_FORMATS, type GraphFormat } from "./formats";

export { GRAPH_FORMATS, type GraphFormat } from "./formats";

export interface GraphOptions {
  readonly topologyFile: string;
  /** mermaid or svg; when not given, an --out ending in .svg means svg, anything else mermaid. */
  readonly format?: string;
  /** A local file to write instead of returning the text; relative to `cwd`. */
  readonly out?: string;
  /** Replace an existing --out file. */
  readonly force?: boolean;
  readonly cwd?: string;
  /**
   * Reads the live sysplex (the verify run layer) to colour the elements. Called only when
   * given: without it nothing is sent to z/OS and no connection is needed.
   */
  readonly verify?: () => Promise<VerifyResult>;
}

export interface GraphResult {
  readonly format: GraphFormat;
  readonly sysplex: string;
  /** The picture, when it was not written to a file. */
  readonly output?: string;
  /** The file written, absolute. */
  readonly file?: string;
  readonly verified: boolean;
  /** Every element with its state (neutral where no check judges it, or without --verify). */
  readonly elements: readonly { id: string; kind: ElementKind; state: ElementState }[];
  readonly graph: TopologyGraph;
  readonly text: string;
}

/** Draws the topology as Mermaid text or SVG, coloured by the latest verify verdicts when asked. */
export async function graphTopology(options: GraphOptions): Promise<GraphResult> {
  const format = formatOf(options.format, options.out);
  if (options.out !== undefined && options.out.trim() === "")
    throw invalid('--out: the file name is empty; allowed: a local file path such as "plex.svg"');
  // Every topology problem is reported before verify connects to anything.
  const { topology } = await loadTopologyFile(options.topologyFile);
  const file = options.out === undefined ? undefined : path.resolve(options.cwd ?? process.cwd(), options.out);
  // Refused before verify runs: a file in the way is an input error, and nothing is sent to z/OS for it.
  if (file !== undefined && options.force !== true && existsSync(file)) {
    throw invalid(`${file} already exists; nothing was written. Give another --out, or --force to replace it.`);
  }
  const graph = buildGraph(topology);
  const states = options.verify ? elementStates(graph, (await options.verify()).checks) : undefined;
  const rendered = format === "svg" ? renderSvg(graph, { states }) : renderMermaid(graph, { states });
  const elements = graphElements(graph).map((e) => ({ ...e, state: states?.get(e.id) ?? ("neutral" as const) }));
  const base = { format, sysplex: graph.sysplex, verified: states !== undefined, elements, graph };
  if (file === undefined) return { ...base, output: rendered, text: rendered.replace(/\n$/, "") };
  await writeOut(file, rendered, options.force === true);
  return { ...base, file, text: summary(file, format, graph, elements) };
}

/** What `--rfj` returns (schemas/graph-result.schema.json): the picture or its file, and each element's state. */
export function graphData(r: GraphResult) {
  const { text: _text, graph: _graph, ...data } = r;
  return rfjData(data);
}

function formatOf(format: string | undefined, out: string | undefined): GraphFormat {
  if (format === undefined) return out !== undefined && /\.svg$/i.test(out) ? "svg" : "mermaid";
  if ((GRAPH_FORMATS as readonly string[]).includes(format)) return format as GraphFormat;
  throw invalid(`--format: "${format}" is not a picture format; allowed: ${GRAPH_FORMATS.join(", ")}`);
}

function summary(file: string, format: GraphFormat, g: TopologyGraph, elements: GraphResult["elements"]): string {
  const count = (kind: ElementKind, one: string, many: string) => {
    const n = elements.filter((e) => e.kind === kind).length;
    return `${n} ${n === 1 ? one : many}`;
  };
  const what = [count("system", "system", "systems"), count("dvipa", "DVIPA", "DVIPAs"), count("target", "target", "targets")].join(", ");
  const judged = elements.filter((e) => e.state !== "neutral");
  const states = judged.length === 0 ? "" : `; by the latest verify: ${stateCounts(judged.map((e) => e.state))}`;
  return `Wrote ${file}: sysplex ${g.sysplex} as ${format === "svg" ? "SVG" : "Mermaid text"} (${what})${states}.`;
}

function stateCounts(states: readonly ElementState[]): string {
  const order: ElementState[] = ["healthy", "degraded", "unhealthy", "unknown"];
  return order
    .map((s) => [s, states.filter((x) => x === s).length] as const)
    .filter(([, n]) => n > 0)
    .map(([s, n]) => `${n} ${s}`)
    .join(", ");
}

function invalid(message: string): HaError {
  return new HaError(message, { failureClass: "invalid-input" });
}
