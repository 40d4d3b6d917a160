import { randomBytes } from "node:crypto";
import { chmod, readFile, rename, rm, writeFile } from "node:fs/promises";
import { z } from "zod";
import { HaError } from "../errors";
import type { StepPlan } from "./types";

/**
 * A plan saved by `provision --dry-run --out`, to be applied later by `--plan` only while
 * z/OS and the inputs are still what it was made from. Plain data, versioned by
 * `planFormat`, checked field by field on read: a file from elsewhere is refused, never guessed at.
 */
const attributes = z.object({
  dsorg: z.enum(["PO", "PS"]),
  dsntype: z.enum(["LIBRARY", "PDS"]).optional(),
  recfm: z.string(),
  lrecl: z.number(),
  blksize: z.number(),
  alcunit: z.enum(["TRK", "CYL"]),
  primary: z.number(),
  secondary: z.number(),
  dirblk: z.number().optional(),
  volser: z.string().optional(),
});

const change = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("member"),
    dsn: z.string(),
    member: z.string(),
    action: z.enum(["create", "update", "delete"]),
    diff: z.string(),
  }),
  z.object({ kind: z.literal("uss-file"), path: z.string(), action: z.enum(["create", "update"]), diff: z.string() }),
  z.object({ kind: z.literal("job"), jobname: z.string(), jcl: z.string(), maxRc: z.number(), purpose: z.string() }),
  z.object({ kind: z.literal("command"), system: z.string(), command: z.string(), purpose: z.string() }),
  z.object({ kind: z.literal("dataset"), dsn: z.string(), action: z.literal("create"), attributes, purpose: z.string() }),
]);

const read = z.object({ target: z.string(), etag: z.string().nullable(), sha256: z.string().nullable() });

const step = z.object({
  id: z.string(),
  workflow: z.string(),
  title: z.string(),
  system: z.string().optional(),
  dependsOn: z.array(z.string()),
  observed: z.string(),
  changes: z.array(change),
  warnings: z.array(z.string()).optional(),
  fingerprint: z.string().optional(),
  reads: z.array(read),
});

const savedPlan = z.object({
  planFormat: z.literal(1, { error: "1 (the only plan format this plug-in reads)" }),
  createdAt: z.string(),
  sysplex: z.string(),
  pluginVersion: z.string(),
  /** `fingerprintOf` the parsed topology: the same for the same content whatever its layout. */
  topologyHash: z.string(),
  topologyFile: z.string(),
  /** The token in the plan's job names and JCL; the apply uses it so its JCL is the approved JCL. */
  runToken: z.string().regex(/^[A-Z0-9]{1,16}$/),
  /** Options that shape the plan. */
  startServers: z.boolean(),
  /** --limit/--only as given ("--limit SYSA --only zosmf-ha"), empty for every step. */
  window: z.string().default(""),
  steps: z.array(step),
});

export type SavedPlan = z.infer<typeof savedPlan>;
export type SavedStep = z.infer<typeof step>;

/** A step as saved: what the dry run showed (already masked) and what it read. */
export function savedStep(s: StepPlan): SavedStep {
  return {
    id: s.id,
    workflow: s.workflow,
    title: s.title,
    ...(s.system !== undefined ? { system: s.system } : {}),
    dependsOn: [...s.dependsOn],
    observed: s.observed,
    changes: s.changes.map((c) => ({ ...c })),
    ...(s.warnings !== undefined ? { warnings: [...s.warnings] } : {}),
    ...(s.fingerprint !== undefined ? { fingerprint: s.fingerprint } : {}),
    reads: [...(s.reads ?? [])],
  };
}

/** Owner read/write only: the file holds member diffs and JCL. */
const FILE_MODE = 0o600;

export async function writePlanFile(file: string, plan: SavedPlan): Promise<void> {
  // A new file, owner-only from its first byte, then put in place: an existing plan file that
  // others could read is replaced, never written into while it still has its old bits.
  const fresh = `${file}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`;
  await writeFile(fresh, `${JSON.stringify(plan, null, 2)}\n`, { encoding: "utf8", mode: FILE_MODE, flag: "wx" });
  try {
    await chmod(fresh, FILE_MODE);
    await rename(fresh, file);
  } catch (err) {
    await rm(fresh, { force: true });
    throw err;
  }
}

/** Reads and checks a saved plan; anything else is refused naming the field (exit 3). */
export async function readPlanFile(file: string): Promise<SavedPlan> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (err) {
    throw new HaError(`--plan: cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`, {
      failureClass: "invalid-input",
    });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new HaError(`--plan: ${file} is not JSON; give a file written by provision --dry-run --out`, { failureClass: "invalid-input" });
  }
  const parsed = savedPlan.safeParse(json);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.length > 0 ? i.path.join(".") : "(the file)"}: ${i.message}`);
    throw new HaError(`--plan: ${file} is not a saved plan of this plug-in: ${problems[0]}`, {
      failureClass: "invalid-input",
      details: problems.slice(0, 20),
    });
  }
  return parsed.data;
}
