import { z } from "zod";
import { topologySchema } from "./schema";

/** Relative, so it resolves to wherever the file is read from (the package ships schemas/). */
export const TOPOLOGY_SCHEMA_ID = "topology.schema.json";

/**
 * The topology as JSON Schema, for editors (yaml-language-server) and other tools.
 * It describes what may be written, so fields with defaults are optional; the
 * rules across fields (names that must exist, values that must differ) are only
 * checked by the plug-in.
 */
export function topologyJsonSchema(): Record<string, unknown> {
  const { $schema, ...body } = z.toJSONSchema(topologySchema, { io: "input", target: "draft-2020-12" });
  return {
    $schema,
    $id: TOPOLOGY_SCHEMA_ID,
    title: "zowe-ha topology",
    description:
      "A z/OS sysplex and the high-availability set-ups the zowe-ha plug-in provisions and verifies: z/OSMF hot standby, the Zowe Caching Service, TCP/IP port sharing and Sysplex Distributor services.",
    ...body,
  };
}
