/**
 * A run that is not a dry run takes the sysplex lock before it looks at z/OS and removes it at
 * its end, whatever the outcome; a plan refused after that has sent these writes and no other.
 */
export function lockWrites(backup = "HA.BACKUP"): string[] {
  const lock = `/zosmf/restfiles/ds/${backup}.LOCK`;
  return [`ds.create ${lock}`, `ds.write ${lock}`, `ds.delete ${lock}`];
}

/** The request log's writes as `kind target`, for comparing with `lockWrites()`. */
export function writeLines(writes: readonly { readonly kind: string; readonly target: string }[]): string[] {
  return writes.map((w) => `${w.kind} ${w.target}`);
}
