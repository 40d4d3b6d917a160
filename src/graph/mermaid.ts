import {
  BACKUP_EDGE,
  cachingLabel,
  DISTRIBUTOR_EDGE,
  dvipaLabel,
  portGroupLabel,
  stackLabel,
  systemLabel,
  targetEdgeLabel,
  targetLabel,
} from "./labels";
import type { GraphDvipa, GraphSystem, TopologyGraph } from "./model";
import { LEGEND_ORDER, STATE_COLOURS } from "./palette";
import { STATE_MEANING, type ElementState } from "./verdicts";

/*
 * Mermaid flowchart text. Ids are the model's own (sys0, dv1, t0_2), never a user value;
 * every label is quoted and every character outside a small safe set is written as a
 * Mermaid entity code (#34; for "), so a name holding quotes, brackets, pipes, # or
 * markup stays text and cannot end the label or open a new statement.
 */

/** Characters written as they are; everything else becomes #<code>; (Mermaid's entity codes, base 10). */
const SAFE = /[A-Za-z0-9 .,:/=@*?+_-]/;

export function mermaidText(text: string): string {
  let out = "";
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    // Line ends and other control characters have no place in a one-line label.
    if (code < 0x20 || code === 0x7f) out += " ";
    else out += SAFE.test(ch) ? ch : `#${code};`;
  }
  return out;
}

/** A quoted label of several lines; the line break is the renderer's own markup, not data. */
function label(lines: readonly string[]): string {
  return `"${lines.map(mermaidText).join("<br/>")}"`;
}

function classStyle(state: ElementState): string {
  const c = STATE_COLOURS[state];
  return `fill:${c.fill},stroke:${c.stroke},color:${c.text}${c.dashed ? ",stroke-dasharray:4 3" : ""}`;
}

export interface RenderOptions {
  /** Element states from --verify; without it nothing is coloured and no legend is drawn. */
  readonly states?: ReadonlyMap<string, ElementState>;
}

export function renderMermaid(g: TopologyGraph, options: RenderOptions = {}): string {
  const lines = ["flowchart TB", `  subgraph plex[${label([`Sysplex ${g.sysplex}`])}]`];
  for (const d of g.dvipas) lines.push(`    ${d.id}{{${label(dvipaLabel(d))}}}`);
  for (const s of g.systems) lines.push(...systemLines(s, g.dvipas));
  lines.push("  end");
  for (const d of g.dvipas) lines.push(...dvipaEdges(d, g.systems));
  if (options.states) lines.push(...stateLines(options.states));
  return lines.join("\n") + "\n";
}

function systemLines(s: GraphSystem, dvipas: readonly GraphDvipa[]): string[] {
  const lines = [`    subgraph ${s.id}[${label(systemLabel(s))}]`, `      ${s.stack.id}[${label(stackLabel(s.stack))}]`];
  for (const d of dvipas) {
    for (const t of d.targets.filter((x) => x.system === s.name)) lines.push(`      ${t.id}([${label(targetLabel(d, t))}])`);
  }
  for (const p of s.portGroups) lines.push(`      ${p.id}[/${label(portGroupLabel(p))}/]`);
  if (s.caching) lines.push(`      ${s.caching.id}[(${label(cachingLabel(s.caching))})]`);
  lines.push("    end");
  return lines;
}

function dvipaEdges(d: GraphDvipa, systems: readonly GraphSystem[]): string[] {
  const stackOf = (name: string) => systems.find((s) => s.name === name)?.stack.id;
  const lines: string[] = [];
  const owner = stackOf(d.distributor);
  if (owner) lines.push(`  ${d.id} ==>|${label([DISTRIBUTOR_EDGE])}| ${owner}`);
  const backup = d.distributorBackup === undefined ? undefined : stackOf(d.distributorBackup);
  if (backup) lines.push(`  ${d.id} -.->|${label([BACKUP_EDGE])}| ${backup}`);
  for (const t of d.targets) lines.push(`  ${d.id} -->|${label([targetEdgeLabel(d, t)])}| ${t.id}`);
  return lines;
}

/** classDef per state used, each element's class, and a legend saying what the colours mean. */
function stateLines(states: ReadonlyMap<string, ElementState>): string[] {
  const lines: string[] = [];
  for (const state of LEGEND_ORDER) if (state !== "neutral") lines.push(`  classDef ${state} ${classStyle(state)}`);
  for (const [id, state] of states) if (state !== "neutral") lines.push(`  class ${id} ${state}`);
  lines.push(`  subgraph legend[${label(["Legend: latest verify verdict"])}]`);
  for (const state of LEGEND_ORDER) {
    lines.push(`    legend_${state}[${label([STATE_MEANING[state]])}]`);
    if (state !== "neutral") lines.push(`    class legend_${state} ${state}`);
  }
  lines.push("  end");
  return lines;
}
