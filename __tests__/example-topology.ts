/**
 * The shipped examples with or without the fields that make the set-up survive an IPL
 * (systems[].tcpip.profile and systems[].ipl). The examples set them for every system; a test
 * about a site that has not named its IPL-time members takes them out here, as data, so no
 * test edits YAML text by hand and none breaks when an example's layout changes.
 */
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { isMap, isSeq, parseDocument } from "yaml";

export type ExampleName = "two-system.yaml" | "three-system-all.yaml";
export type PersistenceField = "tcpip.profile" | "ipl";

export const EXAMPLES = path.join(__dirname, "../examples");

/** The example's text, as shipped: every system names its profile and IPL-time members. */
export function exampleText(name: ExampleName = "two-system.yaml"): string {
  return readFileSync(path.join(EXAMPLES, name), "utf8");
}

/**
 * The topology text without the persistence fields: every system's unless `systems` names some,
 * both fields unless `fields` names one. Comments and layout of everything else are kept.
 */
export function withoutPersistence(text: string, opts: { systems?: readonly string[]; fields?: readonly PersistenceField[] } = {}): string {
  const doc = parseDocument(text);
  const systems = doc.get("systems");
  if (!isSeq(systems)) throw new Error("the topology has no systems list");
  const fields = opts.fields ?? ["tcpip.profile", "ipl"];
  for (const system of systems.items) {
    if (!isMap(system)) continue;
    if (opts.systems && !opts.systems.includes(String(system.get("name")))) continue;
    for (const field of fields) {
      const at = field.split(".");
      if (!system.hasIn(at)) throw new Error(`${String(system.get("name"))} has no ${field} to take out`);
      system.deleteIn(at);
    }
  }
  // No folding: a flow map stays on one line, as the example writes it.
  return doc.toString({ lineWidth: 0 });
}

/** The example's text without the persistence fields (see withoutPersistence). */
export function exampleWithoutPersistence(
  name: ExampleName = "two-system.yaml",
  opts: Parameters<typeof withoutPersistence>[1] = {},
): string {
  return withoutPersistence(exampleText(name), opts);
}
