import { HaError } from "../errors";

export type PathSegment = string | number;

export interface TopologyProblem {
  /** Where in the file, e.g. `systems[1].zosmf.serverProc`; empty for the file as a whole. */
  path: string;
  /** The whole sentence: what is wrong, the value given, what is allowed. */
  message: string;
  /** The value as written in the file (absent when the field is missing). */
  given?: unknown;
  allowed?: string;
  /** 1-based position in the file, when it could be found. */
  line?: number;
  column?: number;
}

/** A topology that must not be used: nothing has been sent to z/OS. */
export class TopologyError extends HaError {
  readonly problems: readonly TopologyProblem[];
  readonly fileName: string;

  constructor(fileName: string, problems: readonly TopologyProblem[]) {
    const count = problems.length === 1 ? "1 problem" : `${problems.length} problems`;
    super(`${fileName}: the topology has ${count}; nothing was sent to z/OS`, {
      failureClass: "invalid-input",
      details: formatProblems(problems, fileName),
    });
    this.name = "TopologyError";
    this.problems = problems;
    this.fileName = fileName;
  }
}

/** The most of any one value a message quotes: a hostile or runaway value is not echoed whole. */
export const QUOTE_LIMIT = 60;

export function clip(text: string, limit = QUOTE_LIMIT): string {
  const chars = [...text];
  return chars.length <= limit ? text : `${chars.slice(0, limit).join("")}…`;
}

export function pathString(path: readonly PathSegment[]): string {
  let out = "";
  for (const raw of path) {
    // A field name is as much the file's text as a value is.
    const segment = typeof raw === "number" ? raw : clip(raw);
    out += typeof segment === "number" ? `[${segment}]` : out === "" ? segment : `.${segment}`;
  }
  return out;
}

/** One line per problem, `file:line:column: path: message`, for the CLI. */
export function formatProblems(problems: readonly TopologyProblem[], fileName?: string): string[] {
  return problems.map((p) => {
    const where = [fileName, p.line, p.line === undefined ? undefined : p.column].filter((x) => x !== undefined);
    const prefix = where.length > 0 ? `${where.join(":")}: ` : "";
    return `${prefix}${p.path === "" ? "" : `${p.path}: `}${p.message}`;
  });
}

/**
 * `user:password@host:port` appears in Redis addresses; the password must not reach a log.
 * Everything between the first `:` and the last `@` is hidden, whatever it holds (a blank, an
 * `@`), and a bare `secret@host:port` is hidden whole: Redis reads a lone user part as a password.
 */
export function hidePassword<T>(value: T): T {
  if (typeof value !== "string") return value;
  const at = value.lastIndexOf("@");
  if (at < 0) return value;
  const colon = value.indexOf(":");
  if (colon >= 0 && colon < at) return `${value.slice(0, colon)}:****${value.slice(at)}` as T;
  return (/^@[^@\s]*:\d/.test(value.slice(at)) ? `****${value.slice(at)}` : value) as T;
}

export function describeValue(value: unknown): string {
  if (Array.isArray(value)) return value.length === 1 ? "a list of 1 entry" : `a list of ${value.length} entries`;
  if (value === null) return "null (an empty value)";
  if (typeof value === "object") return "a mapping";
  if (typeof value === "string") return JSON.stringify(clip(hidePassword(value)));
  return String(value);
}

/** `what is wrong (given X); allowed: Y`: the one shape every message has. */
export function composeMessage(what: string, given: unknown, allowed: string | undefined): string {
  // A whole mapping says nothing useful inline; lists and scalars do.
  const silent = given === undefined || (typeof given === "object" && given !== null && !Array.isArray(given));
  const shown = silent ? "" : ` (given ${describeValue(given)})`;
  return `${what}${shown}${allowed === undefined ? "" : `; allowed: ${allowed}`}`;
}
