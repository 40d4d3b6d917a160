/**
 * One JES2 multi-access spool: a job with SYSAFF of a system reaches it only when that system
 * is an active member of the submitting system's MAS. Each system is asked `$D MEMBER` and
 * must see every system of the topology as an ACTIVE member (by SYSNAME).
 */
import { parseJes2Members } from "../parsers";
import { askEach, unreadable, type PrerequisiteContext, type PrerequisiteResult, type Unread } from "./ask";

const COMMAND = "$D MEMBER";

export async function checkJes2(ctx: PrerequisiteContext): Promise<PrerequisiteResult> {
  // The number of members is not known before: the answer is whole once every system is in
  // it; without one, the follow-ups run out and what arrived is read as it is.
  const members = ctx.sysplex ?? ctx.systems;
  const seesAll = (t: string) => {
    const r = parseJes2Members(t);
    return r.state === "known" && members.every((s) => r.members.some((m) => m.sysname === s.toUpperCase()));
  };
  const answers = await askEach(ctx, COMMAND, parseJes2Members, seesAll);
  const unknown: Unread[] = [];
  const missing: string[] = [];
  for (const a of answers) {
    if ("error" in a) {
      unknown.push(a);
      continue;
    }
    if (a.parsed.state === "unknown") {
      unknown.push({ system: a.system, lines: a.parsed.lines });
      continue;
    }
    const active = new Set(a.parsed.members.filter((m) => m.status === "ACTIVE" && m.sysname).map((m) => m.sysname!));
    const absent = members.filter((s) => !active.has(s.toUpperCase()));
    if (absent.length > 0) missing.push(`seen from ${a.system}, not active members of its MAS: ${absent.join(", ")}`);
  }
  if (missing.length > 0) {
    return {
      id: "sysplex.jes2",
      state: "failed",
      summary: "The systems are not all active members of one JES2 MAS; jobs with SYSAFF of each system would not reach it.",
      details: [...missing, ...unreadable(COMMAND, unknown)],
    };
  }
  if (unknown.length > 0) {
    return {
      id: "sysplex.jes2",
      state: "unknown",
      summary: `Could not tell whether ${unknown.map((u) => u.system).join(", ")} share${unknown.length === 1 ? "s" : ""} one JES2 MAS with the others.`,
      details: unreadable(COMMAND, unknown),
    };
  }
  return { id: "sysplex.jes2", state: "ok", summary: `${members.join(", ")} are active members of one JES2 MAS.`, details: [] };
}
