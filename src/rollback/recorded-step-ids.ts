/**
 * Step-id prefixes that runs wrote before each feature took the name of its topology key (`portSharing` is
 * `port-sharing` everywhere). A run record keeps the ids it was written with, and rollback must read a record
 * from before the rename as it reads a new one, so an old prefix is read as the current one.
 */
const RENAMED_PREFIXES: readonly (readonly [recorded: string, current: string])[] = [
  ["caching/", "caching-service/"],
  ["ports/", "port-sharing/"],
  ["services/", "distributed-services/"],
];

/** The id that a step recorded as `recorded` has today. */
export function currentStepId(recorded: string): string {
  for (const [old, current] of RENAMED_PREFIXES) {
    if (recorded.startsWith(old)) return current + recorded.slice(old.length);
  }
  return recorded;
}
