/**
 * A shared USS file system: each server's USER_DIR lives under one sysplex-wide directory
 * (facts §7.3, /global/zosmf), which every system sees only when it takes part in the shared
 * file system, BPXPRMxx SYSPLEX(YES). Each system is asked `D OMVS,O`.
 */
import { parseOmvsSysplex, type OmvsSysplex } from "../parsers";
import { unreadable, type Answer, type Prerequisite, type PrerequisiteResult, type Unread } from "./ask";

const ID = "sysplex.uss";
const COMMAND = "D OMVS,O";

export const ussPrerequisite: Prerequisite<OmvsSysplex> = {
  id: ID,
  command: COMMAND,
  parse: parseOmvsSysplex,
  isComplete: (t) => parseOmvsSysplex(t).state === "known",
  judge: judgeUss,
};

function judgeUss(answers: readonly Answer<OmvsSysplex>[]): PrerequisiteResult {
  const unknown: Unread[] = [];
  const alone: string[] = [];
  for (const a of answers) {
    if ("error" in a) unknown.push(a);
    else if (a.parsed.state === "unknown") unknown.push({ system: a.system, lines: a.parsed.lines });
    else if (!a.parsed.sysplex) alone.push(a.system);
  }
  if (alone.length > 0) {
    return {
      id: ID,
      state: "failed",
      summary:
        "Not every system takes part in the shared file system; z/OSMF high availability needs USER_DIR on a sysplex-wide file system.",
      details: [`${alone.join(", ")}: D OMVS,O shows SYSPLEX = NO (BPXPRMxx SYSPLEX(YES) is needed)`, ...unreadable(COMMAND, unknown)],
    };
  }
  if (unknown.length > 0) {
    const who = unknown.map((u) => u.system).join(", ");
    return {
      id: ID,
      state: "unknown",
      summary: `Could not tell whether ${who} take${unknown.length === 1 ? "s" : ""} part in the shared file system.`,
      details: unreadable(COMMAND, unknown),
    };
  }
  const who = answers.map((a) => a.system).join(", ");
  return { id: ID, state: "ok", summary: `${who} take part in the shared file system (SYSPLEX = YES).`, details: [] };
}
