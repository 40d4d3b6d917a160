/**
 * The emulator's own reading of an IZUPRMxx member (§7.1), kept apart from the plug-in's
 * parser so the two check each other. Data is in columns 1–71; `/* … *\/` comments;
 * blanks and commas separate; a value in single quotes keeps its case, others are
 * upper-cased. Statements are `NAME(value)` or `NAME SUB(value) SUB(value)…`.
 * Unknown statement names are accepted (the member may use ones the emulator ignores).
 */

export interface IzuprmSettings {
  /** `NAME` → value, and `NAME.SUB` → value for sub-keyword statements. */
  values: Record<string, string>;
  errors: string[];
}

/** §7.1 defaults for what the server start needs. */
export const IZUPRM_DEFAULTS: Record<string, string> = {
  HOSTNAME: "*",
  HTTP_SSL_PORT: "443",
  USER_DIR: "/global/zosmf",
  AUTOSTART: "LOCAL",
  AUTOSTART_GROUP: "IZUDFLT",
  SERVER_PROC: "IZUSVR1",
  ANGEL_PROC: "IZUANG1",
  SAF_PREFIX: "IZUDFLT",
  KEYRING_NAME: "IZUKeyring.IZUDFLT",
};

/** Statements whose operands are sub-keywords rather than one parenthesised value. */
const SUB_KEYWORD_STATEMENTS = new Set(["COMMON_TSO", "SEC_GROUPS", "WLM_CLASSES", "RESTAPI_FILE", "INCIDENT_LOG"]);

/** §7.1 statement names: a `NAME(` after a sub-keyword statement starts a new statement when NAME is one of these. */
const STATEMENT_NAMES = new Set([
  ...SUB_KEYWORD_STATEMENTS,
  ...Object.keys(IZUPRM_DEFAULTS),
  "UNAUTH_USER",
  "JAVA_HOME",
  "SESSION_EXPIRE",
  "TEMP_DIR",
  "LOGGING",
  "PLUGINS",
  "CLOUD_SAF_PREFIX",
  "CLOUD_SEC_ADMIN",
]);

type Piece = { kind: "word" | "open" | "close" | "quoted"; text: string; line: number };

function pieces(text: string, errors: string[]): Piece[] {
  const out: Piece[] = [];
  let inComment = false;
  text.split(/\r?\n/).forEach((record, index) => {
    const line = index + 1;
    const data = record.slice(0, 71);
    let i = 0;
    while (i < data.length) {
      if (inComment) {
        const end = data.indexOf("*/", i);
        if (end < 0) break;
        inComment = false;
        i = end + 2;
        continue;
      }
      const c = data[i];
      if (c === " " || c === "," || c === "\t") i++;
      else if (data.startsWith("/*", i)) {
        inComment = true;
        i += 2;
      } else if (c === "(") {
        out.push({ kind: "open", text: c, line });
        i++;
      } else if (c === ")") {
        out.push({ kind: "close", text: c, line });
        i++;
      } else if (c === "'") {
        let j = i + 1;
        let value = "";
        while (j < data.length) {
          if (data[j] === "'" && data[j + 1] === "'") {
            value += "'";
            j += 2;
          } else if (data[j] === "'") break;
          else value += data[j++];
        }
        if (j >= data.length) errors.push(`QUOTED STRING NOT CLOSED ON LINE ${line}`);
        out.push({ kind: "quoted", text: value, line });
        i = j + 1;
      } else {
        let j = i;
        while (j < data.length && !" ,()'\t".includes(data[j]) && !data.startsWith("/*", j)) j++;
        out.push({ kind: "word", text: data.slice(i, j).toUpperCase(), line });
        i = j;
      }
    }
  });
  if (inComment) errors.push("COMMENT NOT CLOSED");
  return out;
}

/** Reads `( value… )` starting at an `open` piece; returns the joined value and the next index. */
function parenValue(ps: Piece[], at: number, errors: string[]): { value: string; next: number } {
  const parts: string[] = [];
  let i = at + 1;
  let depth = 1;
  for (; i < ps.length; i++) {
    const p = ps[i];
    if (p.kind === "open") depth++;
    else if (p.kind === "close" && --depth === 0) return { value: parts.join(","), next: i + 1 };
    else parts.push(p.text);
  }
  errors.push(`PARENTHESIS NOT CLOSED ON LINE ${ps[at].line}`);
  return { value: parts.join(","), next: i };
}

export function parseIzuprm(text: string): IzuprmSettings {
  const errors: string[] = [];
  const ps = pieces(text, errors);
  const values: Record<string, string> = {};
  let i = 0;
  while (i < ps.length) {
    const p = ps[i];
    if (p.kind !== "word") {
      errors.push(`UNEXPECTED '${p.text}' ON LINE ${p.line}`);
      i++;
      continue;
    }
    const name = p.text;
    if (ps[i + 1]?.kind === "open") {
      const v = parenValue(ps, i + 1, errors);
      values[name] = v.value;
      i = v.next;
      continue;
    }
    i++;
    if (SUB_KEYWORD_STATEMENTS.has(name)) {
      while (i < ps.length && ps[i].kind === "word" && ps[i + 1]?.kind === "open" && !STATEMENT_NAMES.has(ps[i].text)) {
        const sub = ps[i].text;
        const v = parenValue(ps, i + 1, errors);
        values[`${name}.${sub}`] = v.value;
        i = v.next;
      }
    } else values[name] = "";
  }
  const port = values.HTTP_SSL_PORT;
  if (port !== undefined && !(/^\d+$/.test(port) && Number(port) >= 1 && Number(port) <= 65535)) {
    errors.push(`HTTP_SSL_PORT VALUE ${port} IS NOT A PORT NUMBER`);
  }
  return { values, errors };
}

/** A setting with its §7.1 default. */
export function setting(s: IzuprmSettings, name: string): string {
  return s.values[name] ?? IZUPRM_DEFAULTS[name] ?? "";
}
