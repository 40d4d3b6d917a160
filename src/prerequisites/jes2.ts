/**
 * One JES2 multi-access spool: a job with SYSAFF of a system reaches it only when that system
 * is an active member of the submitting system's MAS. Each system is asked `$D MEMBER` and
 * must see every system of the sysplex as an ACTIVE member (by SYSNAME). The members of a MAS
 * share one checkpoint, so one system's answer shows the whole MAS: verify asks it once.
 */
import { parseJes2Members, type Jes2Members } from "../parsers";
import { unreadable, type Answer, type Prerequisite, type PrerequisiteResult, type Unread } from "./ask";

const ID = "sysplex.jes2";
const COMMAND = "$D MEMBER";

export const jes2Prerequisite: Prerequisite<Jes2Members> = {
  id: ID,
  command: COMMAND,
  oneAnswer: true,
  parse: parseJes2Members,
  // The number of members is not known before: the answer is whole once every system is in
  // it; without one, the follow-ups run out and what arrived is read as it is.
  isComplete: (t, sysplex) => {
    const r = parseJes2Members(t);
    return r.state === "known" && sysplex.every((s) => r.members.some((m) => m.sysname === s.toUpperCase()));
  },
  judge: judgeJes2,
};

function judgeJes2(answers: readonly Answer<Jes2Members>[], sysplex: readonly string[]): PrerequisiteResult {
  const unknown: Unread[] = [];
  const missing: string[] = [];
  for (const a of answers) {
    if ("error" in a) unknown.push(a);
    else if (a.parsed.state === "unknown") unknown.push({ system: a.system, lines: a.parsed.lines });
    else {
      const active = new Set(a.parsed.members.filter((m) => m.status === "ACTIVE" && m.sysname).map((m) => m.sysname!));
      const absent = sysplex.filter((s) => !active.has(s.toUpperCase()));
      if (absent.length > 0) missing.push(`seen from ${a.system}, not active members of its MAS: ${absent.join(", ")}`);
    }
  }
  if (missing.length > 0) {
    return {
      id: ID,
      state: "failed",
      summary: "The systems are not all active members of one JES2 MAS; jobs with SYSAFF of each system would not reach it.",
      details: [...missing, ...unreadable(COMMAND, unknown)],
    };
  }
  if (unknown.length > 0) {
    const who = unknown.map((u) => u.system).join(", ");
    return {
      id: ID,
      state: "unknown",
      summary: `Could not tell whether ${who} share${unknown.length === 1 ? "s" : ""} one JES2 MAS with the others.`,
      details: unreadable(COMMAND, unknown),
    };
  }
  return { id: ID, state: "ok", summary: `${sysplex.join(", ")} are active members of one JES2 MAS.`, details: [] };
}
