export { buildGraph, graphElements, type ElementKind, type TopologyGraph } from "./model";
export { renderMermaid, mermaidText } from "./mermaid";
export { renderSvg, xmlText } from "./svg";
export { elementsOfCheck, elementStates, STATE_MEANING, type ElementState } from "./verdicts";
export { graphData, graphTopology, GRAPH_FORMATS, type GraphFormat, type GraphOptions, type GraphResult } from "./run";
