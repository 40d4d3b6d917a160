import { createHash } from "node:crypto";
import type { ApplyContext, BackupEntry } from "../../engine/types";
import { HaError } from "../../errors";
import { ZosmfError, type ZosmfClient } from "../../zosmf";
import { datasetExists, readMember, readUssFile, type Observed } from "./read-current";
import { recordsSha256, sameRecords } from "./diff";

export interface SafeWriteBase {
  readonly client: ZosmfClient;
  readonly ctx: ApplyContext;
  readonly stepId: string;
  readonly runToken: string;
  /** What the plan read; the write is refused if the target changed since. */
  readonly observed: Observed;
  readonly text: string;
}

export interface SafeWriteMember extends SafeWriteBase {
  readonly dsn: string;
  readonly member: string;
  /** PDS (FB 80) that receives a copy of the original; the plan creates it when missing. */
  readonly backupDsn: string;
}

export interface SafeWriteUss extends SafeWriteBase {
  readonly path: string;
}

/**
 * Writes a member the way production PARMLIB deserves: the original goes into the run record
 * and into the backup PDS first, the write carries the ETag the plan saw, and a change made
 * by someone else since the plan stops the step with nothing written.
 */
export async function safeWriteMember(o: SafeWriteMember): Promise<{ readonly created: boolean }> {
  const target = { kind: "member" as const, dsn: o.dsn, member: o.member };
  const where = `${o.dsn}(${o.member})`;
  const long = o.text.split(/\r?\n/).findIndex((l) => l.length > 80);
  if (long >= 0)
    throw new HaError(`Line ${long + 1} planned for ${where} is longer than 80 characters; nothing was written.`, {
      failureClass: "invalid-input",
    });
  if (o.observed.text === null) {
    await createMemberIfAbsent(o, target, where);
    return { created: true };
  }
  const etag = o.observed.etag ?? (await etagWhenUnchanged(where, o.observed, () => readMember(o.client, o.dsn, o.member)));
  const entry: BackupEntry = { stepId: o.stepId, target, original: o.observed.text, etag };
  entry.zosCopy = await copyToBackupDataset(o);
  await o.ctx.record.backup(entry);
  await writeOrConflict(where, () => o.client.files.write(o.dsn, o.member, o.text, { ifMatch: etag }), o, target, etag);
  return { created: false };
}

/**
 * A new member, created only if it is still absent. z/OSMF documents no precondition for
 * "create only" on a member write (the data set write page knows If-Match only, and a PUT
 * creates or replaces), so, when the backup library exists, the text is staged there under this
 * run's own name and copied to the target with "replace": false: the copy, not this client,
 * checks the name and adds it, so a member someone created meanwhile makes the copy fail and
 * stays as it is. That check and add are one step on z/OS is the copy utility's rule for a
 * like-named member without replace (DFSMSdfp utilities), inferred for z/OSMF's copy.
 * The plan creates the backup library for that; should it have vanished since, the PUT is the fallback: the window
 * between the re-read and the write is narrowed, not closed, and an answer of "replaced" (204,
 * §2.2) shows someone created it inside that window: reported as a conflict, never recorded as
 * this run's. The run record learns of a member only once it is known to be this run's: a run
 * cut short in between leaves a member its rollback does not know, never a record that would
 * delete someone else's.
 */
async function createMemberIfAbsent(o: SafeWriteMember, target: BackupEntry["target"], where: string): Promise<void> {
  // The three looks go at once: none of them changes anything, and each decides only what follows.
  const first = firstStagedLook(o, "N");
  const [now, backupThere] = await Promise.all([readMember(o.client, o.dsn, o.member), datasetExists(o.client, o.backupDsn)]);
  if (now.text !== null) throw changedSincePlan(where, "was created by someone else");
  if (backupThere) {
    const staged = await stageInBackupDataset(o, o.text, "N", first);
    try {
      await o.client.files.copyMember({ from: memberRef(staged), to: { dsn: o.dsn, member: o.member }, replace: false });
    } catch (err) {
      // Whatever the answer said: a member there now was not made by this copy's success.
      if ((await readMember(o.client, o.dsn, o.member)).text !== null) throw changedSincePlan(where, "was created by someone else");
      throw err;
    }
  } else {
    const written = await o.client.files.write(o.dsn, o.member, o.text);
    if (!written.created) {
      throw new HaError(`${where} was created by someone else after the plan was made, just before this run wrote it.`, {
        failureClass: "zos-failure",
        details: [
          "z/OSMF answered that the write replaced a member: its content before the write is not known to this run.",
          "It is not recorded as this run's, so a rollback leaves it alone. Check the member, then plan again.",
        ],
      });
    }
  }
  // original null: a rollback deletes what this run created (and only that). Both entries are
  // known at once, so the record (and its copy on z/OS) takes them in one write.
  await Promise.all([
    o.ctx.record.backup({ stepId: o.stepId, target, original: null, etag: null }),
    o.ctx.record.write({ stepId: o.stepId, target, etagBefore: null, etagAfter: null, textSha256: recordsSha256(o.text) }),
  ]);
}

