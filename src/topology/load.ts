import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument, type Document } from "yaml";
import type { z } from "zod";
import { readTopologyText } from "./file";
import { clip, composeMessage, hidePassword, pathString, TopologyError, type PathSegment, type TopologyProblem } from "./problems";
import { expandGateway } from "./gateway";
import { checkRules } from "./rules";
import { topologySchema, type Topology } from "./schema";

export interface ParseOptions {
  /** Shown in front of every problem; defaults to "topology". */
  fileName?: string;
}

/** Reads a YAML or JSON topology file; throws TopologyError listing every problem found. */
export async function loadTopology(filePath: string): Promise<Topology> {
  return parseTopology(await readTopologyText(filePath), { fileName: filePath });
}

/** Aliases beyond this many are refused: a few anchors are handy, thousands are an expansion attack. */
export const MAX_ALIASES = 100;

/** Parses YAML or JSON text (JSON is read as YAML, which keeps line numbers for both). */
export function parseTopology(text: string, options: ParseOptions = {}): Topology {
  const fileName = options.fileName ?? "topology";
  const { doc, raw, position } = readYaml(text, fileName);
  const parsed = topologySchema.safeParse(raw, { error: fallbackAllowed });
  const problems = describeProblems(findProblems(parsed, raw), raw, doc, position);
  if (problems.length > 0) {
    problems.sort((a, b) => (a.line ?? Infinity) - (b.line ?? Infinity) || (a.column ?? 0) - (b.column ?? 0));
    throw new TopologyError(fileName, problems);
  }
  if (!parsed.success) throw new Error("unreachable: a refused topology always has problems");
  return expandGateway(parsed.data);
}

type Position = (offset: number) => { line: number; column: number };

/** The YAML document and its data; text that is not YAML, expands too far or holds nothing is refused here. */
function readYaml(text: string, fileName: string): { doc: Document; raw: unknown; position: Position } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const position: Position = (offset) => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  if (doc.errors.length > 0) {
    throw new TopologyError(
      fileName,
      doc.errors.map((e) => ({ path: "", message: syntaxMessage(e.message), ...position(e.pos[0]) })),
    );
  }

  keepNamesAsWritten(doc);
  let raw: unknown;
  try {
    raw = doc.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (err) {
    throw new TopologyError(fileName, [
      {
        path: "",
        message: `YAML could not be read: ${clip((err as Error).message, 200)}; allowed: at most ${MAX_ALIASES} alias references (*name)`,
      },
    ]);
  }
  if (raw === null || raw === undefined) {
    throw new TopologyError(fileName, [
      { path: "", message: composeMessage("the file holds no data", undefined, "a topology starting with version: 1") },
    ]);
  }
  return { doc, raw, position };
}

/** What the schema refuses, then what the cross-field rules refuse that the schema did not already. */
function findProblems(parsed: ReturnType<typeof topologySchema.safeParse>, raw: unknown): Found[] {
  const found: Found[] = [];
  if (!parsed.success) {
    for (const issue of parsed.error.issues) found.push(...fromIssue(issue, raw));
  }
  const refused = found.map((p) => p.path);
  const namesRefused = refused.some((path) => path[0] === "systems" && (path.length <= 2 || path[2] === "name"));
  for (const rule of checkRules(parsed.success ? parsed.data : raw, { checkReferences: !namesRefused })) {
    // A rule about a value the schema already refused would only repeat it.
    if (refused.some((path) => isPrefix(path, rule.path))) continue;
    found.push({
      path: rule.path,
      what: rule.message,
      allowed: rule.allowed,
      showGiven: rule.path.length > 0,
      fromSchema: false,
    });
  }
  return found;
}

