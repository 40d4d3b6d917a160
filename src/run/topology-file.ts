import { parseTopology, readTopologyText, type Topology } from "../topology";

/** Reads and validates the topology; every problem is reported before anything is sent to z/OS. */
export async function loadTopologyFile(file: string): Promise<{ topology: Topology; text: string }> {
  const text = await readTopologyText(file);
  return { topology: parseTopology(text, { fileName: file }), text };
}
