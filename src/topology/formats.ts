import { z } from "zod";

/*
 * Value formats shared by the topology schema. Every message given to zod here is
 * the "allowed" text a user sees (and the JSON Schema description), so each one
 * says what may be written, not what went wrong.
 *
 * Patterns accept lower case because names are upper-cased after checking: a
 * systems programmer may type `sysa`, z/OS only ever sees `SYSA`.
 */

const NAME_CHARS = "A–Z, 0–9, @, #, $";

/**
 * A text value with one syntax, optionally upper-cased once it has passed. `check`
 * holds what a pattern cannot say (an address range); the pattern still goes into the
 * JSON Schema for editors.
 */
function text(allowed: string, pattern: RegExp, options: { upper?: boolean; max?: number; check?: (value: string) => boolean } = {}) {
  let schema = z.string({ error: allowed });
  if (options.max !== undefined) schema = schema.max(options.max, { error: allowed });
  schema = schema.regex(pattern, { error: allowed });
  const check = options.check;
  const checked = check === undefined ? schema : schema.refine((value) => !pattern.test(value) || check(value), { error: allowed });
  return (options.upper ? checked.toUpperCase() : checked).meta({ description: allowed });
}

const name8 = /^[A-Za-z@#$][A-Za-z0-9@#$]{0,7}$/;

export const systemName = text(`a z/OS system name: 1–8 characters ${NAME_CHARS}, not starting with a digit`, name8, {
  upper: true,
});

export const sysplexName = text(`a sysplex name: 1–8 characters ${NAME_CHARS}, not starting with a digit`, name8, {
  upper: true,
});

export const jobName = text(`a job or procedure name: 1–8 characters ${NAME_CHARS}, not starting with a digit`, name8, {
  upper: true,
});

/** Autostart groups, SAF prefixes and SMS classes follow the same 8-character rule. */
export function shortName(what: string) {
  return text(`${what}: 1–8 characters ${NAME_CHARS}, not starting with a digit`, name8, { upper: true });
}

export const jobPrefix = text(
  `a job-name prefix: 1–8 characters ${NAME_CHARS} or the wildcards * (any characters) and ? (one character), starting with a letter, @, # or $`,
  /^[A-Za-z@#$][A-Za-z0-9@#$*?]{0,7}$/,
  { upper: true },
);

const qualifier = "[A-Za-z@#$][A-Za-z0-9@#$-]{0,7}";
const dsnPattern = new RegExp(`^${qualifier}(\\.${qualifier})*$`);

/** `max` is below 44 where the system appends qualifiers (a VSAM cluster's .INDEX). */
export function dataSetName(max = 44, why = "") {
  return text(
    `a data set name: at most ${max} characters${why}, qualifiers of 1–8 characters ${NAME_CHARS} or - (not first) joined by dots`,
    dsnPattern,
    { upper: true, max },
  );
}

export const memberRef = text(
  `a member of a partitioned data set, written DSN(MEMBER), e.g. SITE.CUSTOM.JCL(IZUSEC)`,
  new RegExp(`^${qualifier}(\\.${qualifier})*\\(${name8.source.slice(1, -1)}\\)$`),
  { upper: true, max: 54 },
);

export const volser = text(`a volume serial: 1–6 characters ${NAME_CHARS}`, /^[A-Za-z0-9@#$]{1,6}$/, { upper: true });

/** The two characters after a PARMLIB member's prefix, e.g. 0A in IZUPRM0A. */
export function memberSuffix(member: string) {
  return text(`a 2-character ${member} suffix: A–Z, 0–9`, /^[A-Za-z0-9]{2}$/, { upper: true });
}

export const parmlibSuffix = memberSuffix("IZUPRMxx");

/*
 * z/OS UNIX paths. The plug-in creates and mounts these directories, and z/OSMF
 * and zowe.yaml read them back, so only a portable set of characters is accepted
 * (POSIX portable file names): nothing a shell, a JCL PARM or a REST path would
 * read as syntax. A path is accepted only in its one normalised spelling, so two
 * spellings of one directory cannot pass as two (no . or .. names, no //, no
 * trailing /). Limits: PATH_MAX 1023 and NAME_MAX 255 (z/OS UNIX limits.h).
 */
const PATH_NAME = "(?!\\.\\.?(?:/|$))[A-Za-z0-9._-]{1,255}";
export const USS_PATH_PATTERN = new RegExp(`^(?:/${PATH_NAME})+$`);

export const ussPath = text(
  "an absolute, normalised z/OS UNIX path such as /global/zosmf/sysa: at most 1023 characters, / followed by names of 1–255 characters A–Z, a–z, 0–9, '.', '_' or '-' joined by single slashes; not / itself, no . or .. names, no trailing /",
  USS_PATH_PATTERN,
  { max: 1023 },
);

const MEMBER_REF_PATTERN = new RegExp(`^${qualifier}(\\.${qualifier})*\\(${name8.source.slice(1, -1)}\\)$`);
const SERVER_CONFIG_ALLOWED =
  "a server's configuration file: a z/OS UNIX path such as /var/zosconnect/servers/zcha1/server.xml (z/OS Connect), or DSN(MEMBER) such as IMS.PROCLIB(HWSCFG01) (IMS Connect)";

/** A z/OS UNIX path (kept as written: z/OS UNIX names are case-sensitive) or DSN(MEMBER) (upper-cased). */
export const serverConfig = z
  .string({ error: SERVER_CONFIG_ALLOWED })
  .max(1023, { error: SERVER_CONFIG_ALLOWED })
  .refine((v) => USS_PATH_PATTERN.test(v) || (v.length <= 54 && MEMBER_REF_PATTERN.test(v)), { error: SERVER_CONFIG_ALLOWED })
  .transform((v) => (v.startsWith("/") ? v : v.toUpperCase()))
  .meta({ description: SERVER_CONFIG_ALLOWED });

export const hostName = text(
  `an IP host name such as sysa.example.com, or an IPv4 address`,
  /^(?=.{1,253}$)[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$/,
);

const octet = "(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])";
export const IPV4_PATTERN = new RegExp(`^${octet}(\\.${octet}){3}$`);

/** The address as a 32-bit unsigned number; only for text that matched IPV4_PATTERN. */
export function ipv4Number(address: string): number {
  return address.split(".").reduce((n, part) => n * 256 + Number(part), 0);
}

/**
 * A DVIPA, a dynamic XCF address or a BIND address names one interface: never
 * "this network" (0/8), loopback (127/8), multicast (224/4), reserved (240/4) or
 * the limited broadcast 255.255.255.255 (RFC 1122, RFC 5771, RFC 1112).
 */
export function isUnicast(address: string): boolean {
  const first = Number(address.split(".")[0]);
  return first !== 0 && first !== 127 && first < 224;
}

export const ipv4 = text(
  `a unicast IPv4 address in dotted-decimal form, e.g. 192.0.2.10 (not 0.x.x.x, 127.x.x.x loopback, 224.0.0.0 and above: multicast, reserved, broadcast)`,
  IPV4_PATTERN,
  { check: isUnicast },
);

// Contiguous masks only: the stack refuses a mask with holes, so say so before it does.
const maskByte = "(0|128|192|224|240|248|252|254)";
const maskPattern = new RegExp(
  `^(255\\.255\\.255\\.(${maskByte.slice(1, -1)}|255)` +
    `|255\\.255\\.${maskByte}\\.0` +
    `|255\\.${maskByte}\\.0\\.0` +
    `|(128|192|224|240|248|252|254)\\.0\\.0\\.0)$`,
);
export const ipv4Mask = text(`a contiguous IPv4 subnet mask from 128.0.0.0 to 255.255.255.255, e.g. 255.255.255.0`, maskPattern);

/*
 * RACDCERT ADDRING takes ring names of up to 237 characters (RACF Command Language
 * Reference, RACDCERT ADDRING; the name becomes a DIGTRING profile). The ring name is
 * an operand of RACDCERT, a KEYRING_NAME value in IZUPRMxx and a SAF resource name, so
 * the plug-in accepts the subset that needs no quoting in any of them: no blanks,
 * quotes, parentheses, commas, asterisks or slashes.
 */
export const keyringName = text(
  `a key ring name such as IZUKeyring.IZUDFLT: 1–237 characters A–Z, a–z, 0–9, @, #, $, '.', '_' or '-'`,
  /^[A-Za-z0-9@#$._-]{1,237}$/,
);

export const label = text(
  `a name of 1–32 characters: letters, digits, '.', '_' or '-', starting with a letter or digit`,
  /^[A-Za-z0-9][A-Za-z0-9._-]{0,31}$/,
);

/** A Zowe team-configuration profile name; nested profiles are written with dots (lpar1.zosmf). */
export const profileName = text(
  "a Zowe zosmf profile name: 1–100 characters A–Z, a–z, 0–9, '.', '_', '-', @, # or $",
  /^[A-Za-z0-9._@#$-]{1,100}$/,
);

const URL_NAME = "(?!\\.\\.?(?:/|$))[A-Za-z0-9._~-]+";
/** The path in front of every z/OSMF request, e.g. /ibmzosmf/api/v1 behind the API ML. */
export const basePath = text(
  "a URL path such as /ibmzosmf/api/v1: names of A–Z, a–z, 0–9, '.', '_', '~' or '-' joined by single slashes, no . or .. names, at most 255 characters",
  new RegExp(`^/?${URL_NAME}(?:/${URL_NAME})*$`),
  { max: 255 },
);

/*
 * Redis addresses and key stores are written into zowe.yaml, which Zowe reads again
 * and in which ${{ }} is an expression: such characters are not accepted. A password
 * with other characters can be written percent-encoded.
 */
const URI_USER = "[A-Za-z0-9._~!%&*+=,;^|?-]*";
export const redisAddress = text(
  "a Redis address [user[:password]@]host:port; user and password of A–Z, a–z, 0–9 and ._~!%&*+=,;^|?- (percent-encode others)",
  new RegExp(`^(?:${URI_USER}(?::${URI_USER})?@)?[A-Za-z0-9](?:[A-Za-z0-9.-]{0,252})?:[0-9]{1,5}$`),
);

export const redisName = text("a Redis sentinel master name: 1–64 characters A–Z, a–z, 0–9, '.', '_' or '-'", /^[A-Za-z0-9._-]{1,64}$/);

export const keystore = text(
  "a key store: an absolute, normalised z/OS UNIX path (see userDir) or safkeyring://OWNER/RING",
  new RegExp(`${USS_PATH_PATTERN.source}|^safkeyring:/{2,4}(?:[A-Za-z0-9@#$]{1,8}/)?[A-Za-z0-9@#$._-]{1,237}$`),
  { max: 1023 },
);

export const initialHosts = text(
  `host[port] entries joined by commas, e.g. sysa.example.com[7600],sysb.example.com[7600]`,
  /^[A-Za-z0-9.-]+\[[0-9]{1,5}\](,[A-Za-z0-9.-]+\[[0-9]{1,5}\])*$/,
);

export function wholeNumber(min: number, max: number, what = "a whole number") {
  const allowed = `${what} from ${min} to ${max}`;
  return z
    .number({ error: allowed })
    .int({ error: allowed })
    .min(min, { error: allowed })
    .max(max, { error: allowed })
    .meta({ description: allowed });
}

export const port = wholeNumber(1, 65535, "a port number");

export const flag = z.boolean({ error: "true or false" });

export function oneOf<const V extends readonly [string, ...string[]]>(values: V) {
  const allowed = values.length === 2 ? `${values[0]} or ${values[1]}` : `one of ${values.join(", ")}`;
  return z.enum(values, { error: allowed }).meta({ description: allowed });
}

/** A list; the item schema carries its own messages. */
export function listOf<T extends z.ZodType>(item: T, what: string, size: { min?: number; max?: number } = {}) {
  const { min = 0, max } = size;
  const count = max === undefined ? `at least ${min}` : min === max ? `exactly ${min}` : `${min} to ${max}`;
  const allowed = `a list of ${count} ${what}`;
  let schema = z.array(item, { error: allowed });
  if (min > 0) schema = schema.min(min, { error: allowed });
  if (max !== undefined) schema = schema.max(max, { error: allowed });
  return schema;
}

/**
 * A mapping whose fields are all known: a misspelt field (autoSwitchback) would
 * otherwise be dropped without a word and its default used instead.
 */
export function fields<Shape extends z.core.$ZodLooseShape>(shape: Shape) {
  const names = Object.keys(shape).join(", ");
  return z.strictObject(shape, {
    error: (issue) => (issue.code === "unrecognized_keys" ? `the fields ${names}` : `a mapping with the fields ${names}`),
  });
}
