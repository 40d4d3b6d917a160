import { hostname } from "node:os";
import { HaError } from "../errors";
import { sleep, ZosmfError, type DatasetAttributes, type ZosmfClient } from "../zosmf";
import { shellWord } from "./next-commands";
import { pluginVersion } from "../package-info";

/**
 * One run at a time per sysplex, whoever starts it: the lock is the sequential data set
 * `<datasets.backup>.LOCK`, created only when absent. Allocation is what makes it atomic:
 * z/OSMF refuses to create a data set that already exists (HTTP 500, rc -26868 "Dynamic
 * allocation Error", zosmf-facts §2.3), so of two runs creating it at once exactly one
 * succeeds, on every system that shares the catalog. Its one record names the holder.
 */
export interface LockHolder {
  readonly runId: string;
  /** The z/OS user the run works as, when the connection names one. */
  readonly user: string | null;
  readonly host: string;
  /** ISO time the lock was taken. */
  readonly since: string;
  /** What holds it: "provision" or "rollback". */
  readonly command: string;
  readonly version: string;
}

/** What the lock data set says now. */
export type LockState =
  | { readonly kind: "free" }
  | { readonly kind: "held"; readonly holder: LockHolder }
  /** It exists but its content is not a holder this plug-in wrote (or not yet written). */
  | { readonly kind: "unknown"; readonly lines: readonly string[] };

/** Where the lock lives and how the hints name the topology. */
export interface LockPlace {
  readonly sysplex: string;
  readonly dsn: string;
  readonly topologyFile: string;
}

export interface HeldLock {
  readonly holder: LockHolder;
  /** Deletes the lock if it still names this run; a text to show when it could not. */
  release(): Promise<string | undefined>;
}

// One variable record of JSON: escaped by JSON itself, so no value can forge a field.
const ALLOCATION: DatasetAttributes = { dsorg: "PS", alcunit: "TRK", primary: 1, secondary: 1, recfm: "VB", lrecl: 1024, blksize: 27998 };
const FIELD_MAX = 200;

export function lockDsnOf(backupDsn: string): string {
  return `${backupDsn}.LOCK`;
}

/** How a run of `command` takes the lock of the topology's sysplex through its own connection. */
export function runLock(
  client: () => ZosmfClient,
  command: string,
  topology: { readonly sysplex: string; readonly datasets: { readonly backup: string } },
  o: { readonly topologyFile: string; readonly connection: { readonly user?: string } },
): (runId: string) => Promise<HeldLock> {
  const place = { sysplex: topology.sysplex, dsn: lockDsnOf(topology.datasets.backup), topologyFile: o.topologyFile };
  return (runId) => takeLock(client(), place, holderFor(runId, command, o.connection.user));
}

/** The holder this process would write. */
export function holderFor(runId: string, command: string, user: string | undefined): LockHolder {
  return {
    runId,
    user: user ? user.toUpperCase() : null,
    host: hostname().slice(0, FIELD_MAX),
    since: new Date().toISOString(),
    command,
    version: pluginVersion(),
  };
}

export async function readLock(client: ZosmfClient, dsn: string): Promise<LockState> {
  let text: string;
  try {
    text = (await client.files.readSequential(dsn)).text;
  } catch (err) {
    if (err instanceof ZosmfError && err.kind === "not-found") return { kind: "free" };
    throw err;
  }
  const holder = parseHolder(text);
  return holder
    ? { kind: "held", holder }
    : {
        kind: "unknown",
        lines: text
          .split(/\r?\n/)
          .filter((l) => l.trim() !== "")
          .slice(0, 5),
      };
}

/**
 * Takes the lock for this run, or refuses (exit 2) naming who holds it. Nothing is changed on
 * z/OS before this succeeds; a lock that exists but cannot be read is still a refusal.
 */
