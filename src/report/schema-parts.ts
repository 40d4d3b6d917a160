import { z } from "zod";

/*
 * Pieces the --rfj result schemas share: a plan's steps and their outcomes appear in the
 * provision and rollback results and again in a run record that `runs show` returns.
 */

export { RESULT_SCHEMA_VERSION } from "./rfj-data";

export const text = z.string();
export const lines = z.array(z.string());
export const count = z.number().int();

export const datasetAttributes = z.object({
  dsorg: z.enum(["PO", "PS"]),
  dsntype: z.enum(["LIBRARY", "PDS"]).optional(),
  recfm: text,
  lrecl: z.number().int(),
  blksize: z.number().int(),
  alcunit: z.enum(["TRK", "CYL"]),
  primary: z.number().int(),
  secondary: z.number().int(),
  dirblk: z.number().int().optional(),
  volser: text.optional(),
});

const change = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("member"), dsn: text, member: text, action: z.enum(["create", "update", "delete"]), diff: text }),
  z.object({ kind: z.literal("uss-file"), path: text, action: z.enum(["create", "update"]), diff: text }),
  z.object({ kind: z.literal("job"), jobname: text, jcl: text, maxRc: z.number().int(), purpose: text }),
  z.object({ kind: z.literal("command"), system: text, command: text, purpose: text }),
  z.object({ kind: z.literal("dataset"), dsn: text, action: z.literal("create"), attributes: datasetAttributes, purpose: text }),
]);

export const stepPlan = z
  .object({
    id: text,
    workflow: text,
    title: text,
    system: text.optional().describe("absent for a sysplex-wide step"),
    dependsOn: lines,
    observed: text.describe("what the read-only look found"),
    changes: z.array(change).describe("empty when the step is already in place"),
    warnings: lines.optional(),
    fingerprint: text.optional().describe("sha256 of the step's inputs"),
    sameInputsAs: text.optional().describe("the last successful run that did this step with the same inputs"),
    reads: z
      .array(z.object({ target: text, etag: text.nullable(), sha256: text.nullable() }))
      .optional()
      .describe("every member and file the step read while planning: ETag and sha256, both null when it did not exist"),
  })
  .describe("one planned step");

export const stepOutcome = z.object({
  id: text,
  title: text,
  system: text.optional(),
  state: z.enum(["pending", "running", "changed", "unchanged", "failed", "skipped"]),
  durationMs: z.number(),
  notes: lines,
  error: z.object({ message: text, details: lines, failureClass: text }).optional(),
});

/** --limit/--only of a partial run. */
export const stepScope = z.object({ systems: lines.optional(), workflows: lines.optional() });
