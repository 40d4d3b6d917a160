import { Document, isMap, isScalar, parseDocument, YAMLMap, type Pair } from "yaml";
import { HaError } from "../../errors";

const STORAGE = ["components", "caching-service", "storage"] as const;

/** One key under `components.caching-service.storage` and the value it must have. */
export interface StorageSetting {
  readonly path: readonly string[];
  readonly value: string | number | boolean | readonly string[];
}

/**
 * Sets keys of the Caching Service's storage block. Only that block's text is rewritten;
 * every byte before and after it (other keys, comments, quoting, blank lines) is kept as it
 * was. Comments inside the block stay with their keys.
 */
export function editCachingStorage(text: string, settings: readonly StorageSetting[]): string {
  const doc = parseDocument(text, { keepSourceTokens: true });
  if (doc.errors.length) {
    throw new HaError(`zowe.yaml is not valid YAML: ${doc.errors[0]!.message}`, {
      failureClass: "zos-failure",
      details: doc.errors.map((e) => e.message),
    });
  }
  let changed = false;
  for (const s of settings) {
    const path = [...STORAGE, ...s.path];
    const now = doc.getIn(path);
    const wanted = Array.isArray(s.value) ? [...s.value] : s.value;
    if (JSON.stringify(toPlain(now)) === JSON.stringify(wanted)) continue;
    doc.setIn(path, wanted);
    changed = true;
  }
  if (!changed) return text;

  const original = parseDocument(text);
  const service = original.getIn(["components", "caching-service"], true);
  const pair = isMap(service) ? (service.items.find((p) => isScalar(p.key) && p.key.value === "storage") as Pair | undefined) : undefined;
  const edited = doc.getIn(["components", "caching-service"], true);
  const newPair = isMap(edited) ? (edited.items.find((p) => isScalar(p.key) && p.key.value === "storage") as Pair | undefined) : undefined;
  const keyRange = pair && isScalar(pair.key) ? pair.key.range : undefined;
  const valueRange = pair && pair.value && isMap(pair.value) && !pair.value.flow ? pair.value.range : undefined;
  if (!keyRange || !valueRange || !newPair) {
    // No block to splice into (absent, or written in flow style): the document is written whole.
    return readsBack(doc.toString({ lineWidth: 0 }), settings);
  }
  const start = keyRange[0];
  const end = valueRange[2];
  const column = start - (text.lastIndexOf("\n", start - 1) + 1);
  const mini = new Document();
  const map = new YAMLMap();
  map.items.push(newPair);
  mini.contents = map;
  const block = mini
    .toString({ lineWidth: 0 })
    .split("\n")
    .map((line, i) => (i === 0 || line === "" ? line : " ".repeat(column) + line))
    .join("\n");
  const replacement = text.slice(start, end).endsWith("\n") ? block : block.replace(/\n$/, "");
  return readsBack(text.slice(0, start) + replacement + text.slice(end), settings);
}

/**
 * The edited file read as Zowe will read it: every setting must come back exactly as given.
 * Values go in as YAML nodes, never as text, so this holds for any value; the check keeps it so.
 */
function readsBack(edited: string, settings: readonly StorageSetting[]): string {
  const doc = parseDocument(edited);
  const wrong = settings.filter(
    (s) => JSON.stringify(toPlain(doc.getIn([...STORAGE, ...s.path]))) !== JSON.stringify(Array.isArray(s.value) ? [...s.value] : s.value),
  );
  if (doc.errors.length || wrong.length) {
    throw new HaError("The edited zowe.yaml would not read back as planned; it was not written.", {
      failureClass: "tool-failure",
      details: [
        ...doc.errors.map((e) => e.message),
        ...wrong.map((s) => `${[...STORAGE, ...s.path].join(".")} would not hold the planned value`),
      ],
    });
  }
  return edited;
}

function toPlain(value: unknown): unknown {
  if (value && typeof value === "object" && "toJSON" in value && typeof (value as { toJSON: unknown }).toJSON === "function") {
    return (value as { toJSON(): unknown }).toJSON();
  }
  return value;
}
