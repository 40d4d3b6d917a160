/** The value at a key path of a parsed YAML document; undefined where a step is not a mapping. */
export const at = (v: unknown, ...keys: string[]): unknown =>
  keys.reduce<unknown>(
    (o, k) => (o !== null && typeof o === "object" && !Array.isArray(o) ? (o as Record<string, unknown>)[k] : undefined),
    v,
  );