export async function takeLock(client: ZosmfClient, place: LockPlace, holder: LockHolder): Promise<HeldLock> {
  try {
    await client.files.createDataset(place.dsn, ALLOCATION);
  } catch (err) {
    const now = await holderOnceWritten(client, place.dsn);
    if (now.kind !== "free") throw lockedBy(place, now);
    // Absent after a failed create: the cause was not "exists" (space, authority, a bad name).
    throw new HaError(`Could not take the lock of sysplex ${place.sysplex} (create ${place.dsn}); nothing was changed.`, {
      failureClass: err instanceof HaError ? err.failureClass : "tool-failure",
      details: [err instanceof Error ? err.message : String(err)],
      cause: err,
    });
  }
  try {
    await client.files.writeSequential(place.dsn, JSON.stringify(holder));
  } catch (err) {
    // Created by this run a moment ago, so it is ours to delete.
    await client.files.deleteDataset(place.dsn).catch(() => undefined);
    throw new HaError(`Could not record the holder in the lock ${place.dsn}; nothing was changed.`, {
      failureClass: "tool-failure",
      details: [err instanceof Error ? err.message : String(err)],
      cause: err,
    });
  }
  return { holder, release: () => releaseLock(client, place, holder.runId) };
}

/**
 * The winner creates the lock, then writes its holder: a lock read in between is empty. A few
 * short looks let the refusal name the holder; one still empty stays an unknown holder.
 */
async function holderOnceWritten(client: ZosmfClient, dsn: string): Promise<LockState> {
  let now = await readLock(client, dsn);
  for (let look = 0; look < 4 && now.kind === "unknown" && now.lines.length === 0; look++) {
    await sleep(250);
    now = await readLock(client, dsn);
  }
  return now;
}

/** Deletes the lock only when it names this run: a lock this run does not hold is never removed. */
async function releaseLock(client: ZosmfClient, place: LockPlace, runId: string): Promise<string | undefined> {
  try {
    const now = await readLock(client, place.dsn);
    if (now.kind === "free") return `the lock ${place.dsn} of run ${runId} was already gone at the end of the run`;
    if (now.kind !== "held" || now.holder.runId !== runId) {
      return `the lock ${place.dsn} no longer names run ${runId}, so it was left as it is`;
    }
    await client.files.deleteDataset(place.dsn);
    return undefined;
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    return `the lock ${place.dsn} of run ${runId} could not be removed (${why}); remove it with: ${unlockCommand(place, runId)}`;
  }
}

export function unlockCommand(place: Pick<LockPlace, "topologyFile">, runId?: string): string {
  return `zowe ha unlock -t ${shellWord(place.topologyFile)} ${runId === undefined ? "--force" : `--run ${shellWord(runId)}`}`;
}

/** "SYSPLEX X is locked by …", the refusal of a run that found the lock taken. */
export function lockedBy(place: LockPlace, state: Exclude<LockState, { kind: "free" }>): HaError {
  if (state.kind === "unknown") {
    return new HaError(
      `SYSPLEX ${place.sysplex} is locked by an unknown holder: ${place.dsn} exists but does not say which run holds it; nothing was changed.`,
      {
        failureClass: "zos-failure",
        details: [
          ...state.lines.map((l) => `${place.dsn}: ${l.slice(0, FIELD_MAX)}`),
          `If no run of this plug-in is working on the sysplex: ${unlockCommand(place)}`,
        ],
      },
    );
  }
  return new HaError(`SYSPLEX ${place.sysplex} is locked by ${describeHolder(state.holder)}; nothing was changed.`, {
    failureClass: "zos-failure",
    details: [`If that run is gone: ${unlockCommand(place, state.holder.runId)}`],
  });
}

/** "run X of USER on host H since T (provision, zowe-ha 0.1.0)". */
export function describeHolder(h: LockHolder): string {
  return `run ${h.runId} of ${h.user ?? "an unnamed user"} on host ${h.host} since ${h.since} (${h.command}, zowe-ha ${h.version})`;
}

function parseHolder(text: string): LockHolder | undefined {
  let data: unknown;
  try {
    data = JSON.parse(text.trim());
  } catch {
    return undefined;
  }
  if (typeof data !== "object" || data === null) return undefined;
  const o = data as Record<string, unknown>;
  // Shown to people only; control characters from a hand-edited lock are not passed on.
  const str = (k: string) =>
    typeof o[k] === "string" && o[k] !== "" ? (o[k] as string).replace(/[\u0000-\u001f\u007f]/g, "?").slice(0, FIELD_MAX) : undefined;
  const runId = str("runId");
  if (!runId) return undefined;
  return {
    runId,
    user: str("user") ?? null,
    host: str("host") ?? "?",
    since: str("since") ?? "?",
    command: str("command") ?? "?",
    version: str("version") ?? "?",
  };
}
