import type { ICommandOptionDefinition } from "@zowe/imperative";

/** Options shared by every ha command. */
export const TOPOLOGY_OPTION: ICommandOptionDefinition = {
  name: "topology",
  aliases: ["t"],
  description: "The local topology file (YAML or JSON) that describes the sysplex and the HA pieces wanted.",
  // Checked by the plug-in, so that a missing file, a pipe or a symbolic-link loop is an input error (exit 3) like any other.
  type: "string",
  required: true,
};

export const DRY_RUN_OPTION: ICommandOptionDefinition = {
  name: "dry-run",
  aliases: ["n"],
  description:
    "Observe and print the plan (member diffs, JCL, console commands) without changing anything on z/OS: only GET requests " +
    "and D display commands are sent, and no sysplex lock is taken.",
  type: "boolean",
  defaultValue: false,
};

/*
 * Local paths are plain strings: imperative's only path type, "existingLocalFile", fits no output
 * (a record folder or report that does not exist yet) and answers a missing path with its own
 * syntax error (exit 1), where the plug-in's own check makes it an input error (exit 3) like any other.
 */
export const RECORD_DIR_OPTION: ICommandOptionDefinition = {
  name: "record-dir",
  aliases: ["rd"],
  description:
    "A local folder for run records (JSON journals); created when missing. Defaults to 'ha-runs' beside the topology file. " +
    "A copy of each record is also kept on z/OS in <datasets.backup>.RUNS.",
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

/** The --out file of discover and graph: a new local file, replaced only with --force. */
export function outOption(what: string): ICommandOptionDefinition {
  return { name: "out", aliases: ["o"], description: what, type: "string" };
}

export const FORCE_OUT_OPTION: ICommandOptionDefinition = {
  name: "force",
  aliases: ["f"],
  description: "Replace the --out file when it exists.",
  type: "boolean",
  defaultValue: false,
};
