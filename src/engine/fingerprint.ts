import { createHash } from "node:crypto";

/** A value a fingerprint can be taken of: plain data, as in a topology or a workflow file. */
export type FingerprintValue =
  string | number | boolean | null | undefined | readonly FingerprintValue[] | { readonly [key: string]: FingerprintValue };

/**
 * sha256 (hex) of a step's id and inputs, the same for the same inputs whatever order their
 * keys come in. A later plan compares it with the last successful run's to say whether a
 * step's inputs changed since, from data and never from a plan's text.
 */
export function fingerprintOf(stepId: string, inputs: FingerprintValue): string {
  return createHash("sha256")
    .update(canonical([stepId, inputs]), "utf8")
    .digest("hex");
}

/** JSON with object keys sorted and undefined members left out. */
function canonical(value: FingerprintValue): string {
  if (value === undefined || value === null) return "null";
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (typeof value === "object") {
    const entries = Object.entries(value as { readonly [key: string]: FingerprintValue })
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}
