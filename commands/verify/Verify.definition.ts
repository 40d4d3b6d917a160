import type { ICommandDefinition } from "@zowe/imperative";
import { connectionOptions } from "../connection-options";
import { TOPOLOGY_OPTION, TRUST_TOPOLOGY_HOSTS_OPTION } from "../options";

export const VerifyDefinition: ICommandDefinition = {
  name: "verify",
  aliases: ["ver"],
  type: "command",
  summary: "Read the live sysplex back and give a verdict per HA check",
  description:
    "Read every system named in the topology (IZUPRMxx members, mounted file systems, NETSTAT VIPADCFG, VDPT, " +
    "VIPADYN, PORTLIST and listener displays, z/OSMF info, zowe.yaml and the caching VSAM data set) with GET " +
    "requests and display commands only, and judge each check healthy, degraded or failed. Exits 0 only when no " +
    "check failed (and, with --fail-on degraded, none is degraded).",
  handler: __dirname + "/Verify.handler",
  profile: { optional: ["zosmf"] },
  options: [
    TOPOLOGY_OPTION,
    {
      name: "junit",
      aliases: ["j"],
      description: "Also write a JUnit XML report (one test case per check) to this local file, for CI systems.",
      type: "string",
    },
    {
      name: "fail-on",
      aliases: ["fo"],
      description:
        "The worst verdict still accepted: 'failed' makes only failed checks fail the command; 'degraded' makes degraded ones fail it too.",
      type: "string",
      allowableValues: { values: ["failed", "degraded"] },
      defaultValue: "failed",
    },
    {
      name: "system-timeout",
      aliases: ["st"],
      description: "Seconds allowed for reading one system before its checks fail as unreadable.",
      type: "number",
      defaultValue: 60,
    },
    {
      name: "connect-to",
      aliases: ["ct"],
      description:
        "Reach a host the topology names at another address, as HOST:PORT=URL (for example the DVIPA of a test sysplex served on a local port: " +
        "192.0.2.10:443=https://127.0.0.1:8443). Certificates are still checked as the profile says; only the listed host and port are redirected.",
      type: "array",
    },
    {
      name: "deep",
      description:
        "Also submit one job per sysplex that only lists (LISTUSER, LISTGRP, RLIST, RACDCERT LIST and LISTRING) and judge the " +
        "RACF definitions, the key ring and its certificates (alternative names, expiry: degraded 30 days before), read the " +
        "server procedures' IZUPRM= and USERDIR= from PROCLIB, and check HEALTHSWITCH on every distributing stack.",
      type: "boolean",
      defaultValue: false,
    },
    TRUST_TOPOLOGY_HOSTS_OPTION,
    ...connectionOptions,
  ],
  examples: [
    { description: "Check that z/OSMF hot standby is in force", options: "-t sysplex.yaml" },
    {
      description: "Gate a pipeline: write JUnit and fail on degraded as well as failed",
      options: "-t sysplex.yaml --junit ha-verify.xml --fail-on degraded",
    },
    { description: "Return the checks as JSON", options: "-t sysplex.yaml --rfj" },
  ],
};
