import { rfjData } from "../../src/report/rfj-data";
import { renderRunMarkdown } from "../../src/report/run-record-markdown";
import { renderRunText } from "../../src/report/run-record-text";
import { showRun } from "../../src/run/runs";
import { HaBaseHandler, type HaCommandResult, type HaHandlerContext } from "../HaBaseHandler";

export default class RunsShowHandler extends HaBaseHandler {
  protected async run(ctx: HaHandlerContext): Promise<HaCommandResult> {
    const args = ctx.params.arguments;
    const shown = await showRun({
      topologyFile: args.topology,
      runId: args.run,
      connection: await ctx.connection(),
      recordDir: args.recordDir,
      log: ctx.log,
      signal: ctx.signal,
    });
    const format = String(args.format ?? "text").toLowerCase();
    const text =
      format === "json"
        ? JSON.stringify(shown.record, null, 2)
        : format === "markdown"
          ? renderRunMarkdown(shown.record, shown.places)
          : renderRunText(shown.record, shown.places);
    return { data: rfjData(shown), text };
  }
}
