import { createHash } from "node:crypto";
import type { ObservedRead } from "../engine/types";
import { ZosmfError, type ZosmfClient } from "../zosmf";

/** The members and files one step read while planning. */
export interface ReadNotes {
  /** The client with its member and file reads noted; every other request passes as it is. */
  wrap(client: ZosmfClient): ZosmfClient;
  /** The reads so far, one per target (its last read), sorted by target; nothing is noted after. */
  seal(): ObservedRead[];
}

/**
 * Notes which members and files a step's changes are based on (their ETag and content hash)
 * while it plans, without every planner listing them. The same requests leave and the same
 * answers come back; only the notes are added.
 */
export function readNotes(): ReadNotes {
  const notes = new Map<string, ObservedRead>();
  let sealed = false;
  const note = (target: string, text: string | null, etag: string | null | undefined) => {
    if (sealed) return;
    const sha256 = text === null ? null : createHash("sha256").update(text, "utf8").digest("hex");
    notes.set(target, { target, etag: etag ?? null, sha256 });
  };
  const noted = async <T extends { text: string; etag?: string | null }>(target: string, read: () => Promise<T>): Promise<T> => {
    try {
      const found = await read();
      note(target, found.text, found.etag);
      return found;
    } catch (err) {
      // Absence is a state a plan is based on too (the member is to be created).
      if (err instanceof ZosmfError && err.kind === "not-found") note(target, null, null);
      throw err;
    }
  };
  return {
    wrap: (client) => ({
      ...client,
      files: {
        ...client.files,
        read: (dsn, member) => noted(member === undefined ? dsn : `${dsn}(${member})`, () => client.files.read(dsn, member)),
        readUss: (path) => noted(path, () => client.files.readUss(path)),
      },
    }),
    seal: () => {
      sealed = true;
      return [...notes.values()].sort((a, b) => (a.target < b.target ? -1 : a.target > b.target ? 1 : 0));
    },
  };
}
