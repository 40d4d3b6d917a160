/**
 * One SAF (RACF) database for every system: z/OSMF servers of one autostart group share
 * their security definitions only when every system reads the same RACF database. Each
 * system is asked `RVARY LIST` and its active primary data sets are compared.
 */
import { parseRvaryList, racfDatabaseName } from "../parsers";
import { askEach, unreadable, type PrerequisiteContext, type PrerequisiteResult, type Unread } from "./ask";

const COMMAND = "RVARY LIST";

export async function checkSaf(ctx: PrerequisiteContext): Promise<PrerequisiteResult> {
  const answers = await askEach(ctx, COMMAND, parseRvaryList, (t) => /\bICH15020I\b/.test(t));
  const bySystem = new Map<string, string>();
  const unknown: Unread[] = [];
  for (const a of answers) {
    if ("error" in a) unknown.push(a);
    else if (a.parsed.state === "unknown") unknown.push({ system: a.system, lines: a.parsed.lines });
    else bySystem.set(a.system, racfDatabaseName(a.parsed.primary));
  }
  const databases = new Map<string, string[]>();
  for (const [system, db] of bySystem) databases.set(db, [...(databases.get(db) ?? []), system]);
  if (databases.size > 1) {
    return {
      id: "sysplex.saf",
      state: "failed",
      summary: "The systems use different RACF databases; z/OSMF high availability needs one shared SAF database.",
      details: [...[...databases].map(([db, systems]) => `${systems.join(", ")}: ${db}`), ...unreadable(COMMAND, unknown)],
    };
  }
  if (unknown.length > 0) {
    return {
      id: "sysplex.saf",
      state: "unknown",
      summary: `Could not tell which RACF database ${unknown.map((u) => u.system).join(", ")} use${unknown.length === 1 ? "s" : ""}.`,
      details: unreadable(COMMAND, unknown),
    };
  }
  const [db] = [...databases.keys()];
  return { id: "sysplex.saf", state: "ok", summary: `Every system uses the RACF database ${db}.`, details: [] };
}
