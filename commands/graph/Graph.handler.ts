import { graphData, graphTopology } from "../../src/graph";
import { verify } from "../../src/run/verify";
import { parseEndpointMap } from "../../src/verify";
import { HaBaseHandler, type HaCommandResult, type HaHandlerContext } from "../HaBaseHandler";

export default class GraphHandler extends HaBaseHandler {
  protected async run(ctx: HaHandlerContext): Promise<HaCommandResult> {
    const args = ctx.params.arguments;
    const topologyFile = String(args.topology);
    const result = await graphTopology({
      topologyFile,
      format: args.format,
      out: args.out,
      force: args.force === true,
      // The connection is asked for only here: without --verify none is needed.
      ...(args.verify === true
        ? {
            verify: async () =>
              verify({
                topologyFile,
                connection: await ctx.connection(),
                resolveConnection: (profile) => ctx.namedConnection(profile),
                trustTopologyHosts: args.trustTopologyHosts === true,
                endpoints: parseEndpointMap((args.connectTo as string[] | undefined) ?? []),
                systemTimeoutMs: Number(args.systemTimeout ?? 60) * 1000,
                sink: ctx.progress,
                log: ctx.log,
                signal: ctx.signal,
              }),
          }
        : {}),
    });
    return { data: graphData(result), text: result.text };
  }
}
