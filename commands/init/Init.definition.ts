import type { ICommandDefinition } from "@zowe/imperative";
import { DEFAULT_INIT_OUT, INIT_EXAMPLES } from "../../src/run/init";
import { FORCE_OUT_OPTION } from "../options";

export const InitDefinition: ICommandDefinition = {
  name: "init",
  type: "command",
  summary: "Write an example topology file to fill in with your sysplex's values",
  description:
    "Write a commented example topology from the installed plug-in, its first line naming the installed JSON Schema " +
    "so an editor with the YAML language server completes and checks it, and print the next steps. An existing file " +
    "is never replaced unless --force is given (exit 3, naming it). Nothing is sent to z/OS.",
  handler: __dirname + "/Init.handler",
  options: [
    {
      name: "out",
      aliases: ["o"],
      description: `The topology file to write, a local file path (default ${DEFAULT_INIT_OUT} in the current folder).`,
      // Imperative has no output-file type ("existingLocalFile" is for inputs); the plug-in checks the path itself.
      type: "string",
    },
    {
      name: "example",
      aliases: ["e"],
      description: `Which example to start from: ${Object.entries(INIT_EXAMPLES)
        .map(([name, e]) => `${name} (${e.what})`)
        .join(", ")}. Default two-system.`,
      // Checked by the plug-in, so that an unknown name is an input error (exit 3) like any other.
      type: "string",
    },
    FORCE_OUT_OPTION,
  ],
  examples: [
    { description: "Write plex.yaml in the current folder from the two-system example", options: "" },
    {
      description: "Start from the example with every HA pattern on three systems",
      options: "--out plex2.yaml --example three-system-all",
    },
  ],
};
