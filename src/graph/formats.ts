/** The picture formats of `zowe ha graph`; its own module so the command's help loads none of the renderers. */
export const GRAPH_FORMATS = ["mermaid", "svg"] as const;
export type GraphFormat = (typeof GRAPH_FORMATS)[number];
