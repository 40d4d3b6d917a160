import { isScalar, isSeq, parseDocument, type Node } from "yaml";
import { HaError } from "../../errors";
import type { Topology } from "../../topology";

/** One key of zowe.yaml and the value the gateway section gives it. */
interface Setting {
  readonly path: readonly string[];
  readonly value: number | readonly string[];
}

/**
 * Where clients reach the gateways: the DVIPA's name (zowe.externalDomains, the first is the
 * one Zowe builds its URLs from), the distributed port (zowe.externalPort) and the port each
 * gateway listens on (components.gateway.port); behind the distributor they are the same port.
 */
export function gatewaySettings(t: Topology): Setting[] {
  const gw = t.gateway;
  if (gw === undefined) return [];
  return [
    { path: ["zowe", "externalDomains"], value: [gw.hostname ?? gw.dvipa] },
    { path: ["zowe", "externalPort"], value: gw.port },
    { path: ["components", "gateway", "port"], value: gw.port },
  ];
}

const plain = (v: unknown): string => JSON.stringify(v !== null && typeof v === "object" && "toJSON" in v ? (v as Node).toJSON() : v);
const wanted = (s: Setting): string => JSON.stringify(Array.isArray(s.value) ? [...s.value] : s.value);

/**
 * zowe.yaml with the gateway's external address. A key that is already there has only its
 * value replaced, so every other byte stays; when one is missing the document is written
 * whole. Either way the result must read back with every value as planned.
 */
export function editGatewayAddress(text: string, t: Topology): string {
  const settings = gatewaySettings(t);
  const doc = parseDocument(text);
  if (doc.errors.length)
    throw new HaError(`zowe.yaml is not valid YAML: ${doc.errors[0]!.message}`, {
      failureClass: "zos-failure",
      details: doc.errors.map((e) => e.message),
    });
  const todo = settings.filter((s) => plain(doc.getIn(s.path)) !== wanted(s));
  if (todo.length === 0) return text;
  const inPlace = spliced(text, todo, doc);
  let edited = inPlace !== undefined && readsBack(inPlace, settings) ? inPlace : undefined;
  if (edited === undefined) {
    // A key is missing, or a list was written in a way a splice cannot replace: the document is written whole.
    for (const s of todo) doc.setIn(s.path, Array.isArray(s.value) ? [...s.value] : s.value);
    edited = doc.toString({ lineWidth: 0 });
  }
  if (!readsBack(edited, settings))
    throw new HaError("The edited zowe.yaml would not read back as planned; it was not written.", {
      failureClass: "tool-failure",
      details: settings.map((s) => `${s.path.join(".")} must read ${wanted(s)}`),
    });
  return edited;
}

function readsBack(text: string, settings: readonly Setting[]): boolean {
  const back = parseDocument(text);
  return back.errors.length === 0 && settings.every((s) => plain(back.getIn(s.path)) === wanted(s));
}

/** Each value replaced where it stands (a list by a flow list), from the end back; undefined when a key is missing. */
function spliced(text: string, todo: readonly Setting[], doc: ReturnType<typeof parseDocument>): string | undefined {
  const nodes = todo.map((s) => ({ s, node: doc.getIn(s.path, true) as Node | undefined }));
  const ranges = nodes.map(({ s, node }) => ({ s, range: (isScalar(node) || isSeq(node)) && node.range ? node.range : undefined }));
  if (ranges.some((r) => r.range === undefined)) return undefined;
  let edited = text;
  for (const { s, range } of ranges.sort((a, b) => b.range![0] - a.range![0])) {
    // Values go in as JSON, which YAML reads as the same value whatever it holds.
    const value = Array.isArray(s.value) ? `[${s.value.map((v) => JSON.stringify(v)).join(", ")}]` : String(s.value);
    const end = isSeq(doc.getIn(s.path, true)) ? text.slice(0, range![1]).replace(/\s+$/, "").length : range![1];
    edited = edited.slice(0, range![0]) + value + edited.slice(end);
  }
  return edited;
}
