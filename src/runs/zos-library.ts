import { createHash } from "node:crypto";
import { asRunRecord, type RunRecordData } from "../engine/run-record";
import { HaError } from "../errors";
import { datasetExists, readMember } from "../provision/ops/read-current";
import { ZosmfError, type ZosmfClient } from "../zosmf";
import { fromRecordLines, toRecordLines } from "./record-lines";
import { entryOf, isRunEntry, type RunEntry } from "./run-entry";

/** The member that lists every run in the library, so a list reads one member. */
const INDEX = "INDEX";
/** A conflicting index update (another admin's run ended at the same time) is read and merged again. */
const INDEX_ATTEMPTS = 5;

/**
 * The run records on z/OS: a PDSE named after the backup library (`<backup>.RUNS`), one
 * member per run and an index member. Beside the backups, under the same high-level
 * qualifiers, so whoever may read the backups may read what they are; a library of its
 * own, so rewriting records never takes room the backups need (a PDS does not reuse the
 * space of a rewritten member, a PDSE does).
 */
export class ZosRunLibrary {
  readonly dsn: string;

  constructor(
    private readonly client: ZosmfClient,
    backupDsn: string,
    private readonly volume?: string,
  ) {
    this.dsn = `${backupDsn.toUpperCase()}.RUNS`;
  }

  /**
   * The index as this run last read or wrote it, while its ETag guards a write without reading it
   * again; without an ETag only in a library this run has just created (whose index is empty).
   */
  private lastIndex: { entries: RunEntry[]; etag?: string } | undefined;
  /** Whether the library existed when read ahead; undefined: not known. */
  private existed: boolean | undefined;
  private looked: Promise<void> | undefined;

  /** Reads ahead whether the library exists and its index (both at once), for the first write. */
  prepare(): void {
    assertRunLibraryName(this.dsn);
    this.looked ??= Promise.all([datasetExists(this.client, this.dsn), this.readIndex()]).then(
      ([exists, index]) => {
        this.existed = exists;
        if (exists && index.etag) this.lastIndex = { entries: index.entries, etag: index.etag };
      },
      // What could not be read ahead is read again when written.
      () => undefined,
    );
  }

  /** Writes the whole record, creating the library first if needed; returns `DSN(MEMBER)`, and whether the library was created. */
  async write(data: RunRecordData): Promise<{ where: string; created: boolean }> {
    assertRunLibraryName(this.dsn);
    await this.looked;
    const created = await this.ensure();
    const member = runMemberName(data.runId);
    await this.client.files.write(this.dsn, member, toRecordLines(data));
    return { where: `${this.dsn}(${member})`, created };
  }

  /** The record of a run, or undefined when the library has none. */
  async read(runId: string): Promise<RunRecordData | undefined> {
    assertRunLibraryName(this.dsn);
    const member = runMemberName(runId);
    const found = await readMember(this.client, this.dsn, member);
    if (found.text === null) return undefined;
    const data = parseOrRefuse(`${this.dsn}(${member})`, () => asRunRecord(fromRecordLines(found.text!)));
    if (data.runId !== runId) throw unreadable(`${this.dsn}(${member})`, `it holds run ${data.runId}, not ${runId}`);
    return data;
  }

  /** Every run listed in the index; none when the library or the index does not exist yet. */
  async entries(): Promise<RunEntry[]> {
    return (await this.readIndex()).entries;
  }

  /** Puts the run's line into the index, re-reading and merging when another run changed it meanwhile. */
  async index(data: RunRecordData): Promise<void> {
    const entry = entryOf(data);
    await this.looked;
    for (let attempt = 1; ; attempt++) {
      // The index this run saw last, while its ETag still guards the write: a change by anyone else meanwhile fails it, and it is read again.
      const known = attempt === 1 ? this.lastIndex : undefined;
      this.lastIndex = undefined;
      const { entries, etag } = known ?? (await this.readIndex());
      const next = [...entries.filter((e) => e.runId !== entry.runId), entry].sort((a, b) => a.runId.localeCompare(b.runId));
      if (!etag) {
        // No index seen: created only if still absent; one created meanwhile is read and merged.
        if (await this.createIndex(data.runId, next)) return;
        if (attempt >= INDEX_ATTEMPTS) throw unguarded(`${this.dsn}(${INDEX})`);
        continue;
      }
      try {
        const written = await this.client.files.write(this.dsn, INDEX, toRecordLines(next), { ifMatch: etag });
        if (written.etag) this.lastIndex = { entries: next, etag: written.etag };
        return;
      } catch (err) {
        if (!(err instanceof ZosmfError && err.kind === "conflict") || attempt >= INDEX_ATTEMPTS) throw err;
      }
    }
  }

