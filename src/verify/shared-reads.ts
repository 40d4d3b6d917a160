/**
 * One verify reads a member or the mount table once per connection, however many systems or
 * checks ask: IEASYS00 and the included profile members are the same for every system, and the
 * mount table of a shared file system shows every system's mounts. GETs only, so a second
 * answer within one verify could not differ in anything the checks look at.
 */
import type { Connection } from "../topology";
import type { FileContent, MountedFileSystem } from "../zosmf";
import type { VerifyClient } from "./types";

function once<T>(cache: Map<string, Promise<T>>, key: string, run: () => Promise<T>): Promise<T> {
  let p = cache.get(key);
  if (p === undefined) {
    p = run();
    cache.set(key, p);
  }
  return p;
}

/** What `GET mfs?path=` answers: the file system whose mount point is the longest prefix of the path. */
export function mountContaining(mounts: readonly MountedFileSystem[], path: string): MountedFileSystem[] {
  const dir = path.replace(/\/+$/, "") || "/";
  const holding = mounts.filter((m) => {
    const at = m.mountpoint.replace(/\/+$/, "") || "/";
    return at === "/" || dir === at || dir.startsWith(`${at}/`);
  });
  holding.sort((a, b) => b.mountpoint.length - a.mountpoint.length);
  return holding.slice(0, 1);
}

function sharing(client: VerifyClient, oneMountTable: boolean): VerifyClient {
  const members = new Map<string, Promise<FileContent>>();
  const tables = new Map<string, Promise<MountedFileSystem[]>>();
  const files = client.files;
  return {
    ...client,
    files: {
      ...files,
      read: (dsn, member) => once(members, `${dsn}(${member ?? ""})`.toUpperCase(), () => files.read(dsn, member)),
      listMounts: async (options = {}) => {
        if (!oneMountTable || options.path === undefined || options.fsname !== undefined) return files.listMounts(options);
        return mountContaining(await once(tables, "all", () => files.listMounts()), options.path);
      },
    },
  };
}

/** Wraps the caller's clients so that reads shared by systems and checks are made once; `oneMountTable`: one unfiltered mount list. */
export function sharedReads(
  clientFor: (c: Connection) => Promise<VerifyClient>,
  oneMountTable: boolean,
): (c: Connection) => Promise<VerifyClient> {
  const clients = new Map<string, Promise<VerifyClient>>();
  return (connection) => once(clients, JSON.stringify(connection), () => clientFor(connection).then((c) => sharing(c, oneMountTable)));
}
