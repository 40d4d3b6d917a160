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
  for (const s of changed) {
    makeRoom(doc, s.path);
    doc.setIn([...s.path], Array.isArray(s.value) ? [...s.value] : s.value);
  }
  if (!isMap(original.contents) || original.contents.flow) return readsBack(doc.toString({ lineWidth: 0 }), settings);

  let out = text;
  // From the end of the file backwards, so that each splice leaves the earlier offsets valid;
  // at one offset the outer block's new keys go in first, so that the inner block's come before them.
  const placed = spliceOps(
    original,
    text,
    changed.map((c) => c.path),
  ).sort((x, y) => y.at[0] - x.at[0] || x.depth - y.depth);
  for (const op of placed) {
    const [start, end] = op.at;
    const before = out.slice(0, start);
    const text = op.render(doc, before.length - (before.lastIndexOf("\n") + 1));
    const replaced = out.slice(start, end);
    out = before + (end > start && !replaced.endsWith("\n") ? text.replace(/\n$/, "") : text) + out.slice(end);
  }
  return readsBack(out, settings);
}

/**
 * Each key above a setting must hold a mapping: an empty one (`environments:` with nothing under
 * it, which Zowe reads as nothing) becomes a mapping; one holding a value is refused, never overwritten.
 */
function makeRoom(doc: Document, path: Path): void {
  for (let depth = 1; depth < path.length; depth++) {
    const above = path.slice(0, depth);
    const node = doc.getIn(above, true);
    if (node === undefined || isMap(node)) continue;
    if (isScalar(node) && node.value === null) {
      doc.setIn([...above], doc.createNode({}));
      continue;
    }
    throw new HaError(`zowe.yaml holds a value at ${above.join(".")}, where ${path.join(".")} needs a mapping; it was not changed.`, {
      failureClass: "zos-failure",
      details: ["Move that value out of the way, or set the key yourself."],
    });
  }
}

function holds(doc: Document, s: ZoweYamlSetting): boolean {
  return JSON.stringify(toPlain(doc.getIn([...s.path]))) === JSON.stringify(s.value);
}

/** One piece of text to put in place of the original's [start, end) (a point for new keys), rendered from the edited document. */
interface SpliceOp {
  readonly target: Path;
  readonly at: [number, number];
  readonly depth: number;
  readonly render: (edited: Document, column: number) => string;
}

/**
 * The fewest, smallest splices that carry every changed key: a key that exists has its pair
 * rewritten; new keys are added at the end of the deepest block mapping that exists, with the
 * lines before them untouched; a pair in a flow mapping (`{ a: 1 }`) is rewritten with its parent.
 */
function spliceOps(doc: Document, text: string, paths: readonly Path[]): SpliceOp[] {
  const replaces = new Map<string, Path>();
  const inserts = new Map<string, { parent: Path; keys: string[] }>();
  for (const path of paths) {
    let depth = 0;
    while (depth < path.length && doc.hasIn(path.slice(0, depth + 1))) depth++;
    const parent = path.slice(0, depth);
    const node = depth === 0 ? doc.contents : doc.getIn(parent, true);
    if (depth < path.length && isBlockMap(node) && (node as YAMLMap).items.length > 0) {
      const entry = inserts.get(JSON.stringify(parent)) ?? { parent, keys: [] };
      if (!entry.keys.includes(path[depth]!)) entry.keys.push(path[depth]!);
      inserts.set(JSON.stringify(parent), entry);
    } else {
      const at = pairOutsideFlow(doc, depth === path.length ? path : parent);
      replaces.set(JSON.stringify(at), at);
    }
  }
  const within = (p: Path) => [...replaces.values()].some((q) => q.length <= p.length && q.every((k, i) => p[i] === k) && q !== p);
  const ops: SpliceOp[] = [];
  for (const path of replaces.values()) {
    if (within(path)) continue;
    ops.push({
      target: path,
      at: pairRange(doc, path)!,
      depth: path.length,
      render: (edited, column) => pairText(edited, path, column, false),
    });
  }
  for (const { parent, keys } of inserts.values()) {
    if (within(parent)) continue;
    const node = (parent.length === 0 ? doc.contents : doc.getIn(parent, true)) as YAMLMap;
    const end = node.range![2];
    ops.push({
      target: parent,
      at: [end, end],
      depth: parent.length,
      render: (edited, column) => {
        // The new keys line up with the block's first key.
        const first = (node.items[0]!.key as { range?: [number, number, number] }).range![0];
        const indent = first - (text.lastIndexOf("\n", first - 1) + 1);
        return (column === 0 ? "" : "\n") + keys.map((k) => pairText(edited, [...parent, k], indent, true)).join("");
      },
    });
  }
  return ops;
}

function isBlockMap(node: unknown): boolean {
  return isMap(node) && !node.flow;
}

function pairOutsideFlow(doc: Document, path: Path): Path {
  let at = path;
  while (at.length > 1 && !isBlockMap(doc.getIn(at.slice(0, -1), true))) at = at.slice(0, -1);
  return at;
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
function pairText(doc: Document, path: Path, column: number, indentFirst: boolean): string {
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
    .map((line, i) => ((i === 0 && !indentFirst) || line === "" ? line : " ".repeat(column) + line))
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