  /**
   * The first index, created only if it is still absent: there is no ETag to guard it, and a PUT
   * would replace an index another run created meanwhile. So it is staged under this run's own
   * name and copied to INDEX without replace (the create-if-absent path of member writes, see
   * safe-write.ts): an index there now fails the copy (false), so it is read and merged.
   * The staging member goes in any case.
   */
  private async createIndex(runId: string, entries: RunEntry[]): Promise<boolean> {
    const staged = stagingMemberName(runId);
    await this.client.files.write(this.dsn, staged, toRecordLines(entries));
    try {
      await this.client.files.copyMember({ from: { dsn: this.dsn, member: staged }, to: { dsn: this.dsn, member: INDEX }, replace: false });
      return true;
    } catch (err) {
      // Whatever the answer said: an index there now was not made by this copy's success.
      if ((await readMember(this.client, this.dsn, INDEX)).text !== null) return false;
      throw err;
    } finally {
      await this.client.files.deleteMember(this.dsn, staged).catch(() => undefined);
    }
  }

  private async readIndex(): Promise<{ entries: RunEntry[]; etag?: string }> {
    assertRunLibraryName(this.dsn);
    const found = await readMember(this.client, this.dsn, INDEX);
    if (found.text === null) return { entries: [] };
    const where = `${this.dsn}(${INDEX})`;
    const json = parseOrRefuse(where, () => fromRecordLines(found.text!));
    if (!Array.isArray(json) || !json.every(isRunEntry)) throw unreadable(where, "it is not a list of runs");
    return { entries: json, ...(found.etag ? { etag: found.etag } : {}) };
  }

  /** The library as a PDSE of 80-byte records, created when missing; true when this call created it. */
  private async ensure(): Promise<boolean> {
    if (this.ensured) return false;
    const exists = this.existed ?? (await datasetExists(this.client, this.dsn));
    // What was read ahead counts once: after a failed create, the next write looks again.
    this.existed = undefined;
    if (!exists) {
      await this.client.files.createDataset(this.dsn, {
        dsorg: "PO",
        dsntype: "LIBRARY",
        recfm: "FB",
        lrecl: 80,
        blksize: 27920,
        alcunit: "TRK",
        primary: 15,
        secondary: 30,
        dirblk: 5,
        ...(this.volume ? { volser: this.volume } : {}),
      });
    }
    this.ensured = true;
    // A library this run created has no index yet: the first one is written without reading.
    if (!exists) this.lastIndex = { entries: [] };
    return !exists;
  }
  private ensured = false;
}

/** `<backup>.RUNS` is refused when it is no longer a data set name (over 44 characters). */
function assertRunLibraryName(dsn: string): void {
  if (dsn.length > 44) {
    throw new HaError(`The run record library ${dsn} would be longer than 44 characters; datasets.backup needs a shorter name.`, {
      failureClass: "invalid-input",
    });
  }
}

/** R + 7 characters of the run id's hash: a valid member name, the same on every machine. */
export function runMemberName(runId: string): string {
  const digest = createHash("sha256").update(runId, "utf8").digest();
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
  let name = "R";
  for (let i = 0; i < 7; i++) name += alphabet[digest[i]! % alphabet.length];
  return name;
}

/** N + the same 7 characters: where this run stages the first index, never another run's name. */
function stagingMemberName(runId: string): string {
  return `N${runMemberName(runId).slice(1)}`;
}

function parseOrRefuse<T>(where: string, parse: () => T): T {
  try {
    return parse();
  } catch (err) {
    throw unreadable(where, (err as Error).message);
  }
}

function unguarded(where: string): HaError {
  return new HaError(`The run index ${where} exists but z/OSMF gives no ETag to guard a write: this run's line was not added.`, {
    failureClass: "zos-failure",
  });
}

function unreadable(where: string, why: string): HaError {
  return new HaError(`The run record ${where} cannot be read: ${why}.`, { failureClass: "zos-failure" });
}
