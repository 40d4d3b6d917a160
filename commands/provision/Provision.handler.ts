import { nextLines, renderRunResult } from "../../src/report/run-text";
import { provisionNextSteps } from "../../src/run/provision-next";
import { rfjData } from "../../src/report/rfj-data";
import { failureClassOf, pendingOutcome } from "../../src/run/exit-policy";
import { listOption } from "../../src/provision/step-filter";
import { provision } from "../../src/run/provision";
import { colourFor, outputWidth } from "../colour-choice";
import { HaBaseHandler, type HaCommandResult, type HaHandlerContext } from "../HaBaseHandler";

export default class ProvisionHandler extends HaBaseHandler {
  protected async run(ctx: HaHandlerContext): Promise<HaCommandResult> {
    const args = ctx.params.arguments;
    const result = await provision({
      topologyFile: args.topology,
      connection: await ctx.connection(),
      // Each system's work goes through its topology connection, by the same rules as verify.
      resolveConnection: (profile) => ctx.namedConnection(profile),
      trustTopologyHosts: args.trustTopologyHosts === true,
      dryRun: args.dryRun,
      resume: args.resume,
      startServers: args.startServers,
      jobTimeoutMs: Number(args.jobTimeout) * 1000,
      workflowsDir: args.workflowsDir,
      concurrency: args.concurrency,
      recordDir: args.recordDir,
      ...scopeArgs(args),
      sink: ctx.progress,
      log: ctx.log,
      signal: ctx.signal,
      out: args.out,
      planFile: args.plan,
    });
    const failureClass = failureClassOf(result);
    const after = nextLines(await provisionNextSteps(String(args.topology), result, args.startServers === true));
    return {
      data: rfjData(result),
      text: [
        renderRunResult(result, {
          ...(result.planFile !== undefined ? { planFile: result.planFile } : {}),
          colour: colourFor(ctx.params),
          width: outputWidth(),
        }),
        ...after,
      ].join("\n"),
      outcome: pendingOutcome(result, args.detailedExitCode === true),
      failure: failureClass
        ? {
            failureClass,
            message:
              result.status === "interrupted"
                ? `Provision of ${result.sysplex} was interrupted; see "Next" above`
                : `Provision of ${result.sysplex} failed; see the steps above`,
          }
        : undefined,
    };
  }
}

/** --limit and --only, each given as `SYSA,SYSB` or `SYSA SYSB`. */
function scopeArgs(args: Record<string, unknown>): { limit?: string[]; only?: string[] } {
  const limit = listOption(args.limit as string | string[] | undefined);
  const only = listOption(args.only as string | string[] | undefined);
  return { ...(limit ? { limit } : {}), ...(only ? { only } : {}) };
}
