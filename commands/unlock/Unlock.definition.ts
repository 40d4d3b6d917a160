import type { ICommandDefinition } from "@zowe/imperative";
import { connectionOptions } from "../connection-options";
import { TOPOLOGY_OPTION } from "../options";

export const UnlockDefinition: ICommandDefinition = {
  name: "unlock",
  type: "command",
  summary: "Remove the sysplex lock left by a run that is gone",
  description:
    "Show which run holds the sysplex lock (the data set <datasets.backup>.LOCK that provision and rollback create " +
    "while they change the sysplex) and remove it. A command in a pipeline cannot ask for confirmation, so --run is " +
    "the confirmation: the lock is removed only when --run names the run that holds it exactly. --force removes a " +
    "lock whose content names no run at all; it never removes a lock held by another named run. Remove a lock only " +
    "when its run is no longer working (its process was killed or its machine lost).",
  handler: __dirname + "/Unlock.handler",
  profile: { optional: ["zosmf"] },
  options: [
    TOPOLOGY_OPTION,
    {
      name: "run",
      description: "The id of the run that holds the lock, exactly as the refused run or this command showed it.",
      type: "string",
    },
    {
      name: "force",
      aliases: ["f"],
      description: "Remove a lock whose content cannot be read (it names no run to confirm).",
      type: "boolean",
      defaultValue: false,
    },
    ...connectionOptions,
  ],
  examples: [
    { description: "Remove the lock of a run that was killed", options: "-t sysplex.yaml --run PLEX1-20261122T101500123-ab12" },
    { description: "Remove a lock that names no run", options: "-t sysplex.yaml --force" },
  ],
};
