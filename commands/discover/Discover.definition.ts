import type { ICommandDefinition } from "@zowe/imperative";
import { connectionOptions } from "../connection-options";
import { FORCE_OUT_OPTION, outOption } from "../options";

export const DiscoverDefinition: ICommandDefinition = {
  name: "discover",
  aliases: ["disc"],
  type: "command",
  summary: "Draft a topology file from the live sysplex, read-only",
  description:
    "Read the sysplex through z/OSMF with GET requests and display commands only (D XCF,S,ALL, NETSTAT HOME, " +
    "VIPADCFG, VIPADYN and PORTLIST, D PARMLIB, D IPLINFO, D A,L, the IZUPRMxx, IEASYSxx and procedure members, " +
    "mounted file systems, zowe.yaml) and write a topology that validates, each value commented with the display or " +
    "member it came from and TODO where a person must decide. HA definitions already in place are written as they " +
    "are, so provisioning the draft changes nothing they cover. A system that is down is marked, never guessed. " +
    "Without --out the draft is printed; an existing --out file is never replaced without --force (exit 3).",
  handler: __dirname + "/Discover.handler",
  profile: { optional: ["zosmf"] },
  options: [
    outOption("Write the draft to this local file instead of printing it."),
    FORCE_OUT_OPTION,
    {
      name: "systems",
      aliases: ["s"],
      description:
        "Only these systems, separated by commas (default: every system D XCF,S,ALL lists). A named system that is not ACTIVE is marked down.",
      type: "string",
    },
    {
      name: "zowe-yaml",
      aliases: ["zy"],
      description:
        "The z/OS UNIX path of the Zowe configuration (zowe.yaml) to read the Caching Service settings, host names and the " +
        "gateways' external port from (a DVIPA distributed on that port is drafted as the gateway section).",
      type: "string",
    },
    ...connectionOptions,
  ],
  examples: [
    { description: "Print a draft topology of every system of the sysplex", options: "" },
    {
      description: "Write the draft of two systems to plex.yaml, with the Caching Service",
      options: "--out plex.yaml --systems SYSA,SYSB --zowe-yaml /global/zowe/zowe.yaml",
    },
  ],
};
