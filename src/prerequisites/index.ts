/**
 * The sysplex prerequisites of z/OSMF high availability (a shared SAF database, a shared USS
 * file system, a JES2 MAS, an EMCS console that reaches every system): looked at with display
 * commands only. Anything not read is unknown, and unknown is never "fine".
 */
import type { PrerequisiteContext, PrerequisiteResult } from "./ask";
import { checkConsole } from "./console";
import { checkJes2 } from "./jes2";
import { checkSaf } from "./saf";
import { checkUss } from "./uss";

export type { PrerequisiteContext, PrerequisiteResult, CheckState } from "./ask";

export async function checkPrerequisites(ctx: PrerequisiteContext): Promise<PrerequisiteResult[]> {
  // The console first: when it does not answer, the other displays cannot be read either.
  const console = await checkConsole(ctx);
  if (console.state !== "ok") return [console];
  return [console, await checkSaf(ctx), await checkUss(ctx), await checkJes2(ctx)];
}

/** Each prerequisite that is not met, or could not be told (its summary opens "Could not tell"), as one problem of the plan. */
export function prerequisiteProblems(results: readonly PrerequisiteResult[]): string[] {
  return results
    .filter((r) => r.state !== "ok")
    .map((r) => [`${r.id}: ${r.summary}`, ...r.details.map((d) => `  ${d}`)].join("\n"));
}
