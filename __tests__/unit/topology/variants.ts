import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseDocument, type Document } from "yaml";
import { parseTopology, TopologyError, type TopologyProblem } from "../../../src/topology";

export const EXAMPLES = join(__dirname, "..", "..", "..", "examples");
export const TWO_SYSTEM = join(EXAMPLES, "two-system.yaml");
export const THREE_SYSTEM = join(EXAMPLES, "three-system-all.yaml");

export const twoSystemText = (): string => readFileSync(TWO_SYSTEM, "utf8");

/** A port-sharing entry and a distributed service that are valid on the two-system example. */
export const PORT_SHARE = {
  name: "zosconnect-api",
  system: "SYSA",
  port: 9443,
  jobPrefix: "ZCHA*",
  mode: "SHAREPORTWLM",
  servers: ["ZCHA1", "ZCHA2"],
  outboundPort: 9444,
};
export const DIST_SERVICE = {
  name: "imsconnect",
  dvipa: "192.0.2.2",
  dvipaMask: "255.255.255.0",
  ports: [5801],
  distributor: "SYSA",
  distributorBackup: "SYSB",
  distMethod: "WEIGHTEDACTIVE",
  targets: [
    { system: "SYSA", server: "IMSCON1", weight: 2 },
    { system: "SYSB", server: "IMSCON2", weight: 1 },
  ],
};

export type Path = (string | number)[];

/** Edits a copy of the two-system example (with PORT_SHARE and DIST_SERVICE added) as YAML. */
export function variant(edit: (doc: Document) => void = () => {}): string {
  const doc = parseDocument(twoSystemText());
  doc.set("portSharing", doc.createNode([PORT_SHARE]));
  doc.set("distributedServices", doc.createNode([DIST_SERVICE]));
  edit(doc);
  return doc.toString();
}

export function set(path: Path, value: unknown): (doc: Document) => void {
  return (doc) => doc.setIn(path, typeof value === "object" && value !== null ? doc.createNode(value) : value);
}

export function remove(...paths: Path[]): (doc: Document) => void {
  return (doc) => paths.forEach((path) => doc.deleteIn(path));
}

export function all(...edits: ((doc: Document) => void)[]): (doc: Document) => void {
  return (doc) => edits.forEach((edit) => edit(doc));
}

/** The problems a text is refused with; fails the test when it is accepted. */
export function problemsOf(text: string, fileName = "variant.yaml"): TopologyProblem[] {
  try {
    parseTopology(text, { fileName });
  } catch (err) {
    if (err instanceof TopologyError) return [...err.problems];
    throw err;
  }
  throw new Error("the topology was accepted");
}
