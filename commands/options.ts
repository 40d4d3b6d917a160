import type { ICommandOptionDefinition } from "@zowe/imperative";

/** Options shared by every ha command. */
export const TOPOLOGY_OPTION: ICommandOptionDefinition = {
  name: "topology",
  aliases: ["t"],
  description: "The topology file (YAML or JSON) that describes the sysplex and the HA pieces wanted.",
  // Checked by the plug-in, so that a missing file, a pipe or a symbolic-link loop is an input error (exit 3) like any other.
  type: "string",
  required: true,
};

export const DRY_RUN_OPTION: ICommandOptionDefinition = {
  name: "dry-run",
  aliases: ["n"],
  description: "Observe and print the plan (member diffs, JCL, console commands) without changing anything on z/OS.",
  type: "boolean",
  defaultValue: false,
};

export const RECORD_DIR_OPTION: ICommandOptionDefinition = {
  name: "record-dir",
  aliases: ["rd"],
  description: "Folder for run records (JSON journals). Defaults to 'ha-runs' beside the topology file.",
  type: "string",
};

export const TRUST_TOPOLOGY_HOSTS_OPTION: ICommandOptionDefinition = {
  name: "trust-topology-hosts",
  aliases: ["tth"],
  description:
    "Send this command's credentials to every host a topology connection names ({ host, port }). Without it, only the command's own host may appear there; other hosts need a { profile } connection.",
  type: "boolean",
  defaultValue: false,
};
