import { renderRunResult } from "../../src/report/run-text";
import { rfjData } from "../../src/report/rfj-data";
import { failureClassOf } from "../../src/run/exit-policy";
import { rollback, type RollbackResult } from "../../src/run/rollback";
import { wrapSentence } from "../../src/report/wrap";
import { colourFor, outputWidth } from "../colour-choice";
import { HaBaseHandler, type HaCommandResult, type HaHandlerContext } from "../HaBaseHandler";

export default class RollbackHandler extends HaBaseHandler {
  protected async run(ctx: HaHandlerContext): Promise<HaCommandResult> {
    const args = ctx.params.arguments;
    const result = await rollback({
      topologyFile: args.topology,
      connection: await ctx.connection(),
      // Each system's work goes through its topology connection, by the same rules as verify.
      resolveConnection: (profile) => ctx.namedConnection(profile),
      trustTopologyHosts: args.trustTopologyHosts === true,
      run: args.run,
      dryRun: args.dryRun,
      force: args.force,
      recordDir: args.recordDir,
      sink: ctx.progress,
      log: ctx.log,
      signal: ctx.signal,
    });
    const failureClass = failureClassOf(result);
    return {
      data: rfjData(result),
      text: [
        ...wrapSentence(undoneLine(result), outputWidth()),
        renderRunResult(result, {
          colour: colourFor(ctx.params),
          width: outputWidth(),
          verb: `Rollback of ${result.undoneRuns.length > 1 ? `runs ${result.undoneRuns.join(", ")}` : `run ${result.undoneRun}`}`,
        }),
      ].join("\n"),
      failure: failureClass
        ? {
            failureClass,
            message: `Rollback of run ${result.undoneRun} ${result.status === "interrupted" ? "was interrupted" : "did not finish"}; see the steps above`,
          }
        : undefined,
    };
  }
}

/** Which runs the plan undoes, said before the plan: a resume chain is undone whole, and newer runs that changed nothing are named. */
function undoneLine(result: RollbackResult): string {
  const runs =
    result.undoneRuns.length > 1 ? `runs ${result.undoneRuns.join(", ")} (a run and its resumes, as one)` : `run ${result.undoneRun}`;
  const skipped = result.skippedRuns.length > 0 ? `; newer runs that changed nothing are left alone: ${result.skippedRuns.join(", ")}` : "";
  return `Undoing ${runs}${skipped}.`;
}
