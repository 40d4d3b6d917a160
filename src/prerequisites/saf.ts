/**
 * One SAF (RACF) database for every system: z/OSMF servers of one autostart group share
 * their security definitions only when every system reads the same RACF database. Each
 * system is asked `RVARY LIST` and its active primary data sets are compared.
 */
import { parseRvaryList, racfDatabaseName, type RvaryList } from "../parsers";
import { unreadable, type Answer, type Prerequisite, type PrerequisiteResult, type Unread } from "./ask";

const ID = "sysplex.saf";
const COMMAND = "RVARY LIST";

export const safPrerequisite: Prerequisite<RvaryList> = {
  id: ID,
  command: COMMAND,
  parse: parseRvaryList,
  isComplete: (t) => /\bICH15020I\b/.test(t),
  judge: judgeSaf,
};

function judgeSaf(answers: readonly Answer<RvaryList>[]): PrerequisiteResult {
  const databases = new Map<string, string[]>();
  const unknown: Unread[] = [];
  for (const a of answers) {
    if ("error" in a) unknown.push(a);
    else if (a.parsed.state === "unknown") unknown.push({ system: a.system, lines: a.parsed.lines });
    else {
      const db = racfDatabaseName(a.parsed.primary);
      databases.set(db, [...(databases.get(db) ?? []), a.system]);
    }
  }
  if (databases.size > 1) {
    return {
      id: ID,
      state: "failed",
      summary: "The systems use different RACF databases; z/OSMF high availability needs one shared SAF database.",
      details: [...[...databases].map(([db, systems]) => `${systems.join(", ")}: ${db}`), ...unreadable(COMMAND, unknown)],
    };
  }
  if (unknown.length > 0) {
    const who = unknown.map((u) => u.system).join(", ");
    return {
      id: ID,
      state: "unknown",
      summary: `Could not tell which RACF database ${who} use${unknown.length === 1 ? "s" : ""}.`,
      details: unreadable(COMMAND, unknown),
    };
  }
  const [db] = [...databases.keys()];
  return { id: ID, state: "ok", summary: `Every system uses the RACF database ${db}.`, details: [] };
}
