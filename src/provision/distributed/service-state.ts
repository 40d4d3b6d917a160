import type { VipadcfgReport } from "../../parsers";
import type { ZosmfClient } from "../../zosmf";
import { readStack, type StackState } from "../ops/stack-state";
import type { DisplayRecord, Outstanding } from "./obey-step";
import type { ServicesMemberVariables, ServiceVariables } from "./service-variables";

export type ServiceStack = StackState;

/** VIPADCFG with DETAIL (the only form that shows OPTLOC and the WEIGHTEDACTIVE weights) and HOME. */
export function readServiceStack(o: { readonly client: ZosmfClient; readonly system: string; readonly proc: string; readonly delayMs: number; readonly record?: DisplayRecord }): Promise<ServiceStack> {
  return readStack({ ...o, detail: true });
}

const same = (a: string | null | undefined, b: string) => (a ?? "").toUpperCase() === b.toUpperCase();

function optLocText(v: number | false | null): string {
  return v === null ? "OPTLOC not shown" : v === false ? "NOOPTLOCAL" : `OPTLOCAL ${v}`;
}

/** What VIPADCFG DETAIL must show for one service on this stack; one line per difference. */
function serviceMissing(svc: ServiceVariables, cfg: VipadcfgReport): string[] {
  const missing: string[] = [];
  if (svc.define && !cfg.defines.some((e) => same(e.address, svc.dvipa) && !e.deactivated)) missing.push(`VIPADEFINE ${svc.dvipa} (${svc.name}) is not configured`);
  if (svc.backupRank !== null) {
    const b = cfg.backups.find((e) => same(e.address, svc.dvipa));
    if (!b) missing.push(`VIPABACKUP ${svc.dvipa} (${svc.name}) is not configured`);
    else if (b.rank !== null && b.rank !== svc.backupRank) missing.push(`VIPABACKUP ${svc.dvipa} has rank ${b.rank}, not ${svc.backupRank}`);
  }
  // OPTLOCAL 0 prints as NO, the same as NOOPTLOCAL.
  const optLoc = svc.optLocal !== null && svc.optLocal > 0 ? svc.optLocal : false;
  for (const port of svc.ports) {
    for (const target of svc.targets) {
      const what = `VIPADISTRIBUTE ${svc.dvipa} PORT ${port} DESTIP ${target.xcf} (${target.system})`;
      const e = cfg.distributes.find((d) => same(d.destAddress, svc.dvipa) && d.destPort === port && same(d.destXcf, target.xcf) && !d.deactivated);
      if (!e) {
        missing.push(`${what} is not configured`);
        continue;
      }
      if (e.distMethod !== svc.distMethod) missing.push(`${what} uses ${e.distMethodRaw ?? "another method"}, not ${svc.distMethod}`);
      if (e.optLoc !== null && e.optLoc !== optLoc) missing.push(`${what} has ${optLocText(e.optLoc)}, not ${optLocText(optLoc)}`);
      if (target.weight !== null && e.weight !== null && e.weight !== target.weight) missing.push(`${what} has WEIGHT ${e.weight}, not ${target.weight}`);
      if (target.role !== null && e.srvType !== target.role) missing.push(`${what} is ${e.srvType ?? "neither PREFERRED nor BACKUP"}, not ${target.role}`);
      if (target.rank !== null && e.rank !== null && e.rank !== target.rank) missing.push(`${what} has backup rank ${e.rank}, not ${target.rank}`);
    }
  }
  return missing;
}

/** Everything the member wants that the stack does not show; empty = in force. */
export function servicesOutstanding(vars: ServicesMemberVariables, stack: ServiceStack): Outstanding {
  const lines: string[] = [];
  if (!stack.homeAddresses.includes(vars.xcf.address)) lines.push(`dynamic XCF address ${vars.xcf.address} is not a home address`);
  if (vars.services.length > 0) {
    if (!stack.cfg) lines.push("VIPADCFG shows no dynamic VIPA configuration");
    else for (const svc of vars.services) lines.push(...serviceMissing(svc, stack.cfg));
  }
  return { lines, notes: stack.notes };
}

/** What is still configured for the services' DVIPAs: what a removal must clear. */
export function servicesInForce(services: readonly ServiceVariables[], cfg: VipadcfgReport | null): string[] {
  if (!cfg) return [];
  return services.flatMap((svc) => {
    const found: string[] = [];
    if (cfg.defines.some((d) => same(d.address, svc.dvipa))) found.push(`VIPADEFINE ${svc.dvipa}`);
    if (cfg.backups.some((d) => same(d.address, svc.dvipa))) found.push(`VIPABACKUP ${svc.dvipa}`);
    if (cfg.distributes.some((d) => same(d.destAddress, svc.dvipa))) found.push(`VIPADISTRIBUTE ${svc.dvipa}`);
    return found;
  });
}
