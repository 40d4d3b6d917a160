import type { TopologyGraph } from "./model";
import { LEGEND_ORDER, STATE_COLOURS } from "./palette";
import { LANE, layout, MARGIN, type Box, type Layout } from "./svg-layout";
import type { RenderOptions } from "./mermaid";
import { STATE_MEANING, type ElementState } from "./verdicts";

/*
 * A standalone SVG drawn in-process (no browser, no DOM): every element is a <g> carrying
 * data-kind, data-id and data-state, so a reader or a test can find it; every text is XML-escaped.
 */

/** Text and attribute content: markup characters escaped, characters XML 1.0 cannot hold replaced. */
export function xmlText(text: string): string {
  return text
    .replace(
      /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g,
      "\ufffd",
    )
    .replace(/[\t\n\r]/g, " ")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}

const FONT = 'font-family="Helvetica, Arial, sans-serif"';

function box(b: Box, state: ElementState): string {
  const c = STATE_COLOURS[state];
  const dash = c.dashed ? ' stroke-dasharray="5 3"' : "";
  const rx = b.kind === "dvipa" ? 20 : b.kind === "system" ? 4 : 8;
  const lineH = 15;
  const firstY = b.kind === "system" ? b.y + 18 : b.y + b.h / 2 - ((b.lines.length - 1) * lineH) / 2 + 4;
  const texts = b.lines.map(
    (line, i) =>
      `<text x="${b.x + b.w / 2}" y="${firstY + i * lineH}" text-anchor="middle" font-size="${i === 0 ? 12 : 11}"` +
      `${i === 0 ? ' font-weight="bold"' : ""} fill="${c.text}">${xmlText(line)}</text>`,
  );
  return [
    `<g data-kind="${b.kind}" data-id="${b.id}" data-state="${state}">`,
    `<rect x="${b.x}" y="${b.y}" width="${b.w}" height="${b.h}" rx="${rx}" fill="${c.fill}" stroke="${c.stroke}" stroke-width="1.5"${dash}/>`,
    ...texts,
    "</g>",
  ].join("");
}

/** Line colours per DVIPA, none of them a state colour (green, amber, red, grey). */
const EDGE_COLOURS = ["#1f4e9c", "#6a3d9a", "#00838f", "#6d4c41", "#ad1457", "#3949ab"];

interface Edge {
  /** Index of the DVIPA: its colour, its height in the band and its lane. */
  readonly dvipa: number;
  readonly from: Box;
  readonly column: Box;
  readonly to: Box;
  readonly style: "distributor" | "backup" | "target";
}

function edge(e: Edge, band: Layout["band"], dvipas: number): string {
  const x1 = e.from.x + e.from.w / 2;
  const y1 = e.from.y + e.from.h;
  const across = band.top + ((band.bottom - band.top) * (e.dvipa + 1)) / (dvipas + 1);
  const lane = e.column.x + LANE * (e.dvipa + 1);
  const y2 = e.to.y + e.to.h / 2 + (e.style === "backup" ? 6 : e.style === "distributor" ? -6 : 0);
  const points = [`${x1},${y1}`, `${x1},${across}`, `${lane},${across}`, `${lane},${y2}`, `${e.to.x},${y2}`].join(" ");
  const look =
    e.style === "distributor"
      ? ' stroke-width="3"'
      : e.style === "backup"
        ? ' stroke-width="1.5" stroke-dasharray="6 4"'
        : ' stroke-width="1.5"';
  const colour = EDGE_COLOURS[e.dvipa % EDGE_COLOURS.length]!;
  return `<polyline data-kind="edge" data-style="${e.style}" points="${points}" fill="none" stroke="${colour}"${look}/>`;
}

