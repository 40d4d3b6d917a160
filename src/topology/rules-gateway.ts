import { gatewayJobPrefix, GATEWAY_NAME } from "./gateway";
import type { PathSegment } from "./problems";
import { knownSystem, list, str, unique, up, type RuleContext } from "./rule-context";

/* The gateway section against the rest of the file; see rule-context.ts for why every read is guarded. */

export function checkGateway(ctx: RuleContext): void {
  const gw = ctx.t.gateway;
  if (typeof gw !== "object" || gw === null) return;
  const at = (...path: PathSegment[]): PathSegment[] => ["gateway", ...path];
  const distributor = knownSystem(ctx, at("distributor"), gw.distributor);
  if (gw.distributorBackup !== undefined) {
    const backup = knownSystem(ctx, at("distributorBackup"), gw.distributorBackup);
    if (backup !== undefined && backup === distributor)
      ctx.report(at("distributorBackup"), "is also the distributor", `a system other than the distributor (${distributor})`);
  }
  const gateways = list(gw.systems);
  const jobsOn = new Map<string, { job: string; index: number }[]>();
  gateways.forEach((g, i) => {
    const system = knownSystem(ctx, at("systems", i, "system"), g?.system);
    const job = up(g?.jobname);
    if (system !== undefined && job !== undefined) jobsOn.set(system, [...(jobsOn.get(system) ?? []), { job, index: i }]);
  });
  unique(
    ctx,
    [...jobsOn].flatMap(([system, jobs]) => jobs.map((j) => ({ path: at("systems", j.index, "jobname"), key: `${system} ${j.job}` }))),
    "a job name no other gateway on the same system has",
  );
  for (const [system, jobs] of jobsOn) {
    const names = [...new Set(jobs.map((j) => j.job))];
    if (names.length > 1 && gatewayJobPrefix(names) === undefined)
      ctx.report(
        at("systems", jobs[jobs.length - 1]!.index, "jobname"),
        `does not start with the same character as the other gateway jobs on ${system}, so one PORT statement cannot let them share the port`,
        "job names of the gateways on one system that start alike (ZWE1AG, ZWE2AG)",
      );
  }
  checkZoweYaml(ctx);
  // The derived entries carry this name; an entry of the file with it would be mistaken for them.
  for (const section of ["distributedServices", "portSharing"] as const) {
    list(ctx.t[section]).forEach((e, i) => {
      if (str(e?.name) === GATEWAY_NAME)
        ctx.report([section, i, "name"], "is the name the gateway section's own entry has", `a name other than ${GATEWAY_NAME}`);
    });
  }
}

/** One run edits one zowe.yaml: the gateway's address goes into the Caching Service's file unless it has its own. */
function checkZoweYaml(ctx: RuleContext): void {
  const own = str(ctx.t.gateway?.zoweYaml);
  const caching = ctx.t.cachingService === undefined ? undefined : str(ctx.t.cachingService?.zoweYaml);
  if (own === undefined && ctx.t.cachingService === undefined)
    ctx.report(["gateway", "zoweYaml"], "is required when there is no cachingService", "the path of the Zowe instance's zowe.yaml");
  if (own !== undefined && caching !== undefined && own !== caching)
    ctx.report(
      ["gateway", "zoweYaml"],
      `is another file than cachingService.zoweYaml (${caching})`,
      "the same zowe.yaml as cachingService.zoweYaml, or no zoweYaml (one run edits one zowe.yaml)",
    );
}
