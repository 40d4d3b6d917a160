import { z } from "zod";
import { drillResultSchema } from "./drill-schema";
import { discoverResultSchema, graphResultSchema } from "./map-schemas";
import { runsListResultSchema, runsShowResultSchema, unlockResultSchema } from "./runs-schemas";
import { count, lines, RESULT_SCHEMA_VERSION, stepOutcome, stepPlan, stepScope, text } from "./schema-parts";

export { RESULT_SCHEMA_VERSION } from "./schema-parts";

/*
 * The `data` of `--rfj` for provision, rollback, verify, runs list, runs show, unlock, drill, discover
 * and graph, as zod definitions: the JSON Schemas in schemas/ are generated from these at build (scripts/gen-schema.ts), and the tests hold every
 * real output to them with no property left undescribed, so the files cannot drift from the
 * output. Versioning: a field added keeps the version; a field removed or renamed, or a meaning
 * changed, raises RESULT_SCHEMA_VERSION.
 */

const runSummary = z.object({
  steps: z.number().int(),
  changed: z.number().int(),
  unchanged: z.number().int(),
  failed: z.number().int(),
  skipped: z.number().int(),
  durationMs: z.number(),
});

const changeCounts = z
  .object({
    members: z.object({ create: count, update: count, delete: count }),
    files: z.object({ create: count, update: count }),
    jobs: count,
    commands: count,
    datasets: z.object({ create: count }),
  })
  .describe("changes by kind: of the plan in a dry run, of the steps that changed after an apply");

const sentEntry = z.object({
  stepId: text,
  kind: z.enum(["member", "uss-file", "dataset", "job", "command", "backup-copy"]),
  what: text,
});

/** What provision and rollback share (RunResult). */
const runResult = {
  schemaVersion: z.literal(RESULT_SCHEMA_VERSION),
  sysplex: text,
  dryRun: z.boolean(),
  status: z.enum(["planned", "succeeded", "failed", "interrupted"]),
  runningJobs: lines.optional().describe("after an interrupt: jobs this run left running, as JOBNAME(JOBID)"),
  runId: text.optional(),
  recordFile: text.optional(),
  plan: z.array(stepPlan),
  outcomes: z.array(stepOutcome),
  summary: runSummary,
  counts: changeCounts,
  sent: z.array(sentEntry).describe("what the run sent to z/OS that changed, or may have changed, something"),
  next: lines.optional().describe("after a failure: the commands that continue or undo the run"),
  zosRecord: z
    .object({
      where: text.optional().describe("the copy of the run record on z/OS, as <backup>.RUNS(member)"),
      problem: text.optional().describe("why the record could not be written to z/OS; the run itself is not failed for it"),
    })
    .optional()
    .describe("after an apply: the run record's copy on z/OS beside the backups, where any admin can list and undo the run"),
};

export const provisionResultSchema = z
  .object({
    ...runResult,
    resumedRun: text.optional(),
    planFile: text.optional().describe("where --out saved the plan, or the --plan file that was checked and applied"),
    limit: stepScope.optional().describe("--limit/--only of this run"),
    leftOut: z
      .array(z.object({ id: text, by: z.enum(["--limit", "--only"]), system: text.optional(), reason: text }))
      .optional()
      .describe("the steps --limit/--only left out, each with why"),
  })
  .describe("zowe ha provision --rfj: data");

export const rollbackResultSchema = z
  .object({
    ...runResult,
    undoneRun: text.describe("the provision run undone (the newest, when it resumed earlier runs)"),
    undoneRuns: lines.describe("every run undone, oldest first: the run the resumes started from and each resume of it"),
    skippedRuns: lines.describe("newer provision runs passed over because they changed nothing"),
  })
  .describe("zowe ha rollback --rfj: data");

const verdict = z.enum(["healthy", "degraded", "failed", "not-applicable"]);

export const verifyResultSchema = z
  .object({
    schemaVersion: z.literal(RESULT_SCHEMA_VERSION),
    sysplex: text,
    checks: z.array(
      z.object({
        id: text.describe("stable across runs"),
        system: text.optional(),
        title: text,
        expected: text,
        found: text,
        verdict,
        reason: text.optional().describe("set whenever the verdict is not healthy"),
        notRun: z.boolean().optional().describe("the check could not be run: unknown, not a finding about z/OS"),
      }),
    ),
    summary: z.object({
      healthy: z.number().int(),
      degraded: z.number().int(),
      failed: z.number().int(),
      notApplicable: z.number().int(),
      total: z.number().int(),
    }),
    verdict,
    unreadable: z.array(text.nullable()).describe("systems that could not be read; null is the command's own connection"),
    down: z.array(z.object({ system: text, why: text, since: text.optional() })),
    durationMs: z.number(),
  })
  .describe("zowe ha verify --rfj: data");

export { rfjData } from "./rfj-data";

/** Each schema file under schemas/ and the definition it is generated from. */
export const RESULT_SCHEMAS = {
  "provision-result": provisionResultSchema,
  "rollback-result": rollbackResultSchema,
  "verify-result": verifyResultSchema,
  "runs-list-result": runsListResultSchema,
  "runs-show-result": runsShowResultSchema,
  "unlock-result": unlockResultSchema,
  "drill-result": drillResultSchema,
  "discover-result": discoverResultSchema,
  "graph-result": graphResultSchema,
} as const;

export type ResultSchemaName = keyof typeof RESULT_SCHEMAS;

/**
 * The JSON Schema of one result. Published (`strict: false`), an object may carry properties
 * the schema does not name, so a later additive change validates against version 1; the tests
 * use `strict: true`, where every property must be described.
 */
export function resultJsonSchema(name: ResultSchemaName, o: { readonly strict: boolean }): Record<string, unknown> {
  const schema = z.toJSONSchema(RESULT_SCHEMAS[name]) as Record<string, unknown>;
  return {
    $schema: schema.$schema,
    $id: `${name}.schema.json`,
    title: `${name} (schemaVersion ${RESULT_SCHEMA_VERSION})`,
    ...(o.strict ? schema : (open(schema) as Record<string, unknown>)),
  } as Record<string, unknown>;
}

/** The schema with every `additionalProperties: false` taken out. */
function open(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(open);
  if (node === null || typeof node !== "object") return node;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) if (!(key === "additionalProperties" && value === false)) out[key] = open(value);
  return out;
}
