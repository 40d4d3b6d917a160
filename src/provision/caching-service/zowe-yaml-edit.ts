import { Document, isMap, isScalar, parseDocument, YAMLMap, type Pair } from "yaml";
import { HaError } from "../../errors";
import type { ZoweYamlSetting } from "../../zowe-yaml";

type Path = readonly string[];

/**
 * Sets the given keys of a zowe.yaml. Only the smallest blocks that hold them are rewritten
 * (the key itself when it exists, else the deepest existing block it goes into, or a new
 * top-level block at the end); every byte before and after them (other keys, comments,
 * quoting, blank lines) is kept as it was. Comments inside a rewritten block stay with their keys.
 */
export function editZoweYaml(text: string, settings: readonly ZoweYamlSetting[]): string {
  const original = parseDocument(text, { keepSourceTokens: true });
  if (original.errors.length) {
    throw new HaError(`zowe.yaml is not valid YAML: ${original.errors[0]!.message}`, {
      failureClass: "zos-failure",
      details: original.errors.map((e) => e.message),
    });
  }
  const doc = parseDocument(text, { keepSourceTokens: true });
  const changed = settings.filter((s) => !holds(doc, s));
  if (changed.length === 0) return text;
  for (const s of changed) doc.setIn([...s.path], Array.isArray(s.value) ? [...s.value] : s.value);
  if (!isMap(original.contents) || original.contents.flow) return readsBack(doc.toString({ lineWidth: 0 }), settings);

  const splices = outermost(changed.map((s) => splicePath(original, s.path)));
  let out = text;
  // From the end of the file backwards, so that each splice leaves the earlier offsets valid.
  const placed = splices.map((p) => ({ path: p, range: pairRange(original, p) })).sort((a, b) => (b.range?.[0] ?? Infinity) - (a.range?.[0] ?? Infinity));
  for (const { path, range } of placed) {
    if (range === undefined) {
      // A new top-level key: appended at the end.
      out = `${out}${out === "" || out.endsWith("\n") ? "" : "\n"}${pairText(doc, path, 0)}`;
      continue;
    }
    const [start, end] = range;
    const column = start - (out.lastIndexOf("\n", start - 1) + 1);
    const block = pairText(doc, path, column);
    out = out.slice(0, start) + (out.slice(start, end).endsWith("\n") ? block : block.replace(/\n$/, "")) + out.slice(end);
  }
  return readsBack(out, settings);
}

function holds(doc: Document, s: ZoweYamlSetting): boolean {
  return JSON.stringify(toPlain(doc.getIn([...s.path]))) === JSON.stringify(s.value);
}

/**
 * The key whose pair is rewritten for a setting: the deepest existing key of its path (the
 * setting's own when it exists), moved up while it sits in a flow mapping (`{ a: 1 }`), whose
 * text is rewritten with its parent. An empty path means a new top-level key.
 */
function splicePath(doc: Document, path: Path): Path {
  let depth = 0;
  while (depth < path.length && doc.hasIn(path.slice(0, depth + 1))) depth++;
  if (depth === 0) return path.slice(0, 1);
  let at = path.slice(0, depth);
  while (at.length > 1 && !isBlockMap(doc.getIn(at.slice(0, -1), true))) at = at.slice(0, -1);
  return at;
}

function isBlockMap(node: unknown): boolean {
  return isMap(node) && !node.flow;
}

/** Paths with none of their ancestors (or themselves) earlier in the list: a rewritten block holds its keys' edits. */
function outermost(paths: readonly Path[]): Path[] {
  const key = (p: Path) => JSON.stringify(p);
  const unique = [...new Map(paths.map((p) => [key(p), p])).values()];
  return unique.filter((p) => !unique.some((q) => q.length < p.length && q.every((k, i) => p[i] === k)));
}

/** The pair of `path` in the original text: from its key to the end of its value; undefined when it is not there. */
function pairRange(doc: Document, path: Path): [number, number] | undefined {
  const pair = pairAt(doc, path);
  const keyRange = pair && isScalar(pair.key) ? pair.key.range : undefined;
  const value = pair?.value as { range?: [number, number, number] } | null | undefined;
  if (!keyRange || !value?.range) return undefined;
  return [keyRange[0], value.range[2]];
}

function pairAt(doc: Document, path: Path): Pair | undefined {
  const parent = path.length === 1 ? doc.contents : doc.getIn(path.slice(0, -1), true);
  // A key the edit added is a plain string, one read from the file a scalar node.
  const keyOf = (p: Pair) => (isScalar(p.key) ? p.key.value : p.key);
  return isMap(parent) ? (parent.items.find((p) => keyOf(p as Pair) === path[path.length - 1]) as Pair | undefined) : undefined;
}

/** The edited pair of `path` as block text, each line after the first indented to `column`. */
function pairText(doc: Document, path: Path, column: number): string {
  const mini = new Document();
  const map = new YAMLMap();
  const pair = pairAt(doc, path)!;
  // The comment and blank lines before the key lie outside the rewritten text, where they stay.
  if (isScalar(pair.key)) Object.assign(pair.key, { commentBefore: undefined, spaceBefore: false });
  map.items.push(pair);
  mini.contents = map;
  return mini
    .toString({ lineWidth: 0 })
    .split("\n")
    .map((line, i) => (i === 0 || line === "" ? line : " ".repeat(column) + line))
    .join("\n");
}

/**
 * The edited file read as Zowe will read it: every setting must come back exactly as given.
 * Values go in as YAML nodes, never as text, so this holds for any value; the check keeps it so.
 */
function readsBack(edited: string, settings: readonly ZoweYamlSetting[]): string {
  const doc = parseDocument(edited);
  const wrong = settings.filter((s) => !holds(doc, s));
  if (doc.errors.length || wrong.length) {
    throw new HaError("The edited zowe.yaml would not read back as planned; it was not written.", {
      failureClass: "tool-failure",
      details: [...doc.errors.map((e) => e.message), ...wrong.map((s) => `${s.path.join(".")} would not hold the planned value`)],
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
