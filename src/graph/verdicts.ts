import type { Check } from "../verify";
import type { GraphDvipa, GraphSystem, TopologyGraph } from "./model";

/**
 * An element's colour: the worst of the checks that judge it. `unknown`: it has checks but
 * none could tell (not read, or not applicable); `neutral`: no check judges it at all.
 */
export type ElementState = "healthy" | "degraded" | "unhealthy" | "unknown" | "neutral";

export const STATE_MEANING: Readonly<Record<ElementState, string>> = {
  healthy: "healthy: every check of it passed",
  degraded: "degraded: a check of it is degraded (a system not active counts here)",
  unhealthy: "unhealthy: a check of it failed",
  unknown: "unknown: its checks could not tell (not read, or not applicable)",
  neutral: "no colour: no check judges this element",
};

type Pick = (check: Check, g: TopologyGraph) => string[];

const systemOf = (g: TopologyGraph, c: Check): GraphSystem | undefined => g.systems.find((s) => s.name === c.system);
const zosmf = (g: TopologyGraph): GraphDvipa | undefined => g.dvipas.find((d) => d.service === "zosmf");
/** The DVIPA of distributedServices[].name (the gateway is one of them, named "gateway"). */
const service = (g: TopologyGraph, id: string, suffixes: readonly string[]): GraphDvipa | undefined =>
  g.dvipas.find((d) => d.service !== "zosmf" && suffixes.some((s) => id === `services.${d.name}.${s}`));

const ONE = (id: string | undefined): string[] => (id === undefined ? [] : [id]);

/**
 * Which element each verify check judges, in one table. A check id not listed here colours
 * nothing (sysplex-wide prerequisites, zowe.yaml settings): an element is only ever coloured
 * by checks about it.
 */
const CHECK_ELEMENTS: readonly { readonly ids: RegExp; readonly to: Pick }[] = [
  { ids: /^system\.active$/, to: (c, g) => ONE(systemOf(g, c)?.id) },
  { ids: /^(tcpip\.dynamicxcf|tcpip\.dvipa\.role|persistence\.tcpip)$/, to: (c, g) => ONE(systemOf(g, c)?.stack.id) },
  {
    // The z/OSMF server of a system: its IZUPRMxx, file system, IPL-time members and readiness in the VDPT.
    ids: /^(zosmf\.parmlib\.[a-z-]+|zosmf\.user-dir\.mounted|zosmf\.proc\.[a-z-]+|persistence\.(mounts|autostart)|tcpip\.vdpt\.ready)$/,
    to: (c, g) => ONE(zosmf(g)?.targets.find((t) => t.system === c.system)?.id),
  },
  {
    // The hot-standby distribution as a whole, and the end-to-end look through its DVIPA.
    ids: /^(tcpip\.dvipa\.one-active|tcpip\.vipadistribute\.[a-z]+|tcpip\.vdpt\.(one-active|preferred-active)|tcpip\.hotstandby|tcpip\.healthswitch|zosmf\.reachable\.dvipa)$/,
    to: (_c, g) => ONE(zosmf(g)?.id),
  },
  {
    ids: /^caching\./,
    to: (c, g) => g.systems.filter((s) => s.caching && (c.system === undefined || s.name === c.system)).map((s) => s.caching!.id),
  },
  {
    ids: /^ports\./,
    to: (c, g) =>
      systemOf(g, c)
        ?.portGroups.filter((p) => ["reservation", "listeners", "outbound"].some((s) => c.id === `ports.${p.name}.${s}`))
        .map((p) => p.id) ?? [],
  },
  { ids: /^services\./, to: (c, g) => ONE(service(g, c.id, ["vipadcfg", "weights", "dvipa"])?.id) },
  { ids: /^services\./, to: (c, g) => service(g, c.id, ["targets"])?.targets.map((t) => t.id) ?? [] },
  { ids: /^gateway\.reachable\.dvipa$/, to: (_c, g) => ONE(g.dvipas.find((d) => d.service === "gateway")?.id) },
];

/** The element ids a check judges; none for a check about no element of the picture. */
export function elementsOfCheck(check: Check, g: TopologyGraph): string[] {
  return [...new Set(CHECK_ELEMENTS.filter((row) => row.ids.test(check.id)).flatMap((row) => row.to(check, g)))];
}

/**
 * Each element's state from the latest verify result. A failed check makes it unhealthy; a
 * check that could not be run makes it unknown, never healthy; only checks that passed make it healthy.
 */
export function elementStates(g: TopologyGraph, checks: readonly Check[]): Map<string, ElementState> {
  const judged = new Map<string, Check[]>();
  for (const check of checks) {
    for (const id of elementsOfCheck(check, g)) judged.set(id, [...(judged.get(id) ?? []), check]);
  }
  const states = new Map<string, ElementState>();
  for (const [id, list] of judged) states.set(id, stateOf(list));
  return states;
}

function stateOf(checks: readonly Check[]): ElementState {
  if (checks.some((c) => c.verdict === "failed" && c.notRun !== true)) return "unhealthy";
  if (checks.some((c) => c.notRun === true)) return "unknown";
  if (checks.some((c) => c.verdict === "degraded")) return "degraded";
  if (checks.some((c) => c.verdict === "healthy")) return "healthy";
  return "unknown";
}
