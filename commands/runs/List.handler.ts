import { rfjData } from "../../src/report/rfj-data";
import { renderRunsList } from "../../src/report/runs-text";
import { listRuns } from "../../src/run/runs";
import { HaBaseHandler, type HaCommandResult, type HaHandlerContext } from "../HaBaseHandler";

export default class RunsListHandler extends HaBaseHandler {
  protected async run(ctx: HaHandlerContext): Promise<HaCommandResult> {
    const args = ctx.params.arguments;
    const list = await listRuns({
      topologyFile: args.topology,
      connection: await ctx.connection(),
      recordDir: args.recordDir,
      log: ctx.log,
      signal: ctx.signal,
    });
    return { data: rfjData(list), text: renderRunsList(list) };
  }
}
