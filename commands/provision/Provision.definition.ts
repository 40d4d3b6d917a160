import type { ICommandDefinition } from "@zowe/imperative";
import { connectionOptions } from "../connection-options";
import { DRY_RUN_OPTION, RECORD_DIR_OPTION, TOPOLOGY_OPTION, TRUST_TOPOLOGY_HOSTS_OPTION } from "../options";
import { SAVED_PLAN_OPTIONS } from "./saved-plan-options";

export const ProvisionDefinition: ICommandDefinition = {
  name: "provision",
  aliases: ["prov"],
  type: "command",
  summary: "Bring the sysplex to the HA set-up the topology file describes",
  description:
    "Validate the topology, observe the sysplex read-only, plan every step (member diffs, JCL, console commands) " +
    "and apply the plan: security, file-system and VSAM jobs, IZUPRMxx members, procedures, TCP/IP obey members " +
    "applied with SYNTAXCHECK then OBEYFILE, the Caching Service storage in zowe.yaml, and the IPL-time members " +
    "(TCP/IP profile INCLUDEs, BPXPRMxx MOUNT, IEASYSxx IZU=) where the topology names them. Every member and file " +
    "changed is backed up first and written with If-Match; each run leaves a JSON run record for --resume and rollback.",
  handler: __dirname + "/Provision.handler",
  profile: { optional: ["zosmf"] },
  options: [
    TOPOLOGY_OPTION,
    DRY_RUN_OPTION,
    ...SAVED_PLAN_OPTIONS,
    TRUST_TOPOLOGY_HOSTS_OPTION,
    {
      name: "resume",
      aliases: ["r"],
      description: "Continue the last failed run of this topology: observe again and apply only what is not yet in place.",
      type: "boolean",
      defaultValue: false,
    },
    {
      name: "start-servers",
      aliases: ["ss"],
      description: "After configuring, start each z/OSMF server procedure and wait until it listens on the DVIPA port.",
      type: "boolean",
      defaultValue: false,
    },
    {
      name: "job-timeout",
      aliases: ["jt"],
      description: "Seconds to wait for each job to end before the step fails (the job is left running).",
      type: "number",
      defaultValue: 600,
    },
    {
      name: "workflows-dir",
      aliases: ["wd"],
      description:
        "A local folder holding a site copy of the workflows (job cards, accounting, classes); each file it has replaces the shipped one.",
      // Checked by the plug-in (exit 3 when missing), as the other local paths are.
      type: "string",
    },
    {
      name: "concurrency",
      aliases: ["c"],
      description: "Steps applied at once; steps on different systems run in parallel. Default: 16, or 4 per system when that is more.",
      type: "number",
    },
    // Partial windows (--limit, --only).
    {
      name: "limit",
      aliases: ["l"],
      description:
        "Plan and apply only the steps of these systems (names as in the topology), plus the sysplex-wide steps they need " +
        "(security, the angel procedure, data set creation); the plan lists every step left out. --resume keeps the limit " +
        "of the run it continues and refuses another. Rollback takes no limit: it undoes what one run did, so rolling back " +
        "a limited run reaches only its systems.",
      type: "array",
    },
    {
      name: "only",
      aliases: ["o"],
      description: "Plan and apply only these workflows: zosmf-ha, caching-service, port-sharing, distributed-services, ipl-persistence.",
      type: "array",
    },
    RECORD_DIR_OPTION,
    ...connectionOptions,
  ],
  examples: [
    { description: "Show what provisioning would change, without changing anything", options: "-t sysplex.yaml --dry-run" },
    {
      description: "Provision and start the z/OSMF servers, using the zosmf profile 'plexa'",
      options: "-t sysplex.yaml --start-servers --zosmf-profile plexa",
    },
    { description: "Continue the last failed run after fixing its cause", options: "-t sysplex.yaml --resume" },
    { description: "Save the plan for review, then apply exactly that plan", options: "-t sysplex.yaml --dry-run --out plan.json" },
    { description: "Apply a reviewed plan; refused if z/OS changed since it was saved", options: "-t sysplex.yaml --plan plan.json" },
    {
      description: "In a pipeline: exit 5 when changes are pending, 0 when nothing would change",
      options: "-t sysplex.yaml --dry-run --detailed-exit-code",
    },
    { description: "Configure only SYSA's z/OSMF in tonight's window", options: "-t sysplex.yaml --limit SYSA --only zosmf-ha" },
    { description: "Provision from a pipeline and keep the structured result", options: "-t sysplex.yaml --rfj --job-timeout 900" },
  ],
};
