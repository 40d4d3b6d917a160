import { writeFile } from "node:fs/promises";
import { HaError } from "../../src/errors";
import { renderJunit } from "../../src/report/junit";
import { renderVerifyResult } from "../../src/report/verify-text";
import { verifyFailure, type FailOn } from "../../src/run/exit-policy";
import { verify } from "../../src/run/verify";
import { HaBaseHandler, type HaCommandResult, type HaHandlerContext } from "../HaBaseHandler";

export default class VerifyHandler extends HaBaseHandler {
  protected async run(ctx: HaHandlerContext): Promise<HaCommandResult> {
    const args = ctx.params.arguments;
    const failOn: FailOn = args.failOn === "degraded" ? "degraded" : "failed";
    const result = await verify({
      topologyFile: args.topology,
      connection: await ctx.connection(),
      resolveConnection: (profile) => ctx.namedConnection(profile),
      trustTopologyHosts: args.trustTopologyHosts === true,
      systemTimeoutMs: Number(args.systemTimeout ?? 60) * 1000,
      sink: ctx.progress,
      log: ctx.log,
    });
    if (args.junit) {
      try {
        await writeFile(args.junit, renderJunit(result, { failOn }), "utf8");
      } catch (err) {
        throw new HaError(`Cannot write the JUnit report to ${args.junit}: ${(err as Error).message}`, { failureClass: "invalid-input", cause: err });
      }
    }
    return { data: result, text: renderVerifyResult(result), failure: verifyFailure(result, failOn) };
  }
}
