import type { VipaDistributeEntry } from "../parsers";
import type { PlexFacts, SystemFacts } from "./facts";
import { isXcfLink } from "./stack";

/*
 * The DVIPAs the stacks distribute, as VIPADCFG shows them: the stack with VIPADEFINE is the
 * distributor, the one with VIPABACKUP its backup, and each DESTXCF a target system, named
 * by the dynamic XCF address its HOME list shows.
 */

export interface Distribution {
  readonly dvipa: string;
  readonly prefixLen: number | null;
  readonly ports: readonly number[];
  readonly distributor: string;
  readonly distributorBackup: { readonly system: string; readonly rank: number | null } | null;
  readonly entries: readonly VipaDistributeEntry[];
  /** Each target with the entry that names it; system null when no discovered stack has that XCF address. */
  readonly targets: readonly { readonly xcf: string; readonly system: string | null; readonly entry: VipaDistributeEntry }[];
  /** The display it was read from. */
  readonly from: string;
}

export function xcfAddressOf(s: SystemFacts): string | null {
  return s.stack?.home.find((h) => isXcfLink(h.link))?.address ?? s.stack?.xcfStatement?.address ?? null;
}

export function maskOf(prefixLen: number | null): string | null {
  if (prefixLen === null || prefixLen < 1 || prefixLen > 32) return null;
  const bits = prefixLen === 32 ? 0xffffffff : ~(0xffffffff >>> prefixLen) >>> 0;
  return [24, 16, 8, 0].map((shift) => (bits >>> shift) & 0xff).join(".");
}

export function distributionsOf(p: PlexFacts): Distribution[] {
  const bySystemXcf = new Map(p.systems.map((s) => [xcfAddressOf(s), s.name] as const));
  const out: Distribution[] = [];
  for (const s of p.systems) {
    const cfg = s.stack?.cfg;
    if (!cfg) continue;
    for (const define of cfg.defines.filter((d) => !d.deactivated)) {
      const entries = cfg.distributes.filter((d) => d.destAddress === define.address && !d.deactivated);
      if (entries.length === 0) continue;
      const backup = p.systems
        .map((o) => ({ o, b: o.stack?.cfg?.backups.find((b) => b.address === define.address) }))
        .find((x) => x.b !== undefined);
      const targets: Distribution["targets"][number][] = [];
      for (const entry of entries) {
        const xcf = entry.destXcf ?? "";
        if (!targets.some((t) => t.xcf === xcf)) targets.push({ xcf, system: bySystemXcf.get(xcf) ?? null, entry });
      }
      out.push({
        dvipa: define.address,
        prefixLen: define.prefixLen,
        ports: [...new Set(entries.map((e) => e.destPort).filter((x): x is number => x !== null))].sort((a, b) => a - b),
        distributor: s.name,
        distributorBackup: backup ? { system: backup.o.name, rank: backup.b!.rank } : null,
        entries,
        targets,
        from: `VIPADEFINE and VIPADISTRIBUTE in D TCPIP,${s.stack!.proc},N,VIPADCFG,DETAIL on ${s.name}`,
      });
    }
  }
  return out;
}
