import type { ICommandDefinition, ICommandOptionDefinition } from "@zowe/imperative";
import { GRAPH_FORMATS } from "../../src/graph/formats";
import { connectionOptions } from "../connection-options";
import { FORCE_OUT_OPTION, TOPOLOGY_OPTION, TRUST_TOPOLOGY_HOSTS_OPTION, outOption } from "../options";
import { VerifyDefinition } from "../verify/Verify.definition";

/** verify's own option, so --verify here reads the sysplex exactly as `zowe ha verify` would. */
function verifyOption(name: string): ICommandOptionDefinition {
  const option = VerifyDefinition.options?.find((o) => o.name === name);
  if (option === undefined) throw new Error(`zowe ha verify has no --${name}`);
  return option;
}

export const GraphDefinition: ICommandDefinition = {
  name: "graph",
  type: "command",
  summary: "Draw the topology: systems, stacks, DVIPAs, targets, port sharing and caching, as Mermaid text or SVG",
  description:
    "Draw the topology file as a picture: each system with its TCP/IP stack, z/OSMF and other distribution targets, " +
    "port-sharing groups and Caching Service instance; each DVIPA with its distributor, backup distributor and targets " +
    "(PREFERRED or BACKUP with rank, weight, ports). Mermaid text (for Markdown, pull requests and docs) or a standalone " +
    "SVG. Without --verify nothing is sent to z/OS and no connection is needed. With --verify the sysplex is read as " +
    "`zowe ha verify` reads it (GET requests and display commands only) and each element is coloured by its latest " +
    "verdict; the picture is the result, so the command exits 0 whatever the verdicts (use `zowe ha verify` to gate).",
  handler: __dirname + "/Graph.handler",
  profile: { optional: ["zosmf"] },
  options: [
    TOPOLOGY_OPTION,
    {
      name: "format",
      description: `The picture format: ${GRAPH_FORMATS.join(" or ")}. Default mermaid, or svg when --out ends in .svg.`,
      // Checked by the plug-in, so that an unknown format is an input error (exit 3) like any other.
      type: "string",
    },
    outOption("Write the picture to this local file instead of standard output."),
    FORCE_OUT_OPTION,
    {
      name: "verify",
      description:
        "Read the live sysplex as `zowe ha verify` does and colour each element healthy, degraded, unhealthy or unknown; " +
        "elements no check judges stay plain. A legend says what the colours mean.",
      type: "boolean",
      defaultValue: false,
    },
    verifyOption("system-timeout"),
    verifyOption("connect-to"),
    TRUST_TOPOLOGY_HOSTS_OPTION,
    ...connectionOptions,
  ],
  examples: [
    { description: "Print the topology as Mermaid text, with no connection to z/OS", options: "-t plex.yaml" },
    { description: "Write an SVG coloured by the live verdicts", options: "-t plex.yaml --verify --out plex.svg" },
  ],
};