function edges(g: TopologyGraph, l: Layout): Edge[] {
  const byId = new Map([...l.systems, ...l.inner, ...l.dvipas].map((b) => [b.id, b]));
  const out: Edge[] = [];
  g.dvipas.forEach((d, dvipa) => {
    const from = byId.get(d.id)!;
    const add = (system: string | undefined, id: string | undefined, style: Edge["style"]) => {
      const s = g.systems.find((x) => x.name === system);
      const column = byId.get(s?.id ?? "");
      const to = byId.get(id ?? s?.stack.id ?? "");
      if (column && to) out.push({ dvipa, from, column, to, style });
    };
    add(d.distributor, undefined, "distributor");
    if (d.distributorBackup !== undefined) add(d.distributorBackup, undefined, "backup");
    for (const t of d.targets) add(t.system, t.id, "target");
  });
  return out;
}

const LINE_MEANING = [
  { dash: "", width: 3, text: "thick line: the distributor, whose stack owns the DVIPA" },
  { dash: ' stroke-dasharray="6 4"', width: 1.5, text: "dashed line: the backup distributor (VIPABACKUP)" },
  { dash: "", width: 1.5, text: "thin line: a distribution target (its role and ports in its box); one colour per DVIPA" },
];

/** What the lines mean, and with --verify what the colours mean. */
function legend(top: number, verified: boolean): { svg: string; height: number } {
  const row = (i: number) => top + 24 + i * 22;
  const lines = LINE_MEANING.map(
    (m, i) =>
      `<line x1="${MARGIN}" y1="${row(i) - 4}" x2="${MARGIN + 28}" y2="${row(i) - 4}" stroke="#444" stroke-width="${m.width}"${m.dash}/>` +
      `<text x="${MARGIN + 38}" y="${row(i)}" font-size="12" fill="#1a1a1a">${xmlText(m.text)}</text>`,
  );
  const states = (verified ? LEGEND_ORDER : []).map((state, j) => {
    const c = STATE_COLOURS[state];
    const y = row(LINE_MEANING.length + j);
    const dash = c.dashed ? ' stroke-dasharray="5 3"' : "";
    return (
      `<rect x="${MARGIN}" y="${y - 12}" width="28" height="16" rx="3" fill="${c.fill}" stroke="${c.stroke}"${dash}/>` +
      `<text x="${MARGIN + 38}" y="${y}" font-size="12" fill="#1a1a1a">${xmlText(STATE_MEANING[state])}</text>`
    );
  });
  const heading = verified
    ? "Legend (colours: the latest verify verdict)"
    : "Legend (not verified: run with --verify to colour by verdict)";
  const title = `<text x="${MARGIN}" y="${top + 4}" font-size="12" font-weight="bold" fill="#1a1a1a">${xmlText(heading)}</text>`;
  return { svg: `<g data-kind="legend">${title}${lines.join("")}${states.join("")}</g>`, height: 24 + (lines.length + states.length) * 22 };
}

export function renderSvg(g: TopologyGraph, options: RenderOptions = {}): string {
  const l = layout(g);
  const state = (id: string): ElementState => options.states?.get(id) ?? "neutral";
  const key = legend(l.bottom + 24, options.states !== undefined);
  const height = l.bottom + 24 + key.height + MARGIN;
  const title = `Sysplex ${g.sysplex}`;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<svg xmlns="http://www.w3.org/2000/svg" width="${l.width}" height="${height}" viewBox="0 0 ${l.width} ${height}" ${FONT}>`,
    `<title>${xmlText(title)}</title>`,
    `<rect width="${l.width}" height="${height}" fill="#fafafa"/>`,
    `<text x="${MARGIN}" y="${MARGIN + 8}" font-size="14" font-weight="bold" fill="#1a1a1a">${xmlText(title)}</text>`,
    // Columns first, then the edges, then the boxes the edges run into.
    ...l.systems.map((b) => box(b, state(b.id))),
    ...edges(g, l).map((e) => edge(e, l.band, g.dvipas.length)),
    ...l.inner.map((b) => box(b, state(b.id))),
    ...l.dvipas.map((b) => box(b, state(b.id))),
    key.svg,
    "</svg>",
    "",
  ].join("\n");
}
