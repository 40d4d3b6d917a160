import type { ICommandDefinition } from "@zowe/imperative";
import { connectionOptions } from "../connection-options";
import { RECORD_DIR_OPTION, TOPOLOGY_OPTION } from "../options";

const RECORD_PLACES =
  "Runs are read from the local record folder and from the run record library on z/OS (<datasets.backup>.RUNS), " +
  "so every admin who may read the backup library sees every run of the sysplex.";

const ListDefinition: ICommandDefinition = {
  name: "list",
  aliases: ["ls"],
  type: "command",
  summary: "List the provision and rollback runs of a sysplex, newest first",
  description: `List the runs of the topology's sysplex: id, command, user, machine, start, outcome, steps changed and the run each resumed or undid. ${RECORD_PLACES}`,
  handler: __dirname + "/List.handler",
  profile: { optional: ["zosmf"] },
  options: [TOPOLOGY_OPTION, RECORD_DIR_OPTION, ...connectionOptions],
  examples: [{ description: "List the runs of a sysplex", options: "-t sysplex.yaml" }],
};

const ShowDefinition: ICommandDefinition = {
  name: "show",
  type: "command",
  summary: "Show one run: what it changed, its jobs, commands, timings and outcome",
  description: `Show a run's record: who ran it and from where, its outcome and timings, the diffs of what it changed, the jobs it submitted with their return codes, the commands it issued with their responses, and which backup member holds which original. --format markdown gives a change record ready to attach to a ticket. ${RECORD_PLACES}`,
  handler: __dirname + "/Show.handler",
  profile: { optional: ["zosmf"] },
  positionals: [{ name: "run", description: "The run id, as `zowe ha runs list` shows it.", type: "string", required: true }],
  options: [
    TOPOLOGY_OPTION,
    {
      name: "format",
      aliases: ["f"],
      description: "How to show the run.",
      type: "string",
      allowableValues: { values: ["text", "json", "markdown"], caseSensitive: false },
      defaultValue: "text",
    },
    RECORD_DIR_OPTION,
    ...connectionOptions,
  ],
  examples: [
    { description: "Show a run", options: "PLEX1-20261122T101500123-ab12 -t sysplex.yaml" },
    {
      description: "Write a change record for a ticket",
      options: "PLEX1-20261122T101500123-ab12 -t sysplex.yaml --format markdown > change.md",
    },
  ],
};

export const RunsDefinition: ICommandDefinition = {
  name: "runs",
  type: "group",
  summary: "List and show the recorded runs of a sysplex",
  description: `List the recorded provision and rollback runs of a sysplex, and show one of them. ${RECORD_PLACES}`,
  children: [ListDefinition, ShowDefinition],
};
