import { z } from "zod";
import { lines, RESULT_SCHEMA_VERSION, text } from "./schema-parts";

/** `zowe ha drill --rfj`: each phase with its time and verdict (src/drill/types.ts DrillResult). */
export const drillResultSchema = z
  .object({
    schemaVersion: z.literal(RESULT_SCHEMA_VERSION),
    sysplex: text,
    target: text.describe("zosmf, or the distributed service drilled"),
    method: z.enum(["quiesce", "stop"]),
    dryRun: z.boolean(),
    status: z.enum(["planned", "refused", "succeeded", "failed", "interrupted"]),
    commands: z
      .array(z.object({ system: text, command: text, purpose: text }))
      .describe("what the drill sent (or, on a dry run, would send) that changes something, in order"),
    phases: z.array(
      z.object({
        id: z.enum(["preflight", "fail", "takeover", "answer", "outage", "restore", "switch-back", "final-verify"]),
        title: text,
        verdict: z.enum(["passed", "failed", "not-reached"]),
        timeMs: z.number().optional().describe("milliseconds from the start of its phase (the failing command, or the restore)"),
        detail: text,
      }),
    ),
    restored: z.enum(["confirmed", "not-needed", "not-confirmed"]).describe("not-confirmed: the operator must run operatorAction"),
    operatorAction: lines
      .optional()
      .describe("commands the operator must run: an unconfirmed restore, or moving traffic back under NOAUTOSWITCHBACK"),
    reasons: lines.describe("why the drill refused or stopped"),
    runId: text.optional().describe("the id the sysplex lock named while the drill ran"),
    durationMs: z.number(),
  })
  .describe("zowe ha drill --rfj: data");
