/**
 * The EMCS console the plug-in issues its commands through: it must reach every system. Each
 * system is asked `D T`, which changes nothing; an IEE136I answer is proof.
 */
import { answersDisplayTime, splitLines } from "../parsers";
import { askEach, unreadable, type PrerequisiteContext, type PrerequisiteResult, type Unread } from "./ask";

const COMMAND = "D T";

export async function checkConsole(ctx: PrerequisiteContext): Promise<PrerequisiteResult> {
  const answers = await askEach(ctx, COMMAND, (t) => ({ answered: answersDisplayTime(t), lines: splitLines(t).filter((l) => l.trim()) }), answersDisplayTime);
  const failed = answers.flatMap((a): Unread[] => ("error" in a ? [a] : a.parsed.answered ? [] : [{ system: a.system, lines: a.parsed.lines }]));
  if (failed.length > 0) {
    return {
      id: "sysplex.console",
      state: "failed",
      summary: `The console API did not answer ${COMMAND} on ${failed.map((f) => f.system).join(", ")}; every command the plug-in issues goes that way.`,
      details: unreadable(COMMAND, failed),
    };
  }
  return { id: "sysplex.console", state: "ok", summary: `The console API answers on ${ctx.systems.join(", ")}.`, details: [] };
}
