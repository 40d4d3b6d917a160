import { sha256, type RecordedBackup } from "../engine/run-record";
import { redactSecrets } from "../engine/redact";
import type { ApplyContext, BackupEntry, Change, PlannedStep, StepResult, WriteEntry } from "../engine/types";
import { HaError } from "../errors";
import { sameRecords, unifiedDiff } from "../provision/ops/diff";
import { readMember, readUssFile, type Observed } from "../provision/ops/read-current";
import { safeWriteMember, safeWriteUss } from "../provision/ops/safe-write";
import type { RollbackPlanOptions } from "./plan";
import { changedSinceRun } from "./changed-since";

export const keyOf = (t: BackupEntry["target"]) => (t.kind === "member" ? `${t.dsn}(${t.member})` : t.path);

/** The original bytes: from the record for members, from the copy on z/OS (checked by hash) for files. */
async function originalOf(o: RollbackPlanOptions, backup: RecordedBackup): Promise<string | null> {
  if (!backup.existed) return null;
  if (backup.original !== undefined) return backup.original;
  const copy = backup.zosCopy;
  const where = keyOf(backup.target);
  if (!copy)
    throw new HaError(`The run record has no copy of the original of ${where}; it cannot be restored.`, { failureClass: "invalid-input" });
  const read = copy.startsWith("/")
    ? await readUssFile(o.client, copy)
    : await readMember(o.client, copy.replace(/\(.*$/, ""), copy.replace(/^.*\(|\)$/g, ""));
  if (read.text === null || sha256(read.text) !== backup.originalSha256) {
    throw new HaError(`The backup copy ${copy} of ${where} is missing or no longer matches the run record; nothing is restored from it.`, {
      failureClass: "zos-failure",
    });
  }
  return read.text;
}

/** Deletes a member the run created, backing it up first; an edit made since the plan was read stops it. */
async function deleteCreatedMember(
  o: RollbackPlanOptions,
  ctx: ApplyContext,
  step: { id: string; target: Extract<BackupEntry["target"], { kind: "member" }>; current: Observed },
): Promise<StepResult> {
  const { id, target, current } = step;
  const where = keyOf(target);
  const latest = await readMember(o.client, target.dsn, target.member);
  if (latest.text === null) return { state: "unchanged", notes: [`${where} is already gone`] };
  // Content, not the ETag alone: an edit between plan and apply must not be deleted unseen.
  if (!o.force && (latest.etag !== current.etag || !sameRecords(latest.text, current.text ?? ""))) {
    throw new HaError(`${where} changed while rolling back; it was not deleted.`, { failureClass: "zos-failure" });
  }
  await ctx.record.backup({ stepId: id, target, original: latest.text, etag: latest.etag });
  await o.client.files.deleteMember(target.dsn, target.member);
  await ctx.record.write({ stepId: id, target, etagBefore: latest.etag, etagAfter: null, deleted: true });
  return { state: "changed", notes: [`${where} deleted`] };
}

/** What planning read for one target of the run: its current content, the original, and whether someone edited it since. */
interface RestoreState {
  readonly id: string;
  readonly target: BackupEntry["target"];
  readonly where: string;
  readonly current: Observed;
  /** null: the run created the target, so restoring means deleting it. */
  readonly original: string | null;
  readonly changedSince: boolean;
  readonly alreadyOriginal: boolean;
}

/** What the rollback would change, and what it says it leaves alone. */
interface RestoreDecision {
  readonly changes: Change[];
  readonly warnings: string[];
}

export async function planRestore(o: RollbackPlanOptions, backup: RecordedBackup): Promise<PlannedStep> {
  const s = await observeTarget(o, backup);
  const { where, current, original, alreadyOriginal, changedSince } = s;
  const decided = decideRestore(o, s);
  return {
    id: s.id,
    workflow: "rollback",
    title: original === null ? "Delete what the run created" : "Restore the original",
    dependsOn: [],
    observed: `${where}: ${current.text === null ? "absent" : alreadyOriginal ? "already as before the run" : changedSince ? "changed since the run" : "as the run left it"}`,
    changes: decided.changes,
    warnings: decided.warnings,
    apply: (ctx) => applyRestore(o, ctx, s, decided),
  };
}

async function observeTarget(o: RollbackPlanOptions, backup: RecordedBackup): Promise<RestoreState> {
  const target = backup.target;
  const where = keyOf(target);
  const current: Observed =
    target.kind === "member" ? await readMember(o.client, target.dsn, target.member) : await readUssFile(o.client, target.path);
  const lastWrite = [...o.record.writes].reverse().find((w: WriteEntry) => keyOf(w.target) === where);
  const changedSince = changedSinceRun(current, lastWrite);
  const original = await originalOf(o, backup);
  const alreadyOriginal = original !== null && current.text !== null && sameRecords(current.text, original);
  return { id: `rollback/restore/${where}`, target, where, current, original, changedSince, alreadyOriginal };
}

function decideRestore(o: RollbackPlanOptions, s: RestoreState): RestoreDecision {
  const { target, where, current, original } = s;
  const changes: Change[] = [];
  const warnings: string[] = [];
  if (original === null) {
    if (current.text !== null) {
      if (target.kind === "member")
        changes.push({
          kind: "member",
          dsn: target.dsn,
          member: target.member,
          action: "delete",
          diff: unifiedDiff(where, current.text, null),
        });
      else warnings.push(`${where} was created by the run; files are not deleted by rollback.`);
    }
  } else if (!s.alreadyOriginal) {
    const diff = redactSecrets(unifiedDiff(where, current.text, original));
    if (target.kind === "member")
      changes.push({ kind: "member", dsn: target.dsn, member: target.member, action: current.text === null ? "create" : "update", diff });
    else changes.push({ kind: "uss-file", path: target.path, action: current.text === null ? "create" : "update", diff });
  }
  if (changes.length > 0 && s.changedSince) {
    warnings.push(
      `${where} changed after run ${o.record.runId}; ${o.force ? "--force: it is restored anyway, its current content backed up first" : "it is left alone unless --force is given"}.`,
    );
  }
  return { changes, warnings };
}

async function applyRestore(o: RollbackPlanOptions, ctx: ApplyContext, s: RestoreState, decided: RestoreDecision): Promise<StepResult> {
  const { id, target, where, current, original } = s;
  if (decided.changes.length === 0) return { state: "unchanged", notes: decided.warnings };
  if (s.changedSince && !o.force) {
    throw new HaError(`${where} was changed after run ${o.record.runId}; it was not restored. Give --force to restore it anyway.`, {
      failureClass: "zos-failure",
    });
  }
  if (original === null) {
    if (target.kind !== "member") return { state: "unchanged", notes: decided.warnings };
    return deleteCreatedMember(o, ctx, { id, target, current });
  }
  await writeOriginal(o, ctx, s, original);
  return { state: "changed", notes: [`${where} restored`] };
}

/** Writes the original back (the current content is backed up first) and reads it back to prove it. */
async function writeOriginal(o: RollbackPlanOptions, ctx: ApplyContext, s: RestoreState, original: string): Promise<void> {
  const { id, target, where, current } = s;
  if (target.kind === "member") {
    await safeWriteMember({
      client: o.client,
      ctx,
      stepId: id,
      runToken: o.runToken,
      dsn: target.dsn,
      member: target.member,
      observed: current,
      text: original,
      backupDsn: o.topology.datasets.backup,
    });
  } else {
    await safeWriteUss({
      client: o.client,
      ctx,
      stepId: id,
      runToken: o.runToken,
      path: target.path,
      observed: current,
      text: original,
    });
  }
  const back = target.kind === "member" ? await readMember(o.client, target.dsn, target.member) : await readUssFile(o.client, target.path);
  // FB members come back padded to the record length; only the records must match.
  if (back.text === null || !sameRecords(back.text, original)) {
    throw new HaError(`${where} was written but does not read back as the original`, { failureClass: "zos-failure" });
  }
}
