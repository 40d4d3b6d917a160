import { renderRunResult } from "../../src/report/run-text";
import { provision } from "../../src/run/provision";
import { HaBaseHandler, type HaCommandResult, type HaHandlerContext } from "../HaBaseHandler";

export default class ProvisionHandler extends HaBaseHandler {
  protected async run(ctx: HaHandlerContext): Promise<HaCommandResult> {
    const args = ctx.params.arguments;
    const result = await provision({
      topologyFile: args.topology,
      connection: await ctx.connection(),
      dryRun: args.dryRun,
      resume: args.resume,
      startServers: args.startServers,
      jobTimeoutMs: Number(args.jobTimeout) * 1000,
      workflowsDir: args.workflowsDir,
      concurrency: args.concurrency,
      recordDir: args.recordDir,
      sink: ctx.progress,
    });
    const failed = result.status === "failed";
    return {
      data: result,
      text: renderRunResult(result),
      failure: failed ? { failureClass: worstFailure(result.outcomes), message: `Provision of ${result.sysplex} failed; see the steps above` } : undefined,
    };
  }
}

/** A tool/API failure outranks a z/OS failure: the pipeline must know the tool could not finish its look. */
function worstFailure(outcomes: readonly { error?: { failureClass: string } }[]): "zos-failure" | "tool-failure" | "invalid-input" {
  const classes = outcomes.map((o) => o.error?.failureClass).filter(Boolean);
  if (classes.includes("tool-failure")) return "tool-failure";
  if (classes.includes("invalid-input")) return "invalid-input";
  return "zos-failure";
}
