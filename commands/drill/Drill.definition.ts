import type { ICommandDefinition } from "@zowe/imperative";
import { connectionOptions } from "../connection-options";
import { TOPOLOGY_OPTION, TRUST_TOPOLOGY_HOSTS_OPTION } from "../options";

export const DrillDefinition: ICommandDefinition = {
  name: "drill",
  type: "command",
  summary: "Fail the preferred instance on purpose and time the takeover and the switch-back",
  description:
    "Check with verify that the target is healthy with a ready standby (else refuse, exit 2, nothing stopped), take the " +
    "sysplex lock, fail the preferred instance (quiesce it at its stack, or stop the server), and time how long until a " +
    "backup receives in the distributor's VDPT, until the DVIPA answers from it, and the longest time nothing answered. " +
    "Then restore the preferred instance (RESUME, or start the server again) and time the switch-back, and end with a " +
    "verify. Whatever ends the drill (a failed step, a timeout, Ctrl-C), what was stopped or quiesced is restored; when " +
    "that cannot be confirmed the command exits 2 and prints the exact command to run.",
  handler: __dirname + "/Drill.handler",
  profile: { optional: ["zosmf"] },
  options: [
    TOPOLOGY_OPTION,
    {
      name: "target",
      description: "What to drill: zosmf (the zosmfHa hot standby) or the name of a distributed service (the gateway is 'gateway').",
      type: "string",
      defaultValue: "zosmf",
    },
    {
      name: "method",
      aliases: ["m"],
      description:
        "quiesce: VARY TCPIP,,SYSPLEX,QUIESCE for the server's port and job, then RESUME; stop (only with --target zosmf): stop the server task (P), then start it again (S).",
      type: "string",
      allowableValues: { values: ["quiesce", "stop"] },
      defaultValue: "quiesce",
    },
    {
      name: "dry-run",
      aliases: ["n"],
      description: "Check the target and print every command the drill would issue; only GET requests and D display commands are sent.",
      type: "boolean",
      defaultValue: false,
    },
    {
      name: "takeover-timeout",
      aliases: ["tt"],
      description: "Seconds allowed for the takeover, and again for the switch-back, before the drill stops and restores.",
      type: "number",
      defaultValue: 60,
    },
    {
      name: "restore-timeout",
      aliases: ["rt"],
      description: "Seconds allowed for a restarted server to listen again (--method stop).",
      type: "number",
      defaultValue: 600,
    },
    {
      name: "junit",
      aliases: ["j"],
      description: "Also write a JUnit XML report (one test case per phase) to this local file.",
      type: "string",
    },
    {
      name: "connect-to",
      aliases: ["ct"],
      description: "Reach a host the topology names at another address, as HOST:PORT=URL (see verify --connect-to).",
      type: "array",
    },
    TRUST_TOPOLOGY_HOSTS_OPTION,
    ...connectionOptions,
  ],
  examples: [
    { description: "Drill z/OSMF hot standby, quiescing the preferred server", options: "-t sysplex.yaml" },
    { description: "Show what a drill of the gateway would issue", options: "-t sysplex.yaml --target gateway --dry-run" },
    { description: "Stop and restart the server, with a JUnit report", options: "-t sysplex.yaml --method stop --junit drill.xml" },
  ],
};
