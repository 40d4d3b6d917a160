import { HaError } from "../errors";
import { createZosmfClient, type ZosmfClientOptions, type ZosmfConnection } from "../zosmf";
import { describeHolder, lockDsnOf, lockedBy, readLock, unlockCommand, type LockHolder, type LockPlace } from "./sysplex-lock";
import { loadTopologyFile } from "./topology-file";

export interface UnlockOptions {
  readonly topologyFile: string;
  readonly connection: ZosmfConnection;
  /** The run id the lock must name: the confirmation, since a pipeline cannot answer a prompt. */
  readonly run?: string;
  /** Remove a lock whose holder cannot be read (it names no run to confirm). @default false */
  readonly force?: boolean;
  readonly log?: ZosmfClientOptions["log"];
  readonly onRequest?: ZosmfClientOptions["onRequest"];
}

export interface UnlockResult {
  readonly sysplex: string;
  readonly dsn: string;
  /** Who held the lock (null when it was free or could not be read). */
  readonly holder: LockHolder | null;
  readonly removed: boolean;
  readonly text: string;
}

/**
 * Removes the sysplex lock left by a run that is gone (killed, its machine lost). It shows the
 * holder and removes the lock only when --run names that holder exactly; --force is only for a
 * lock whose content names no run. Between the read and the delete another run could release
 * and take the lock again; z/OSMF has no conditional delete, so that short window remains.
 */
export async function unlock(options: UnlockOptions): Promise<UnlockResult> {
  if (options.run === undefined && options.force !== true) {
    throw new HaError("--run is required: the id of the run that holds the lock, as the refused run showed it.", {
      failureClass: "invalid-input",
      details: ["Run `zowe ha unlock` with the topology alone and --force only when the lock names no run at all."],
    });
  }
  const { topology } = await loadTopologyFile(options.topologyFile);
  const place: LockPlace = { sysplex: topology.sysplex, dsn: lockDsnOf(topology.datasets.backup), topologyFile: options.topologyFile };
  const client = createZosmfClient(options.connection, { onRequest: options.onRequest, log: options.log });
  try {
    const state = await readLock(client, place.dsn);
    const base = { sysplex: place.sysplex, dsn: place.dsn };
    if (state.kind === "free") {
      return {
        ...base,
        holder: null,
        removed: false,
        text: `SYSPLEX ${place.sysplex} is not locked (${place.dsn} does not exist); nothing was removed.`,
      };
    }
    if (state.kind === "held" && state.holder.runId !== options.run) {
      throw new HaError(
        `SYSPLEX ${place.sysplex} is locked by ${describeHolder(state.holder)}; --run ${options.run ?? "(not given)"} does not name it, so the lock was left as it is.`,
        { failureClass: "zos-failure", details: [`If that run is gone: ${unlockCommand(place, state.holder.runId)}`] },
      );
    }
    if (state.kind === "unknown" && options.force !== true) throw lockedBy(place, state);
    await client.files.deleteDataset(place.dsn);
    const holder = state.kind === "held" ? state.holder : null;
    const who = holder ? describeHolder(holder) : "an unknown holder";
    return { ...base, holder, removed: true, text: `Removed the lock of SYSPLEX ${place.sysplex} (${place.dsn}), held by ${who}.` };
  } finally {
    await client.close();
  }
}
