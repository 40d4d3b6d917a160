import { rfjData } from "../../src/report/rfj-data";
import { unlock } from "../../src/run/unlock";
import { HaBaseHandler, type HaCommandResult, type HaHandlerContext } from "../HaBaseHandler";

export default class UnlockHandler extends HaBaseHandler {
  protected async run(ctx: HaHandlerContext): Promise<HaCommandResult> {
    const args = ctx.params.arguments;
    const result = await unlock({
      topologyFile: args.topology,
      connection: await ctx.connection(),
      run: args.run,
      force: args.force === true,
      log: ctx.log,
    });
    return { data: rfjData(result), text: result.text };
  }
}
