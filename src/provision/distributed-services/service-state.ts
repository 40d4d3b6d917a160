import type { VipadcfgReport } from "../../parsers";
import { optLocText } from "../../tcpip/addresses";
import { backupOf, defineInForce, definitionsLeft, distributeTo, dynamicXcfMissing } from "../../tcpip/in-force";
import type { Outstanding } from "../ops/obey/step";
import { readStack, type StackRead, type StackState } from "../ops/stack-state";
import type { ServicesMemberVariables, ServiceVariables } from "./service-variables";

export type ServiceStack = StackState;

/** VIPADCFG with DETAIL (the only form that shows OPTLOC and the WEIGHTEDACTIVE weights) and HOME. */
export function readServiceStack(o: StackRead): Promise<ServiceStack> {
  return readStack({ ...o, detail: true });
}

/** What VIPADCFG DETAIL must show for one service on this stack; one line per difference. */
function serviceMissing(svc: ServiceVariables, cfg: VipadcfgReport): string[] {
  const missing: string[] = [];
  if (svc.define && !defineInForce(cfg, svc.dvipa)) missing.push(`VIPADEFINE ${svc.dvipa} (${svc.name}) is not configured`);
  if (svc.backupRank !== null) {
    const b = backupOf(cfg, svc.dvipa);
    if (!b) missing.push(`VIPABACKUP ${svc.dvipa} (${svc.name}) is not configured`);
    else if (b.rank !== null && b.rank !== svc.backupRank)
      missing.push(`VIPABACKUP ${svc.dvipa} has rank ${b.rank}, not ${svc.backupRank}`);
  }
  // OPTLOCAL 0 prints as NO, the same as NOOPTLOCAL.
  const optLoc = svc.optLocal !== null && svc.optLocal > 0 ? svc.optLocal : false;
  for (const port of svc.ports) {
    for (const target of svc.targets) {
      const what = `VIPADISTRIBUTE ${svc.dvipa} PORT ${port} DESTIP ${target.xcf} (${target.system})`;
      const e = distributeTo(cfg, svc.dvipa, port, target.xcf, { active: true });
      if (!e) {
        missing.push(`${what} is not configured`);
        continue;
      }
      if (e.distMethod !== svc.distMethod) missing.push(`${what} uses ${e.distMethodRaw ?? "another method"}, not ${svc.distMethod}`);
      if (e.optLoc !== null && e.optLoc !== optLoc) missing.push(`${what} has ${optLocText(e.optLoc)}, not ${optLocText(optLoc)}`);
      if (target.weight !== null && e.weight !== null && e.weight !== target.weight)
        missing.push(`${what} has WEIGHT ${e.weight}, not ${target.weight}`);
      if (target.role !== null && e.srvType !== target.role)
        missing.push(`${what} is ${e.srvType ?? "neither PREFERRED nor BACKUP"}, not ${target.role}`);
      if (target.rank !== null && e.rank !== null && e.rank !== target.rank)
        missing.push(`${what} has backup rank ${e.rank}, not ${target.rank}`);
    }
  }
  return missing;
}

/** Everything the member wants that the stack does not show; empty = in force. */
export function servicesOutstanding(vars: ServicesMemberVariables, stack: ServiceStack): Outstanding {
  const lines = dynamicXcfMissing(stack.homeAddresses, vars.xcf.address);
  if (vars.services.length > 0) {
    if (!stack.cfg) lines.push("VIPADCFG shows no dynamic VIPA configuration");
    else for (const svc of vars.services) lines.push(...serviceMissing(svc, stack.cfg));
  }
  return { lines, notes: stack.notes };
}

/** What is still configured for the services' DVIPAs: what a removal must clear. */
export function servicesInForce(services: readonly ServiceVariables[], cfg: VipadcfgReport | null): string[] {
  return services.flatMap((svc) => definitionsLeft(cfg, svc.dvipa));
}
