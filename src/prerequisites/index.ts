/**
 * The sysplex prerequisites of z/OSMF high availability (a shared SAF database, a shared USS
 * file system, a JES2 MAS, an EMCS console that reaches every system): looked at with display
 * commands only. Anything not read is unknown, and unknown is never "fine".
 */
import { runPrerequisite, type Prerequisite, type PrerequisiteContext, type PrerequisiteResult } from "./ask";
import { consolePrerequisite } from "./console";
import { jes2Prerequisite } from "./jes2";
import { safPrerequisite } from "./saf";
import { ussPrerequisite } from "./uss";

export type { Answer, CheckState, Prerequisite, PrerequisiteContext, PrerequisiteResult } from "./ask";

/** Every prerequisite, the console first: when it does not answer, no other display can be read. */
export const PREREQUISITES: readonly Prerequisite<unknown>[] = [
  consolePrerequisite as Prerequisite<unknown>,
  safPrerequisite as Prerequisite<unknown>,
  ussPrerequisite as Prerequisite<unknown>,
  jes2Prerequisite as Prerequisite<unknown>,
];

export async function checkPrerequisites(ctx: PrerequisiteContext): Promise<PrerequisiteResult[]> {
  const [first, ...rest] = PREREQUISITES;
  const console = await runPrerequisite(first!, ctx);
  if (console.state !== "ok") return [console];
  const results = [console];
  for (const p of rest) results.push(await runPrerequisite(p, ctx));
  return results;
}

/** Each prerequisite that is not met, or could not be told (its summary opens "Could not tell"), as one problem of the plan. */
export function prerequisiteProblems(results: readonly PrerequisiteResult[]): string[] {
  return results.filter((r) => r.state !== "ok").map((r) => [`${r.id}: ${r.summary}`, ...r.details.map((d) => `  ${d}`)].join("\n"));
}
