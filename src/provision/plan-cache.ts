import type { ZosmfClient } from "../zosmf";

/** Reads of one plan, each sent to z/OS once per connection however many steps look at it. */
export interface PlanReadCache {
  /** The client with its reads shared across the plan's steps; writes and commands pass as they are. */
  wrap(client: ZosmfClient): ZosmfClient;
  /**
   * Ends the sharing: from here every read goes to z/OS again. Called when the plan is made, so
   * an apply (which re-reads what it writes, and runs after our own writes) never sees a plan-time answer.
   */
  close(): void;
}

/**
 * Planning only reads, under the sysplex lock, within a second or so: two steps that read the
 * same member (each system's IZUPRMxx step reads the IZUPRM00 sample, the mount and autostart
 * steps both read IEASYSxx) are based on the same answer, so it is asked for once. A failed read
 * (a member that is not there) is shared too: absence is an answer like any other.
 */
export function planReadCache(): PlanReadCache {
  const byClient = new Map<ZosmfClient, Map<string, Promise<unknown>>>();
  let open = true;
  const once = <T>(client: ZosmfClient, key: string, read: () => Promise<T>): Promise<T> => {
    if (!open) return read();
    let reads = byClient.get(client);
    if (!reads) byClient.set(client, (reads = new Map()));
    let found = reads.get(key) as Promise<T> | undefined;
    if (!found) reads.set(key, (found = read()));
    return found;
  };
  // Lists are copied per caller: one step sorting its list must not reorder another's.
  const list = <T>(answer: Promise<readonly T[]>): Promise<T[]> => answer.then((items) => [...items]);
  return {
    wrap: (client) => {
      const files = client.files;
      return {
        ...client,
        files: {
          ...files,
          read: (dsn, member) => once(client, JSON.stringify(["read", dsn, member]), () => files.read(dsn, member)),
          readSequential: (dsn) => once(client, JSON.stringify(["read", dsn, undefined]), () => files.readSequential(dsn)),
          readUss: (path) => once(client, JSON.stringify(["uss", path]), () => files.readUss(path)),
          listDatasets: (level, o = {}) =>
            list(once(client, JSON.stringify(["datasets", level, o.attributes === true]), () => files.listDatasets(level, o))),
          listMembers: (dsn, o = {}) => list(once(client, JSON.stringify(["members", dsn, o.pattern]), () => files.listMembers(dsn, o))),
          listMounts: (o = {}) => list(once(client, JSON.stringify(["mounts", o.path, o.fsname]), () => files.listMounts(o))),
        },
      };
    },
    close: () => {
      open = false;
      byClient.clear();
    },
  };
}
