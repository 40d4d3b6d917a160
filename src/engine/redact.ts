/**
 * Secrets must never reach output, logs or run records. Member and file diffs can
 * carry neighbouring lines of a zowe.yaml (keystore passwords), Redis URIs carry
 * credentials, and a site's own JCL or RACF commands may carry passwords, so every
 * text that leaves the engine goes through here.
 *
 * Masking too much is a nuisance; masking too little is a leak. Where a shape is
 * ambiguous the rules below lean towards masking.
 */

export const REDACTED = "********";

const SECRET_KEY = String.raw`[-\w.]*(?:password|passwd|passphrase|secret|token|credential)s?[-\w.]*`;

/** A YAML block scalar indicator (`|`, `>-`, `|2`...) standing alone after the key. */
const BLOCK_INDICATOR = String.raw`[|>][-+0-9]*[ \t]*(?:#.*)?(?![^\r\n])`;

/** `key: value` / `key = value` at the start of a line (YAML, properties, JSON one per line, diff lines). */
const KEY_VALUE = new RegExp(
  String.raw`^([+\- ]?[ \t]*(?:-[ \t]+)?(["']?)${SECRET_KEY}\2[ \t]*[:=][ \t]*)(?!${BLOCK_INDICATOR})(\S.*)$`,
  "gim",
);

/** A quoted value, with its quotes doubled or escaped inside as YAML, JSON and TSO write them. */
const QUOTED = String.raw`"(?:[^"\\\n]|\\.)*"|'(?:[^'\n]|'')*'`;

/**
 * `key: value` inside a line: quoted keys (JSON) and bare keys after `{`, `,` or a blank
 * (flow maps, messages that quote a setting). A bare value runs to the next `,` `}` `]`.
 */
const FLOW_PAIR = new RegExp(
  String.raw`((?:(["'])${SECRET_KEY}\2|(?<=[{,\s])${SECRET_KEY})[ \t]*:[ \t]*)(?!${BLOCK_INDICATOR})(${QUOTED}|[^\s,}\]](?:[^,}\]\n]*[^\s,}\]])?)`,
  "gi",
);
/** `KEY=value` operands: JCL, URL queries, command parameters. */
const EQUALS_PAIR = new RegExp(String.raw`((?<![-\w.])${SECRET_KEY}[ \t]*=[ \t]*)(${QUOTED}|\([^)\n]*\)|[^\s,;&)'"]+)`, "gi");

/**
 * TSO/RACF operands such as PASSWORD(x) and PHRASE('x y'). NOPASSWORD and NOPHRASE take
 * no value and, being one word, are not matched.
 */
const OPERAND = /(?<![-\w.])((?:NEW)?(?:PASSWORD|PASSWD|PASSPHRASE|PHRASE)[ \t]*\([ \t]*)('(?:[^'\n]|'')*'|[^)\n]*)(?=[ \t]*\))/gi;

/** `user:password@` in URIs, also with an empty user (`redis://:pw@host`). */
const URI_CREDENTIALS = /(\b[a-z][a-z0-9+.-]*:\/\/|^|[\s"'(=])([^\s:@/"']*):([^\s@/"']+)@/gim;

/**
 * Secret values this process knows (the password, the token, the Basic header they make):
 * replaced wherever they appear, whatever the words around them, as Zowe's own censoring does.
 */
const knownSecrets = new Set<string>();

/** Values too short to be told from ordinary text are not masked by value (the patterns still apply). */
const MIN_SECRET_LENGTH = 3;

export function registerSecrets(...values: readonly (string | undefined)[]): void {
  for (const value of values) if (value !== undefined && value.length >= MIN_SECRET_LENGTH) knownSecrets.add(value);
}

/** Replaces every known secret value, longest first so a secret inside another goes with it. */
function maskKnownSecrets(text: string): string {
  if (knownSecrets.size === 0) return text;
  let out = text;
  for (const secret of [...knownSecrets].sort((a, b) => b.length - a.length)) out = out.split(secret).join(REDACTED);
  return out;
}

/**
 * For the plug-in's own sentences (error messages): the known values, and the shapes that
 * cannot swallow words around them (`user:pw@` in a URI, `PASSWORD(x)`, `password=x`). The
 * `key: value` rules of configuration text would read "credentials: user and password" as
 * a secret, so they are for z/OS content (diffs, JCL, spool), which goes through redactSecrets.
 */
