import { discoverData, runDiscover } from "../../src/run/discover";
import { HaBaseHandler, type HaCommandResult, type HaHandlerContext } from "../HaBaseHandler";

export default class DiscoverHandler extends HaBaseHandler {
  protected async run(ctx: HaHandlerContext): Promise<HaCommandResult> {
    const args = ctx.params.arguments;
    const run = await runDiscover({
      connection: await ctx.connection(),
      out: args.out,
      force: args.force === true,
      systems: args.systems,
      zoweYaml: args.zoweYaml,
      signal: ctx.signal,
    });
    // Printed, the draft is the output (ready to redirect); what to decide goes to stderr.
    if (run.file === undefined) ctx.params.response.console.error(run.summary);
    return { data: discoverData(run), text: run.text };
  }
}
