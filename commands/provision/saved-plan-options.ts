import type { ICommandOptionDefinition } from "@zowe/imperative";

/**
 * Saving a reviewed plan and applying exactly it, and the dry run's exit code for pipelines.
 * The file paths are plain strings checked by the plug-in, as --topology is, so a missing or
 * unreadable file is an input error (exit 3) like any other.
 */
export const SAVED_PLAN_OPTIONS: ICommandOptionDefinition[] = [
  {
    name: "out",
    description:
      "With --dry-run: save the plan to this local file (JSON, owner read/write only): every change as shown, the ETag of " +
      "every member and file it is based on, the topology's hash and the plug-in version. Apply it later with --plan.",
    type: "string",
  },
  {
    name: "plan",
    description:
      "Apply a plan saved with --dry-run --out from this local file, and only that plan: the sysplex is planned again " +
      "read-only and the plan is applied only when it is the same. Refused with nothing sent when z/OS changed since " +
      "(exit 2, naming each member, file or step that moved), when the topology or plug-in version differ, or when a run " +
      "already applied it (exit 3). With --dry-run: check the plan without applying it.",
    type: "string",
  },
  {
    name: "detailed-exit-code",
    aliases: ["dec"],
    description:
      "With --dry-run: exit 0 only when nothing would change, and 5 when changes are pending (failures keep their codes). " +
      "Off by default, so pipelines that treat any non-zero code as a failure keep working.",
    type: "boolean",
    defaultValue: false,
  },
];
