import type { ICommandOptionDefinition } from "@zowe/imperative";

/**
 * The z/OSMF connection options every Zowe z/OSMF command has, under the same names, so zosmf
 * profiles, team configuration and ZOWE_OPT_* variables fill them in as they do for stock
 * commands. Defined here with imperative's types only: the plug-in needs nothing from
 * @zowe/cli at run time.
 */
const GROUP = "Zosmf Connection Options";

export const connectionOptions: ICommandOptionDefinition[] = [
  { name: "host", aliases: ["H"], description: "The z/OSMF host name.", type: "string", group: GROUP },
  { name: "port", aliases: ["P"], description: "The z/OSMF port.", type: "number", defaultValue: 443, group: GROUP },
  { name: "user", aliases: ["u"], description: "The z/OS user ID that signs on to z/OSMF.", type: "string", group: GROUP },
  { name: "password", aliases: ["pass", "pw"], description: "The password of that user ID.", type: "string", group: GROUP },
  {
    name: "reject-unauthorized",
    aliases: ["ru"],
    description: "Refuse a server certificate that is not trusted.",
    type: "boolean",
    defaultValue: true,
    group: GROUP,
  },
  {
    name: "base-path",
    aliases: ["bp"],
    description: "Path put in front of every z/OSMF path, for z/OSMF reached through the API Mediation Layer.",
    type: "string",
    group: GROUP,
  },
  {
    name: "protocol",
    description: "http or https.",
    type: "string",
    defaultValue: "https",
    allowableValues: { values: ["http", "https"], caseSensitive: false },
    group: GROUP,
  },
  { name: "cert-file", description: "A PEM client certificate to authenticate with.", type: "existingLocalFile", group: GROUP },
  { name: "cert-key-file", description: "The PEM private key of --cert-file.", type: "existingLocalFile", group: GROUP },
  {
    name: "completion-timeout",
    aliases: ["cto"],
    description: "Seconds each z/OSMF request may take before it is abandoned.",
    type: "number",
    group: GROUP,
  },
  {
    name: "establish-connection-timeout",
    aliases: ["ecto"],
    description: "Seconds a connection to z/OSMF (TCP and TLS) may take to open.",
    type: "number",
    group: GROUP,
  },
  {
    name: "token-type",
    aliases: ["tt"],
    description: "The type of the token in --token-value (LtpaToken2, jwtToken or apimlAuthenticationToken).",
    type: "string",
    group: GROUP,
  },
  {
    name: "token-value",
    aliases: ["tv"],
    description: "A z/OSMF or API ML session token, sent instead of a password.",
    type: "string",
    group: GROUP,
  },
];
