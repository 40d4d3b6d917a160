import { initTopology } from "../../src/run/init";
import { HaBaseHandler, type HaCommandResult, type HaHandlerContext } from "../HaBaseHandler";

export default class InitHandler extends HaBaseHandler {
  protected async run(ctx: HaHandlerContext): Promise<HaCommandResult> {
    const args = ctx.params.arguments;
    const result = await initTopology({ out: args.out, example: args.example, force: args.force === true });
    const { text, ...data } = result;
    return { data, text };
  }
}