/** PASSWORD(x) with the parenthesis right after the keyword, as a TSO command is written; prose puts a blank there. */
const TIGHT_OPERAND = /(?<![-\w.])((?:NEW)?(?:PASSWORD|PASSWD|PASSPHRASE|PHRASE)\([ \t]*)('(?:[^'\n]|'')*'|[^)\n]*)(?=[ \t]*\))/gi;

export function redactMessage(text: string): string {
  return maskKnownSecrets(text)
    .replace(EQUALS_PAIR, (_m, key: string, value: string) => key + maskValue(value))
    .replace(TIGHT_OPERAND, (_m, key: string, value: string) => key + (value.startsWith("'") ? `'${REDACTED}'` : REDACTED))
    .replace(URI_CREDENTIALS, (_m, prefix: string, user: string) => `${prefix}${user}:${REDACTED}@`);
}

export function redactSecrets(text: string): string {
  return redactContinuations(maskKnownSecrets(text))
    .replace(KEY_VALUE, (_m, key: string, _q: string, value: string) => key + maskLineValue(value))
    .replace(FLOW_PAIR, (_m, key: string, _q: string, value: string) => key + maskValue(value))
    .replace(EQUALS_PAIR, (_m, key: string, value: string) => key + maskValue(value))
    .replace(OPERAND, (_m, key: string, value: string) => key + (value.startsWith("'") ? `'${REDACTED}'` : REDACTED))
    .replace(URI_CREDENTIALS, (_m, prefix: string, user: string) => `${prefix}${user}:${REDACTED}@`);
}

/** Keeps the quotes (and whatever follows them, such as a JSON comma) so the shape stays readable. */
function maskLineValue(value: string): string {
  const quoted = new RegExp(`^(?:${QUOTED})`).exec(value);
  return quoted ? maskValue(quoted[0]) + value.slice(quoted[0].length) : REDACTED;
}

function maskValue(value: string): string {
  const first = value[0];
  if (first === '"' || first === "'") return `${first}${REDACTED}${first}`;
  if (first === "(") return `(${REDACTED})`;
  return REDACTED;
}

const KEY_LINE = new RegExp(String.raw`^([ \t]*(?:-[ \t]+)?)(["']?)${SECRET_KEY}\2[ \t]*:[ \t]*(.*)$`, "i");
/** A line that starts a mapping entry, a sequence item or a comment, so cannot continue a plain scalar. */
const STRUCTURE_LINE = /^[ \t]*(?:-(?:[ \t]|$)|#|[^#\s][^#]*?:(?:[ \t]|$))/;

/**
 * A YAML secret whose value sits on the following lines, which the one-line rules cannot
 * see: a block scalar (`password: |`), a plain scalar continued on the next line
 * (`password:` then the value indented), or a quoted value left open. Those lines are
 * masked as long as they are indented deeper than the key. In a unified diff the first
 * character of each line is the diff's own and is kept apart from the indentation.
 */
function redactContinuations(text: string): string {
  if (!/password|passwd|passphrase|secret|token|credential/i.test(text)) return text;
  const isDiff = /^@@ -\d/m.test(text);
  const lines = text.split("\n");
  let keyIndent = -1;
  let mode: "block" | "plain" | undefined;
  for (let i = 0; i < lines.length; i++) {
    // Records from z/OS arrive with either line ending; keep a CR where it was.
    const cr = lines[i].endsWith("\r") ? "\r" : "";
    const line = cr ? lines[i].slice(0, -1) : lines[i];
    const prefix = isDiff && /^[+\- ]/.test(line) && !/^(?:\+\+\+|---) /.test(line) ? line[0] : "";
    const body = line.slice(prefix.length);
    const indent = /^[ \t]*/.exec(body)![0];
    if (mode !== undefined) {
      if (body.trim() === "") continue;
      const deeper = indent.length > keyIndent;
      if (deeper && (mode === "block" || !STRUCTURE_LINE.test(body))) {
        lines[i] = prefix + indent + REDACTED + cr;
        continue;
      }
      mode = undefined;
    }
    const key = KEY_LINE.exec(body);
    if (!key) continue;
    const value = key[3].replace(/[ \t]+#.*$/, "").trim();
    const openQuote = /^["']/.test(value) && !new RegExp(`^(?:${QUOTED})`).test(value);
    if (new RegExp(`^${BLOCK_INDICATOR}`).test(value) || openQuote) mode = "block";
    else if (value === "" || value.startsWith("#")) mode = "plain";
    else continue;
    // On a list item ("- password: |") the key's column is past the dash.
    keyIndent = key[1].length;
  }
  return lines.join("\n");
}
