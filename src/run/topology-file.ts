import { readFile } from "node:fs/promises";
import { HaError } from "../errors";
import { parseTopology, type Topology } from "../topology";

/** Reads and validates the topology; every problem is reported before anything is sent to z/OS. */
export async function loadTopologyFile(file: string): Promise<{ topology: Topology; text: string }> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (err) {
    throw new HaError(`Cannot read topology file ${file}: ${(err as Error).message}`, { failureClass: "invalid-input", cause: err });
  }
  return { topology: parseTopology(text, { fileName: file }), text };
}
