/*
 * What a command adds to its result for `--rfj`, apart from the schemas that describe it
 * (./result-schemas.ts): commands stamp their data without building those definitions.
 */

/** Raised when a field is removed or renamed or a meaning changes (see ./result-schemas.ts). */
export const RESULT_SCHEMA_VERSION = 1 as const;

/** A command's result as `--rfj` gives it: the result with its schema version first. */
export function rfjData<T extends object>(result: T): { schemaVersion: typeof RESULT_SCHEMA_VERSION } & T {
  return { schemaVersion: RESULT_SCHEMA_VERSION, ...result };
}
