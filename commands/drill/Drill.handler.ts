import { mkdir, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import { drill, renderDrillJunit, renderDrillText, type DrillMethod } from "../../src/drill";
import { HaError } from "../../src/errors";
import { rfjData } from "../../src/report/result-schemas";
import { parseEndpointMap } from "../../src/verify";
import type { IHandlerParameters } from "@zowe/imperative";
import { HaBaseHandler, type HaCommandResult, type HaHandlerContext } from "../HaBaseHandler";
import { INTERRUPT_GRACE_MS } from "../interrupt";

const restoreTimeoutMs = (args: Record<string, unknown>): number => Number(args.restoreTimeout ?? 600) * 1000;

export default class DrillHandler extends HaBaseHandler {
  /** An interrupted drill restores the server it stopped first: it may take its whole restore timeout for that. */
  protected override interruptGraceMs(params: IHandlerParameters): number {
    return restoreTimeoutMs(params.arguments) + INTERRUPT_GRACE_MS;
  }

  protected async run(ctx: HaHandlerContext): Promise<HaCommandResult> {
    const args = ctx.params.arguments;
    const result = await drill({
      topologyFile: args.topology,
      connection: await ctx.connection(),
      resolveConnection: (profile) => ctx.namedConnection(profile),
      trustTopologyHosts: args.trustTopologyHosts === true,
      target: String(args.target ?? "zosmf"),
      method: String(args.method ?? "quiesce") as DrillMethod,
      dryRun: args.dryRun === true,
      takeoverTimeoutMs: Number(args.takeoverTimeout ?? 60) * 1000,
      restoreTimeoutMs: restoreTimeoutMs(args),
      endpoints: parseEndpointMap((args.connectTo as string[] | undefined) ?? []),
      sink: ctx.progress,
      log: ctx.log,
      signal: ctx.signal,
      onUndone: (lines) => ctx.onForcedExit(lines),
    });
    if (args.junit) {
      try {
        await mkdir(dirname(args.junit), { recursive: true });
        await writeFile(args.junit, renderDrillJunit(result), "utf8");
      } catch (err) {
        throw new HaError(`Cannot write the JUnit report to ${args.junit}: ${(err as Error).message}`, { failureClass: "invalid-input" });
      }
    }
    return { data: rfjData(result), text: renderDrillText(result), ...failureOf(result) };
  }
}

/** Refused, failed or unconfirmed: exit 2 (the sysplex is not as it should be); interrupted with everything restored: exit 4. */
function failureOf(r: Awaited<ReturnType<typeof drill>>): Pick<HaCommandResult, "failure"> {
  if (r.status === "planned" || r.status === "succeeded") return {};
  if (r.status === "interrupted" && r.restored !== "not-confirmed") {
    const restore = r.commands[1];
    const how = r.restored === "confirmed" && restore ? `${restore.command} on ${restore.system} was confirmed` : "nothing was stopped";
    return { failure: { failureClass: "tool-failure", message: `Drill of ${r.target} interrupted; ${how}` } };
  }
  const what =
    r.status === "refused"
      ? "refused; nothing was stopped"
      : r.restored === "not-confirmed"
        ? `${r.status === "interrupted" ? "interrupted" : "failed"} and the restore was not confirmed`
        : "failed";
  return { failure: { failureClass: "zos-failure", message: `Drill of ${r.target} ${what}` } };
}
