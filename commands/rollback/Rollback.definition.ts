import type { ICommandDefinition } from "@zowe/imperative";
import { connectionOptions } from "../connection-options";
import { RECORD_DIR_OPTION, TOPOLOGY_OPTION, TRUST_TOPOLOGY_HOSTS_OPTION } from "../options";

export const RollbackDefinition: ICommandDefinition = {
  name: "rollback",
  aliases: ["rb"],
  type: "command",
  summary: "Undo what a provision run changed, from its run record",
  description:
    "Restore every member and file a provision run changed, byte for byte, from the originals in its run record " +
    "and backup data set, delete what it created, and remove the TCP/IP definitions it added (VIPADISTRIBUTE DELETE, " +
    "VIPADELETE, PORT removal) through an obey member. Refuses to overwrite a member someone changed since the run " +
    "unless --force is given. Work done by jobs (RACF profiles, zFS aggregates, VSAM clusters) and servers the run " +
    "started are left in place, and the plan says so.",
  handler: __dirname + "/Rollback.handler",
  profile: { optional: ["zosmf"] },
  options: [
    TOPOLOGY_OPTION,
    {
      name: "dry-run",
      aliases: ["n"],
      description:
        "Show what the rollback would do without changing anything on z/OS: which runs it undoes, the diff of every member " +
        "and file it would restore, the obey members and console commands that remove the TCP/IP definitions, and what it leaves in place.",
      type: "boolean",
      defaultValue: false,
    },
    TRUST_TOPOLOGY_HOSTS_OPTION,
    {
      name: "run",
      description:
        "The run to undo: a run id (as 'zowe ha runs list' shows it) or a local run record file (.json). Defaults to the newest " +
        "run of this sysplex that changed something, together with the run it resumed and every --resume of that run.",
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
    { description: "Undo a given run", options: "-t sysplex.yaml --run PLEX1-20261203T101500123-ab12" },
  ],
};
