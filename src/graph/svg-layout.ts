import { cachingLabel, dvipaLabel, portGroupLabel, stackLabel, systemLabel, targetEdgeLabel, targetLabel } from "./labels";
import type { ElementKind, GraphSystem, TopologyGraph } from "./model";

/*
 * A fixed layered layout, the same for the same topology: DVIPAs in a row on top, one column
 * per system below, and inside each column its stack, its targets, its port-sharing groups
 * and its Caching Service, one under the other. No measuring of text: boxes have fixed sizes.
 * An edge runs down from its DVIPA, across the band between the rows at the DVIPA's own height,
 * down the DVIPA's lane at the left of the column and into the box, so no line crosses a box.
 */

export interface Box {
  readonly id: string;
  readonly kind: ElementKind;
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
  readonly lines: readonly string[];
}

export interface Layout {
  readonly width: number;
  readonly height: number;
  /** Where the boxes end, so a legend can go below. */
  readonly bottom: number;
  readonly systems: readonly Box[];
  /** Stacks, targets, port groups and caching instances, drawn over their system's column. */
  readonly inner: readonly Box[];
  readonly dvipas: readonly Box[];
  /** The band between the DVIPA row and the systems, where edges cross. */
  readonly band: { readonly top: number; readonly bottom: number };
}

export const MARGIN = 20;
const COLUMN = 300;
const GAP = 40;
const INNER_PAD = 12;
/** Each DVIPA's edges run down its own lane in the left margin of a column. */
export const LANE = 6;
const INNER_H = 44;
const INNER_GAP = 10;
const HEADER_H = 46;
const DVIPA_W = 230;
const DVIPA_H = 48;
const TOP = 48;
/** Room between the DVIPA row and the systems, where each DVIPA's edges cross at their own height. */
export const EDGE_ROOM = 90;

function innerBoxes(s: GraphSystem, g: TopologyGraph, x: number, top: number): Box[] {
  const lanes = INNER_PAD + g.dvipas.length * LANE;
  const contents: { id: string; kind: ElementKind; lines: string[] }[] = [{ id: s.stack.id, kind: "stack", lines: stackLabel(s.stack) }];
  for (const d of g.dvipas) {
    for (const t of d.targets.filter((x) => x.system === s.name)) {
      contents.push({ id: t.id, kind: "target", lines: [...targetLabel(d, t), targetEdgeLabel(d, t)] });
    }
  }
  for (const p of s.portGroups) contents.push({ id: p.id, kind: "port-group", lines: portGroupLabel(p) });
  if (s.caching) contents.push({ id: s.caching.id, kind: "caching", lines: cachingLabel(s.caching) });
  return contents.map((c, i) => ({
    ...c,
    x: x + lanes,
    y: top + HEADER_H + i * (INNER_H + INNER_GAP),
    w: COLUMN - lanes - INNER_PAD,
    h: INNER_H,
  }));
}

export function layout(g: TopologyGraph): Layout {
  const columns = Math.max(g.systems.length, 1);
  const width = Math.max(columns * COLUMN + (columns - 1) * GAP, g.dvipas.length * (DVIPA_W + GAP) - GAP) + 2 * MARGIN;
  const dvipaSlot = (width - 2 * MARGIN) / Math.max(g.dvipas.length, 1);
  const dvipas = g.dvipas.map((d, i) => ({
    id: d.id,
    kind: "dvipa" as const,
    x: MARGIN + i * dvipaSlot + (dvipaSlot - DVIPA_W) / 2,
    y: TOP,
    w: DVIPA_W,
    h: DVIPA_H,
    lines: dvipaLabel(d),
  }));
  const systemsTop = TOP + DVIPA_H + EDGE_ROOM;
  const systemsLeft = (width - (columns * COLUMN + (columns - 1) * GAP)) / 2;
  const perSystem = g.systems.map((s, i) => innerBoxes(s, g, systemsLeft + i * (COLUMN + GAP), systemsTop));
  const inner = perSystem.flat();
  const rows = Math.max(1, ...perSystem.map((boxes) => boxes.length));
  const columnH = HEADER_H + rows * (INNER_H + INNER_GAP) + INNER_PAD - INNER_GAP;
  const systems = g.systems.map((s, i) => ({
    id: s.id,
    kind: "system" as const,
    x: systemsLeft + i * (COLUMN + GAP),
    y: systemsTop,
    w: COLUMN,
    h: columnH,
    lines: systemLabel(s),
  }));
  const bottom = systemsTop + columnH;
  return { width, height: bottom + MARGIN, bottom, systems, inner, dvipas, band: { top: TOP + DVIPA_H, bottom: systemsTop } };
}
