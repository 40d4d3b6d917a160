import { mkdir, writeFile } from "node:fs/promises";
import { rfjData } from "../../src/report/rfj-data";
import { dirname } from "node:path";
import { HaError } from "../../src/errors";
import { renderJunit, renderJunitError } from "../../src/report/junit";
import { renderVerifyResult } from "../../src/report/verify-text";
import { verifyFailure, type FailOn } from "../../src/run/exit-policy";
import { verify, type VerifyResult } from "../../src/run/verify";
import { parseEndpointMap } from "../../src/verify";
import { verifyNextSteps } from "../../src/run/verify-next";
import { colourFor, outputWidth } from "../colour-choice";
import { HaBaseHandler, type HaCommandResult, type HaHandlerContext } from "../HaBaseHandler";

async function writeJunit(file: string, xml: string): Promise<void> {
  try {
    // A pipeline names a report folder that may not exist yet.
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, xml, "utf8");
  } catch (err) {
    throw new HaError(`Cannot write the JUnit report to ${file}: ${(err as Error).message}`, { failureClass: "invalid-input", cause: err });
  }
}

export default class VerifyHandler extends HaBaseHandler {
  protected async run(ctx: HaHandlerContext): Promise<HaCommandResult> {
    const args = ctx.params.arguments;
    const failOn: FailOn = args.failOn === "degraded" ? "degraded" : "failed";
    let result: VerifyResult;
    try {
      result = await verify({
        topologyFile: args.topology,
        connection: await ctx.connection(),
        resolveConnection: (profile) => ctx.namedConnection(profile),
        trustTopologyHosts: args.trustTopologyHosts === true,
        deep: args.deep === true,
        endpoints: parseEndpointMap((args.connectTo as string[] | undefined) ?? []),
        systemTimeoutMs: Number(args.systemTimeout ?? 60) * 1000,
        sink: ctx.progress,
        log: ctx.log,
        signal: ctx.signal,
      });
    } catch (err) {
      // The dashboard still gets a report: one error saying why verify could not start.
      if (args.junit)
        await writeJunit(
          args.junit,
          renderJunitError(String(args.topology), (err as Error).message ?? String(err), err instanceof HaError ? err.details : []),
        );
      throw err;
    }
    if (args.junit) await writeJunit(args.junit, renderJunit(result, { failOn }));
    const failure = verifyFailure(result, failOn);
    return {
      data: rfjData(result),
      text: renderVerifyResult(result, {
        width: outputWidth(),
        colour: colourFor(ctx.params),
        ...(failure ? { next: await verifyNextSteps(String(args.topology), result) } : {}),
      }),
      failure,
    };
  }
}