/** One problem per refused value, with the value as given and where it is written. */
function describeProblems(found: readonly Found[], raw: unknown, doc: Document, position: Position): TopologyProblem[] {
  const seen = new Set<string>();
  const problems: TopologyProblem[] = [];
  for (const p of found) {
    const path = pathString(p.path);
    // Several zod checks can refuse one value, and a rule may repeat itself: one problem each is enough.
    const key = p.fromSchema ? path : `${path}\u0000${p.what}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const given = p.showGiven ? valueAt(raw, p.path) : undefined;
    const offset = locate(doc, p.path);
    problems.push({
      path,
      message: composeMessage(p.what, given, p.allowed),
      ...(given === undefined ? {} : { given: shown(given) }),
      ...(p.allowed === undefined ? {} : { allowed: p.allowed }),
      ...(offset === undefined ? {} : position(offset)),
    });
  }
  return problems;
}

/** The parser runs out of stack on data nested hundreds deep (10,000 [ in a row); it says so in its own words. */
function syntaxMessage(message: string): string {
  if (/Maximum call stack size exceeded/.test(message)) {
    return "the YAML is nested too deeply to read; allowed: YAML or JSON text nested a few levels, as a topology is";
  }
  return `YAML syntax error: ${clip(message, 200)}; allowed: YAML or JSON text, each key once per mapping`;
}

/** The given value as a problem carries it: strings clipped, lists cut short, mappings left out. */
function shown(value: unknown): unknown {
  if (typeof value === "string") return clip(hidePassword(value));
  if (Array.isArray(value)) return value.slice(0, 10).map((v) => (typeof v === "object" && v !== null ? "…" : shown(v)));
  if (typeof value === "object" && value !== null) return "a mapping";
  return value;
}

interface Found {
  path: PathSegment[];
  what: string;
  allowed?: string;
  showGiven: boolean;
  fromSchema: boolean;
}

function fromIssue(issue: z.core.$ZodIssue, raw: unknown): Found[] {
  const path = issue.path.map((s) => (typeof s === "number" ? s : String(s)));
  if (issue.code === "unrecognized_keys") {
    return issue.keys.map((key) => ({
      path: [...path, key],
      what: "is not a known field",
      allowed: issue.message,
      showGiven: false,
      fromSchema: true,
    }));
  }
  const given = valueAt(raw, path);
  let what = "is not valid";
  if (given === undefined) what = "is required";
  else if (issue.code === "invalid_type") what = "has the wrong type";
  else if (issue.code === "invalid_value") what = "is not one of the allowed values";
  else if (issue.code === "too_big" || issue.code === "too_small") {
    const big = issue.code === "too_big";
    if (issue.origin === "array") what = big ? "has too many entries" : "has too few entries";
    else if (issue.origin === "string") what = big ? "is too long" : "is too short";
    else what = "is out of range";
  }
  return [{ path, what, allowed: issue.message, showGiven: true, fromSchema: true }];
}

/** Allowed text for the few issues whose schema carries no message of its own. */
const fallbackAllowed = (issue: z.core.$ZodRawIssue): string => {
  switch (issue.code) {
    case "invalid_type":
      return `a value of type ${issue.expected}`;
    case "invalid_value":
      return issue.values.map((v) => JSON.stringify(v)).join(", ");
    case "too_small":
      return `at least ${String(issue.minimum)}`;
    case "too_big":
      return `at most ${String(issue.maximum)}`;
    default:
      return "a value of the documented form";
  }
};

function isPrefix(prefix: readonly PathSegment[], path: readonly PathSegment[]): boolean {
  return prefix.length <= path.length && prefix.every((segment, i) => segment === path[i]);
}

function valueAt(root: unknown, path: readonly PathSegment[]): unknown {
  let value = root;
  for (const segment of path) {
    if (typeof value !== "object" || value === null) return undefined;
    value = (value as Record<PathSegment, unknown>)[segment];
  }
  return value;
}

/** Offset of the deepest part of `path` present in the file: a missing field points at its parent. */
function locate(doc: Document, path: readonly PathSegment[]): number | undefined {
  let node: unknown = doc.contents;
  let offset = (doc.contents as { range?: [number, number, number] } | null)?.range?.[0];
  for (const segment of path) {
    if (isAlias(node)) node = node.resolve(doc);
    if (isMap(node)) {
      const pair = node.items.find((p) => (isScalar(p.key) ? p.key.value : p.key) === segment);
      if (!pair) break;
      offset = (pair.key as { range?: [number, number, number] }).range?.[0] ?? offset;
      node = pair.value;
    } else if (isSeq(node) && typeof segment === "number") {
      const item = node.items[segment] as { range?: [number, number, number] } | undefined;
      if (!item) break;
      offset = item.range?.[0] ?? offset;
      node = item;
    } else {
      break;
    }
  }
  return offset;
}

/**
 * YAML reads `izuprmSuffix: 01` as the number 1 and `volume: 000123` as 123.
 * Where the schema wants text, put back the characters that were written.
 */
function keepNamesAsWritten(doc: Document): void {
  const walk = (node: unknown, path: PathSegment[]): void => {
    if (isMap(node)) {
      for (const pair of node.items) {
        const key = isScalar(pair.key) ? pair.key.value : pair.key;
        if (typeof key === "string" || typeof key === "number") walk(pair.value, [...path, key]);
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => walk(item, [...path, i]));
    } else if (isScalar(node) && (typeof node.value === "number" || typeof node.value === "boolean")) {
      if (typeof node.source === "string" && expectsText(path)) node.value = node.source;
    }
  };
  walk(doc.contents, []);
}

type SchemaNode = {
  _zod: { def: { type: string; innerType?: SchemaNode; in?: SchemaNode; shape?: Record<string, SchemaNode>; element?: SchemaNode } };
};

function unwrap(schema: SchemaNode): SchemaNode {
  let current = schema;
  for (;;) {
    const def = current._zod.def;
    if (def.innerType) current = def.innerType;
    else if (def.type === "pipe" && def.in) current = def.in;
    else return current;
  }
}

function expectsText(path: readonly PathSegment[]): boolean {
  let current: SchemaNode | undefined = topologySchema as unknown as SchemaNode;
  for (const segment of path) {
    const def: SchemaNode["_zod"]["def"] = unwrap(current)._zod.def;
    // Own fields only: a key such as __proto__ or constructor would otherwise find Object's own members.
    if (def.type === "object" && typeof segment === "string")
      current = def.shape && Object.hasOwn(def.shape, segment) ? def.shape[segment] : undefined;
    else if (def.type === "array" && typeof segment === "number") current = def.element;
    else return false;
    if (current === undefined) return false;
  }
  return unwrap(current)._zod.def.type === "string";
}
