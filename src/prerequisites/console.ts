/**
 * The EMCS console the plug-in issues its commands through: it must reach every system. Each
 * system is asked `D T`, which changes nothing; an IEE136I answer is proof.
 */
import { answersDisplayTime, splitLines } from "../parsers";
import { unreadable, type Answer, type Prerequisite, type PrerequisiteResult, type Unread } from "./ask";

const ID = "sysplex.console";
const COMMAND = "D T";

interface TimeAnswer {
  readonly answered: boolean;
  readonly lines: readonly string[];
}

export const consolePrerequisite: Prerequisite<TimeAnswer> = {
  id: ID,
  command: COMMAND,
  parse: (t) => ({ answered: answersDisplayTime(t), lines: splitLines(t).filter((l) => l.trim()) }),
  isComplete: answersDisplayTime,
  judge: judgeConsole,
};

function judgeConsole(answers: readonly Answer<TimeAnswer>[]): PrerequisiteResult {
  const failed = answers.flatMap((a): Unread[] =>
    "error" in a ? [a] : a.parsed.answered ? [] : [{ system: a.system, lines: a.parsed.lines }],
  );
  if (failed.length > 0) {
    return {
      id: ID,
      state: "failed",
      summary: `The console API did not answer ${COMMAND} on ${failed.map((f) => f.system).join(", ")}; every command the plug-in issues goes that way.`,
      details: unreadable(COMMAND, failed),
    };
  }
  return { id: ID, state: "ok", summary: `The console API answers on ${answers.map((a) => a.system).join(", ")}.`, details: [] };
}
