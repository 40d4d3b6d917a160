/** A value zowe.yaml holds for a setting: a scalar or a list of texts. */
export type ZoweYamlValue = string | number | boolean | readonly string[];

/** How verify reads a setting back: which check it belongs to and the words its mismatch is told in. */
export interface SettingCheck {
  /** The verify check id the setting is judged under; settings with the same id form one check. */
  readonly id: string;
  readonly title: string;
  /** What the value is, in words: "key length". */
  readonly label: string;
  /** Who holds the value the setting must match: "the cluster HA.CACHE"; default the topology field. */
  readonly from?: string;
  /** The system the setting belongs to (an HA instance's), when it is one system's. */
  readonly system?: string;
}

/**
 * One zowe.yaml key the plug-in sets: where (every key from the document's root), to what,
 * and the topology field the value comes from (a refused value is named by it). Every
 * section's settings are one list of these; the edit writes them and verify reads them back.
 */
export interface ZoweYamlSetting {
  readonly path: readonly string[];
  readonly value: ZoweYamlValue;
  readonly field: string;
  readonly check?: SettingCheck;
}

/** The value at `path` of a parsed zowe.yaml (plain JavaScript), or undefined. */
export function valueAt(doc: unknown, path: readonly string[]): unknown {
  let v = doc;
  for (const key of path) v = v !== null && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>)[key] : undefined;
  return v;
}

/** Whether zowe.yaml's value is the setting's: scalars as text, case ignored (host names, `true`, `64` and `"64"` alike). */
export function sameValue(shown: unknown, wanted: ZoweYamlValue): boolean {
  if (Array.isArray(wanted)) {
    return Array.isArray(shown) && shown.length === wanted.length && wanted.every((w, i) => sameValue(shown[i], w as string));
  }
  if (typeof shown !== "string" && typeof shown !== "number" && typeof shown !== "boolean") return false;
  return String(shown).toLowerCase() === String(wanted).toLowerCase();
}

/** A value as a mismatch tells it. */
export function shownValue(value: unknown): string {
  if (value === undefined || value === null) return "(not set)";
  if (Array.isArray(value)) return value.map(String).join(", ");
  return typeof value === "object" ? "(a mapping)" : String(value);
}
