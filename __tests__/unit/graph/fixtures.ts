import * as path from "node:path";
import { JSDOM } from "jsdom";
import { buildGraph, type TopologyGraph } from "../../../src/graph";
import { parseTopology } from "../../../src/topology";
import { exampleText, type ExampleName } from "../../example-topology";

export function exampleFile(name: ExampleName): string {
  return path.join(__dirname, "../../../examples", name);
}

export function exampleGraph(name: ExampleName): TopologyGraph {
  return buildGraph(parseTopology(exampleText(name), { fileName: name }));
}

/** Names that would end a quoted label, open a node or a statement, or break XML, if spliced in as they are. */
export const HOSTILE = 'A"] --> X[pwn]; click A "js" | <b>&amp;</b> #quot; end\n%% `x` \'y\' {z}';

/** The two-system picture with every name a renderer shows replaced by hostile text. */
export function hostileGraph(): TopologyGraph {
  const g = exampleGraph("two-system.yaml");
  return {
    sysplex: HOSTILE,
    systems: g.systems.map((s) => ({
      ...s,
      name: `${HOSTILE}${s.name}`,
      hostname: HOSTILE,
      stack: { ...s.stack, system: `${HOSTILE}${s.name}`, proc: HOSTILE },
      ...(s.caching ? { caching: { ...s.caching, system: `${HOSTILE}${s.name}`, mode: HOSTILE } } : {}),
    })),
    dvipas: g.dvipas.map((d) => ({
      ...d,
      name: HOSTILE,
      address: HOSTILE,
      distributor: `${HOSTILE}${d.distributor}`,
      ...(d.distributorBackup ? { distributorBackup: `${HOSTILE}${d.distributorBackup}` } : {}),
      targets: d.targets.map((t) => ({ ...t, system: `${HOSTILE}${t.system}`, server: HOSTILE })),
    })),
  };
}

type Mermaid = { parse(text: string): Promise<unknown> };
let loaded: Promise<Mermaid> | undefined;

/** Mermaid's own parser; under Node it needs a DOM on globalThis before it is imported. */
export function mermaid(): Promise<Mermaid> {
  loaded ??= (async () => {
    const dom = new JSDOM("");
    Object.assign(globalThis, { window: dom.window, document: dom.window.document });
    return (await import("mermaid")).default as unknown as Mermaid;
  })();
  return loaded;
}
