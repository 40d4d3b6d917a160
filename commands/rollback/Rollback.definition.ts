import type { ICommandDefinition } from "@zowe/imperative";
import { connectionOptions } from "../connection-options";
import { DRY_RUN_OPTION, RECORD_DIR_OPTION, TOPOLOGY_OPTION, TRUST_TOPOLOGY_HOSTS_OPTION } from "../options";

export const RollbackDefinition: ICommandDefinition = {
  name: "rollback",
  aliases: ["rb"],
  type: "command",
  summary: "Undo what a provision run changed, from its run record",
  description:
    "Restore every member and file a provision run changed, byte for byte, from the originals in its run record " +
    "and backup data set, delete what it created, and remove the TCP/IP definitions it added (VIPADISTRIBUTE DELETE, " +
    "VIPADELETE, PORT removal) through an obey member. Refuses to overwrite a member someone changed since the run " +
    "unless --force is given.",
  handler: __dirname + "/Rollback.handler",
  profile: { optional: ["zosmf"] },
  options: [
    TOPOLOGY_OPTION,
    DRY_RUN_OPTION,
    TRUST_TOPOLOGY_HOSTS_OPTION,
    {
      name: "run",
      description: "The run to undo: a run id or a run record file. Defaults to the newest provision run of this topology.",
      type: "string",
    },
    {
      name: "force",
      aliases: ["f"],
      description: "Restore members and files even when they changed after the run (their current content is backed up first).",
      type: "boolean",
      defaultValue: false,
    },
    RECORD_DIR_OPTION,
    ...connectionOptions,
  ],
  examples: [
    { description: "Show what undoing the last provision run would do", options: "-t sysplex.yaml --dry-run" },
    { description: "Undo a given run", options: "-t sysplex.yaml --run PLEX1-20261122T101500-ab12" },
  ],
};
