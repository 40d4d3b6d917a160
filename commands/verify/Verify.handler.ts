import { writeFile } from "node:fs/promises";
import { HaError } from "../../src/errors";
import { renderJunit } from "../../src/report/junit";
import { renderVerifyResult } from "../../src/report/verify-text";
import { verify, type VerifyResult } from "../../src/run/verify";
import { HaBaseHandler, type HaCommandResult, type HaHandlerContext } from "../HaBaseHandler";

export default class VerifyHandler extends HaBaseHandler {
  protected async run(ctx: HaHandlerContext): Promise<HaCommandResult> {
    const args = ctx.params.arguments;
    const failOn: "failed" | "degraded" = args.failOn === "degraded" ? "degraded" : "failed";
    const result = await verify({
      topologyFile: args.topology,
      connection: await ctx.connection(),
      resolveConnection: (profile) => ctx.namedConnection(profile),
      trustTopologyHosts: args.trustTopologyHosts === true,
      systemTimeoutMs: Number(args.systemTimeout ?? 60) * 1000,
      sink: ctx.progress,
    });
    if (args.junit) {
      try {
        await writeFile(args.junit, renderJunit(result, { failOn }), "utf8");
      } catch (err) {
        throw new HaError(`Cannot write the JUnit report to ${args.junit}: ${(err as Error).message}`, { failureClass: "invalid-input", cause: err });
      }
    }
    return { data: result, text: renderVerifyResult(result), failure: failureOf(result, failOn) };
  }
}

/** Not being able to look outranks what was seen: a pipeline must not read "could not read" as "broken". */
export function failureOf(result: VerifyResult, failOn: "failed" | "degraded"): HaCommandResult["failure"] {
  if (result.unreadable.length > 0) {
    const who = result.unreadable.map((s) => (s === "-" ? "the command's own connection" : s)).join(", ");
    return { failureClass: "tool-failure", message: `Verify of ${result.sysplex} could not read ${who}; see the reasons above` };
  }
  const { failed, degraded } = result.summary;
  if (failed > 0) return { failureClass: "zos-failure", message: `Verify of ${result.sysplex}: ${failed} check(s) failed` };
  if (failOn === "degraded" && degraded > 0) {
    return { failureClass: "zos-failure", message: `Verify of ${result.sysplex}: ${degraded} check(s) degraded (--fail-on degraded)` };
  }
  return undefined;
}