const memberRef = (dsnMember: string) => ({ dsn: dsnMember.replace(/\(.*$/, ""), member: dsnMember.replace(/^.*\(|\)$/g, "") });

/** The same for a z/OS UNIX file; the copy on z/OS is a sibling `<path>.ha-<runToken>.bak`. */
export async function safeWriteUss(o: SafeWriteUss): Promise<{ readonly created: boolean }> {
  const target = { kind: "uss-file" as const, path: o.path };
  if (o.observed.text === null) {
    const now = await readUssFile(o.client, o.path);
    if (now.text !== null) throw changedSincePlan(o.path, "was created by someone else");
    await o.ctx.record.backup({ stepId: o.stepId, target, original: null, etag: null });
    await writeOrConflict(o.path, () => o.client.files.writeUss(o.path, o.text), o, target, null);
    return { created: true };
  }
  const etag = o.observed.etag ?? (await etagWhenUnchanged(o.path, o.observed, () => readUssFile(o.client, o.path)));
  const copy = `${o.path}.ha-${o.runToken}.bak`;
  const existing = await readUssFile(o.client, copy);
  if (existing.text === null) await writeUssCopy(o.client, o.path, copy, o.observed.text);
  else if (!sameRecords(existing.text, o.observed.text)) {
    throw new HaError(`The backup copy ${copy} already exists with other content; nothing was written to ${o.path}.`, {
      failureClass: "zos-failure",
    });
  }
  await o.ctx.record.backup({ stepId: o.stepId, target, original: o.observed.text, etag, zosCopy: copy });
  await writeOrConflict(o.path, () => o.client.files.writeUss(o.path, o.text, { ifMatch: etag }), o, target, etag);
  return { created: false };
}

/**
 * The copy of a UNIX file is as private as the original (a zowe.yaml holds keystore
 * passwords): created empty with the original's bits (owner only when they cannot be read),
 * filled, set to exactly those bits with chmod (the server's umask may change them on
 * create), and given the original's owner and group last, since after chown a user who is
 * not a superuser may no longer write or chmod it.
 */
async function writeUssCopy(client: ZosmfClient, path: string, copy: string, text: string): Promise<void> {
  const original = await client.files.ussAttributes(path);
  // Bits that cannot be read: owner only, never wider than the original could have been.
  const mode = original.mode ?? "rw-------";
  await client.files.createUss(copy, mode);
  await client.files.writeUss(copy, text);
  await client.files.chmodUss(copy, mode);
  const want = original.owner;
  if (!want) return;
  const got = (await client.files.ussAttributes(copy)).owner;
  if (got && got.user === want.user && got.group === want.group) return;
  try {
    await client.files.chownUss(copy, want);
  } catch (err) {
    throw new HaError(
      `The backup copy ${copy} could not be given the owner of ${path} (${want.user}:${want.group}); nothing was written to ${path}.`,
      {
        failureClass: "zos-failure",
        details: [
          err instanceof Error ? err.message : String(err),
          `The copy keeps the original's bits (${mode}) but belongs to ${got ? `${got.user}:${got.group}` : "you"}; changing the owner of a file needs superuser or READ to CHOWN.UNRESTRICTED in UNIXPRIV.`,
        ],
      },
    );
  }
}

async function writeOrConflict(
  where: string,
  write: () => Promise<{ readonly etag?: string }>,
  o: SafeWriteBase,
  target: BackupEntry["target"],
  etagBefore: string | null,
): Promise<void> {
  let result: { readonly etag?: string };
  try {
    result = await write();
  } catch (err) {
    if (err instanceof ZosmfError && err.kind === "conflict") throw changedSincePlan(where, "was changed by someone else");
    throw err;
  }
  // The hash of the records written lets rollback see a later edit even when no ETag tells.
  const textSha256 = recordsSha256(o.text);
  await o.ctx.record.write({ stepId: o.stepId, target, etagBefore, etagAfter: result.etag ?? null, textSha256 });
}

function changedSincePlan(where: string, what: string): HaError {
  return new HaError(`${where} ${what} after the plan was made; nothing was written to it.`, {
    failureClass: "zos-failure",
    details: [`Plan again to see its current content and what would change.`],
  });
}

/** z/OSMF gave no ETag: accept only if the text is still what the plan read. */
async function etagWhenUnchanged(where: string, observed: Observed, reread: () => Promise<Observed>): Promise<string> {
  const now = await reread();
  if (now.text === null || !sameRecords(now.text, observed.text ?? "")) throw changedSincePlan(where, "was changed or deleted");
  if (!now.etag) {
    throw new HaError(`z/OSMF returns no ETag for ${where}, so it cannot be written safely; nothing was written.`, {
      failureClass: "tool-failure",
    });
  }
  return now.etag;
}

/** Member name in the backup PDS: stable for one run and target, so a retry finds its own copy. */
export function backupMemberName(runToken: string, dsn: string, member: string, attempt = 0): string {
  const digest = createHash("sha256").update(`${runToken}\0${dsn}\0${member}\0${attempt}`).digest();
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
  let name = "B";
  for (let i = 0; i < 7; i++) name += alphabet[digest[i]! % alphabet.length];
  return name;
}

async function copyToBackupDataset(o: SafeWriteMember): Promise<string> {
  const original = o.observed.text ?? "";
  const long = original.split(/\r?\n/).findIndex((l) => l.length > 80);
  if (long >= 0) {
    throw new HaError(
      `${o.dsn}(${o.member}) line ${long + 1} is longer than 80 characters and cannot be copied to ${o.backupDsn}; nothing was written.`,
      {
        failureClass: "zos-failure",
      },
    );
  }
  // The plan creates the backup library as a change of its own; one that vanished since is not
  // created behind the user's back. The look for this run's copy goes beside that check.
  const first = firstStagedLook(o, "B");
  if (!(await datasetExists(o.client, o.backupDsn))) {
    throw new HaError(
      `The backup library ${o.backupDsn} does not exist, so the original of ${o.dsn}(${o.member}) cannot be kept; nothing was written.`,
      {
        failureClass: "zos-failure",
        details: ["Plan again: a plan creates a missing backup library (datasets.backup) before any member is changed."],
      },
    );
  }
  return stageInBackupDataset(o, original, "B", first);
}

/** The copy's first name looked up early (only a GET); a failure shows where it is awaited, or nowhere when the library is missing. */
function firstStagedLook(o: SafeWriteMember, prefix: "B" | "N"): Promise<Observed> {
  const look = readMember(o.client, o.backupDsn, prefix + backupMemberName(o.runToken, o.dsn, o.member, 0).slice(1));
  look.catch(() => undefined);
  return look;
}

/** Keeps `text` in the backup library under a name of this run and target ("B" originals, "N" new members). */
async function stageInBackupDataset(o: SafeWriteMember, text: string, prefix: "B" | "N", first: Promise<Observed>): Promise<string> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const name = prefix + backupMemberName(o.runToken, o.dsn, o.member, attempt).slice(1);
    const existing = attempt === 0 ? await first : await readMember(o.client, o.backupDsn, name);
    if (existing.text !== null) {
      if (sameRecords(existing.text, text)) return `${o.backupDsn}(${name})`;
      continue;
    }
    await o.client.files.write(o.backupDsn, name, text);
    return `${o.backupDsn}(${name})`;
  }
  throw new HaError(`No free member name for the copy of ${o.dsn}(${o.member}) in ${o.backupDsn}; nothing was written.`, {
    failureClass: "tool-failure",
  });
}
