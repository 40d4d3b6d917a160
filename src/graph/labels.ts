import type { GraphCaching, GraphDvipa, GraphPortGroup, GraphStack, GraphSystem, GraphTarget } from "./model";

/*
 * The words on each element, as plain lines: both renderers show the same text and escape it
 * their own way. Nothing here is markup.
 */

export function systemLabel(s: GraphSystem): string[] {
  return [s.name, s.hostname];
}

export function stackLabel(s: GraphStack): string[] {
  return [`TCP/IP ${s.proc}`, `dynamic XCF ${s.dynamicXcf}`];
}

export function portGroupLabel(p: GraphPortGroup): string[] {
  return [`port sharing ${p.name}`, `${p.mode} ${p.port}/${p.protocol}: ${p.servers.join(", ")}`];
}

export function cachingLabel(c: GraphCaching): string[] {
  return ["Caching Service", `storage ${c.mode}`];
}

export function dvipaLabel(d: GraphDvipa): string[] {
  return [`${d.name} DVIPA ${d.address}`, `ports ${d.ports.join(", ")} ${d.distMethod}`];
}

export function targetLabel(d: GraphDvipa, t: GraphTarget): string[] {
  return [d.service === "zosmf" ? `z/OSMF ${t.server}` : `${d.name} ${t.server}`];
}

/** The edge from a DVIPA to one target: its role (with rank) or weight, and the ports. */
export function targetEdgeLabel(d: GraphDvipa, t: GraphTarget): string {
  const parts: string[] = [];
  if (t.role !== undefined) parts.push(t.rank !== undefined ? `${t.role} rank ${t.rank}` : t.role);
  if (t.weight !== undefined) parts.push(`weight ${t.weight}`);
  parts.push(`port ${d.ports.join(", ")}`);
  return parts.join(" ");
}

export const DISTRIBUTOR_EDGE = "distributor";
export const BACKUP_EDGE = "backup distributor";
