import { z } from "zod";
import { datasetAttributes, lines, RESULT_SCHEMA_VERSION, stepOutcome, stepPlan, stepScope, text } from "./schema-parts";

/* The `data` of `--rfj` for runs list, runs show and unlock (see result-schemas.ts). */

const runKind = z.enum(["provision", "rollback"]);
const runStatus = z.enum(["running", "succeeded", "failed", "planned", "interrupted"]);
const place = z.enum(["local", "z/OS"]).describe("where a record was found: this machine's folder or the library on z/OS");

const target = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("member"), dsn: text, member: text }),
  z.object({ kind: z.literal("uss-file"), path: text }),
]);

const listedRun = z
  .object({
    runId: text,
    kind: runKind,
    sysplex: text,
    command: text.optional().describe("how it was started, e.g. provision --resume"),
    user: text.optional().describe("the z/OS user it ran as"),
    localUser: text.optional().describe("the user on the machine it ran from"),
    host: text.optional().describe("the machine it ran from"),
    startedAt: text,
    endedAt: text.optional(),
    status: runStatus.describe("running: still going, or cut short without a chance to say so"),
    changed: z.number().int().describe("steps that ended changed"),
    changedSomething: z.boolean().describe("whether it changed (or, cut short, may have changed) anything on z/OS"),
    basedOn: text.optional().describe("the run this one resumed (provision) or undid (rollback)"),
    places: z.array(place),
  })
  .describe("one run, as the index lists it");

export const runsListResultSchema = z
  .object({
    schemaVersion: z.literal(RESULT_SCHEMA_VERSION),
    sysplex: text,
    runs: z.array(listedRun).describe("newest first; a run in both places is listed once"),
    localDir: text.describe("this machine's record folder"),
    zosLibrary: text.describe("the run record library on z/OS, <backup>.RUNS"),
    zosProblem: text.optional().describe("why the records on z/OS could not be read; the list then holds only this machine's runs"),
  })
  .describe("zowe ha runs list --rfj: data");

const runRecord = z
  .object({
    formatVersion: z.literal(1),
    runId: text,
    kind: runKind,
    sysplex: text,
    topologyFile: text,
    topologySha256: text,
    basedOn: text.optional().describe("the run this one resumes or rolls back"),
    startedAt: text,
    endedAt: text.optional(),
    status: runStatus,
    plan: z.array(stepPlan),
    outcomes: z.array(stepOutcome),
    backups: z
      .array(
        z.object({
          stepId: text,
          target,
          etag: text.nullable(),
          zosCopy: text.optional().describe("where the copy on z/OS was placed"),
          existed: z.boolean().describe("false when the target did not exist before the run (rollback deletes it)"),
          original: text.optional().describe("a member's original text; a file's (it may hold secrets) is only on z/OS"),
          originalSha256: text.optional(),
        }),
      )
      .describe("the original of every member and file the run changed, taken before it wrote"),
    writes: z.array(
      z.object({
        stepId: text,
        target,
        etagBefore: text.nullable(),
        etagAfter: text.nullable(),
        textSha256: text.optional().describe("sha256 of the text written"),
        deleted: z.boolean().optional().describe("the member was deleted (rollback of one the run created)"),
      }),
    ),
    jobs: z.array(
      z.object({
        stepId: text,
        jobname: text,
        jobid: text.nullable().describe("null while the submission's outcome is not known"),
        token: text,
        owner: text.optional(),
        retcode: text.nullable().describe("null until the run saw the job end"),
        maxRc: z.number().int(),
      }),
    ),
    commands: z.array(z.object({ stepId: text, system: text, command: text, response: lines })),
    datasets: z
      .array(z.object({ stepId: text, dsn: text, attributes: datasetAttributes }))
      .optional()
      .describe("data sets the run created"),
    runToken: text.optional().describe("the token in the run's job and backup names"),
    limit: stepScope.optional().describe("--limit/--only of a partial run"),
    command: text.optional(),
    user: text.optional(),
    localUser: text.optional(),
    host: text.optional(),
    backupMap: z
      .array(z.object({ copy: text, of: text, runId: text, at: text }))
      .optional()
      .describe("what each copy on z/OS holds"),
  })
  .describe("the run's whole record, secrets masked");

export const runsShowResultSchema = z
  .object({
    schemaVersion: z.literal(RESULT_SCHEMA_VERSION),
    record: runRecord,
    places: z.array(place),
  })
  .describe("zowe ha runs show --rfj: data");

const lockHolder = z
  .object({
    runId: text,
    user: text.nullable().describe("the z/OS user the run worked as; null when its connection named none"),
    host: text,
    since: text.describe("ISO time the lock was taken"),
    command: text.describe("provision or rollback"),
    version: text.describe("the zowe-ha version of the run"),
  })
  .describe("the run that held the lock");

export const unlockResultSchema = z
  .object({
    schemaVersion: z.literal(RESULT_SCHEMA_VERSION),
    sysplex: text,
    dsn: text.describe("the lock data set, <backup>.LOCK"),
    holder: lockHolder.nullable().describe("null when the lock was free or named no run"),
    removed: z.boolean(),
    text: text.describe("what was done, in one sentence"),
  })
  .describe("zowe ha unlock --rfj: data");
