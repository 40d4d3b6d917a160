import { z } from "zod";
import { HaError } from "../errors";
import { ZosmfError } from "./errors";
import type { Send } from "./http";
import { parseBody } from "./parse";
import { sleep } from "./poll";

const CONSOLES = "/zosmf/restconsoles/consoles";

/** Follow-up reads of the command response when the caller does not say. */
export const CONSOLE_DEFAULT_MAX_FOLLOW_UPS = 5;
/** Follow-ups allowed when the caller can tell a whole response (END OF THE REPORT, EZZ0053I): a large sysplex's VIPADCFG runs to many pieces. */
export const CONSOLE_MAX_FOLLOW_UPS_WHEN_CHECKED = 64;
/** Pause before a follow-up that waits for messages still on their way after the command. */
export const CONSOLE_DEFAULT_FOLLOW_UP_DELAY_MS = 1_000;
/** Routing failures z/OS reports as ordinary response text. */
const ROUTING_REJECTIONS = ["IEE618I", "IEE345I"] as const;

export interface CollectOptions {
  /** @default CONSOLE_DEFAULT_MAX_FOLLOW_UPS */
  readonly maxFollowUps?: number;
  /** @default CONSOLE_DEFAULT_FOLLOW_UP_DELAY_MS */
  readonly delayMs?: number;
  /** Says whether the text so far is the whole response. @default sol-key seen, or an empty follow-up after some text */
  readonly isComplete?: (text: string) => boolean;
}

export interface IssueOptions {
  /** EMCS console; `defcn` is the user's default console. @default "defcn" */
  readonly consoleName?: string;
  /** System to run the command on; ignored for `RO`/`ROUTE` commands, which name their own. */
  readonly system?: string;
  /** Text whose arrival marks the response as complete. */
  readonly solKey?: string;
  readonly collect?: CollectOptions;
  /** The command only displays, so repeating it after a lost answer is harmless. @default false */
  readonly safeToRepeat?: boolean;
  readonly signal?: AbortSignal;
}

export interface ConsoleResponse {
  readonly key: string;
  /** All response pieces joined with `\r`. */
  readonly text: string;
  /** `text` split into lines, empty lines dropped. */
  readonly lines: readonly string[];
  readonly solKeyDetected: boolean;
  /** False when follow-ups ran out before the response looked complete. */
  readonly complete: boolean;
  readonly followUps: number;
}

const issueResponseSchema = z.looseObject({
  "cmd-response-key": z.string().regex(/^[A-Za-z0-9]+$/),
  "cmd-response": z.string().nullish(),
  "sol-key-detected": z.boolean().nullish(),
});
const followUpSchema = z.looseObject({
  "cmd-response": z.string().nullish(),
  "sol-key-detected": z.boolean().nullish(),
});

/** The longest command the console API takes (MGCR's limit). */
export const CONSOLE_COMMAND_MAX = 126;

/**
 * Reads a command as the console would before it is sent: one line of printable text of at
 * most 126 characters, with no `;` (the usual CONSOLxx command delimiter, which would start a
 * second command), no `&` (MVS replaces system symbols in commands, so the command sent would not
 * be the one shown) and no apostrophe left open. Null when it is one command; else the reason.
 */
export function consoleCommandProblem(cmd: string): string | null {
  if (!cmd.trim()) return "it is empty";
  if (cmd.length > CONSOLE_COMMAND_MAX) return `it is ${cmd.length} characters; a console command is at most ${CONSOLE_COMMAND_MAX}`;
  if (/[\r\n]/.test(cmd)) return "it is more than one line";
  if (/[^\x20-\x7e]/.test(cmd)) return "it holds a character outside printable text";
  if (cmd.includes(";")) return "it holds ;, which a console with a command delimiter reads as the start of a second command";
  if (cmd.includes("&")) return "it holds &, which the system would replace as a system symbol";
  if ((cmd.match(/'/g) ?? []).length % 2 === 1) return "an apostrophe is not closed";
  return null;
}

export function splitLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/).filter((line) => line.trim() !== "");
}

function routeTarget(cmd: string): string | undefined {
  return /^\s*RO(?:UTE)?\s+([^,\s]+)\s*,/i.exec(cmd)?.[1]?.toUpperCase();
}

function isRouted(cmd: string): boolean {
  return /^\s*RO(?:UTE)?\s/i.test(cmd);
}

/** Refuses, before anything is sent, a command that is not one console command or a bad console name. */
function assertSendable(cmd: string, consoleName: string): void {
  const problem = consoleCommandProblem(cmd);
  if (problem) {
    throw new HaError(`The console command was not sent: ${problem}.`, {
      failureClass: "invalid-input",
      details: [`command: ${JSON.stringify(cmd.slice(0, 60))}${cmd.length > 60 ? " (first 60 characters)" : ""}`],
    });
  }
  if (!/^[A-Za-z0-9@#$]{2,8}$/.test(consoleName)) {
    throw new HaError(`'${consoleName}' is not a valid console name (2-8 characters).`, { failureClass: "invalid-input" });
  }
}

/** The pieces of one command's solicited response, read as they arrive. */
class ResponsePieces {
  readonly pieces: string[] = [];
  solKeyDetected = false;
  lastEmpty = false;

  constructor(
    private readonly where: { readonly path: string; readonly target: string },
    private readonly solKey: string | undefined,
  ) {}

  /** Adds a piece; a routing rejection (IEE618I, IEE345I) ends the command as refused. */
  add(piece: string, solKeyDetected: boolean): void {
    if (solKeyDetected) this.solKeyDetected = true;
    this.lastEmpty = piece === "";
    if (!piece) return;
    this.pieces.push(piece);
    const rejection = splitLines(piece).find((line) => ROUTING_REJECTIONS.some((id) => line.includes(id)));
    if (rejection) {
      throw new ZosmfError({
        kind: "rejected",
        method: "PUT",
        path: this.where.path,
        summary: `the command was not routed to ${this.where.target}: ${rejection.trim()}`,
        hint: "Check the system name and the user's authority to route commands.",
      });
    }
    if (this.solKey && piece.toUpperCase().includes(this.solKey)) this.solKeyDetected = true;
  }

  complete(collect: CollectOptions, solKeyAsked: boolean): boolean {
    if (collect.isComplete) return collect.isComplete(this.pieces.join("\r"));
    if (solKeyAsked) return this.solKeyDetected;
    return this.pieces.length > 0 && this.lastEmpty;
  }
}

/**
 * Reads follow-ups until the response is whole or the bound is reached. A follow-up read is
 * never repeated: each one consumes what it returns, so a retried read could lose a piece.
 */
async function readFollowUps(
  send: Send,
  solPath: string,
  response: ResponsePieces,
  options: IssueOptions,
): Promise<{ complete: boolean; followUps: number }> {
  const collect = options.collect ?? {};
  const maxFollowUps = collect.maxFollowUps ?? CONSOLE_DEFAULT_MAX_FOLLOW_UPS;
  const delayMs = collect.delayMs ?? CONSOLE_DEFAULT_FOLLOW_UP_DELAY_MS;
  // With a test that recognises the whole response, a read that brought text but not the
  // end means the rest is most likely queued already: read it at once instead of pausing.
  // The pause stays for a read that brought nothing (messages still on their way) and for
  // the default test, where an early empty read would end collection too soon.
  const canReadOn = collect.isComplete !== undefined || options.solKey !== undefined;
  let broughtText = response.pieces.length > 0;
  let followUps = 0;
  let complete = response.complete(collect, options.solKey !== undefined);
  while (!complete && followUps < maxFollowUps) {
    if (canReadOn && broughtText) options.signal?.throwIfAborted();
    else await sleep(delayMs, options.signal);
    followUps++;
    const more = await send({ method: "GET", path: solPath, repeatable: false, ...(options.signal ? { signal: options.signal } : {}) });
    const next = parseBody(followUpSchema, more.data, "GET", solPath);
    const piece = next["cmd-response"] ?? "";
    broughtText = piece !== "";
    response.add(piece, next["sol-key-detected"] === true);
    complete = response.complete(collect, options.solKey !== undefined);
  }
  return { complete, followUps };
}

/**
 * Issues an MVS command and collects its solicited response. Follow-ups are bounded, so a
 * command that keeps talking returns with `complete: false` rather than hanging. A follow-up
 * is never read twice (each read consumes its piece); when one is lost, a command that is
 * safe to repeat (a display) is issued again whole, once, so what a caller reads is always
 * one whole answer and never one with a piece missing. Anything else fails as it is.
 */
async function issueConsoleCommand(send: Send, cmd: string, options: IssueOptions): Promise<ConsoleResponse> {
  assertSendable(cmd, options.consoleName ?? "defcn");
  try {
    return await issueOnce(send, cmd, options);
  } catch (err) {
    if (!(options.safeToRepeat === true && err instanceof FollowUpLost)) throw unwrap(err);
    return issueOnce(send, cmd, options).catch((again: unknown) => Promise.reject(unwrap(again)));
  }
}

/** A follow-up read that got no answer (a server error, a dropped connection, a timeout). */
class FollowUpLost extends Error {
  constructor(readonly cause: ZosmfError) {
    super(cause.message);
  }
}

const unwrap = (err: unknown): unknown => (err instanceof FollowUpLost ? err.cause : err);

/** Kinds of failure that lose the answer to a read, rather than refuse it. */
const LOST_ANSWER = new Set<ZosmfError["kind"]>(["server", "unreachable", "timeout"]);

async function issueOnce(send: Send, cmd: string, options: IssueOptions): Promise<ConsoleResponse> {
  const consoleName = options.consoleName ?? "defcn";
  const routed = isRouted(cmd);
  const body = {
    cmd,
    // A system next to a ROUTE would be two routing instructions; z/OS might honour either.
    ...(options.system && !routed ? { system: options.system } : {}),
    ...(options.solKey ? { "sol-key": options.solKey } : {}),
    async: "N",
  };
  const path = `${CONSOLES}/${encodeURIComponent(consoleName)}`;
  const res = await send({
    method: "PUT",
    path,
    headers: { "Content-Type": "application/json" },
    body,
    repeatable: options.safeToRepeat === true,
    ...(options.signal ? { signal: options.signal } : {}),
  });
  const first = parseBody(issueResponseSchema, res.data, "PUT", path);
  const key = first["cmd-response-key"];
  const target = (routed ? routeTarget(cmd) : options.system) ?? "the local system";
  const response = new ResponsePieces({ path, target }, options.solKey?.toUpperCase());
  response.add(first["cmd-response"] ?? "", first["sol-key-detected"] === true);
  const { complete, followUps } = await readFollowUps(send, `${path}/solmsgs/${key}`, response, options).catch((err: unknown) => {
    throw err instanceof ZosmfError && LOST_ANSWER.has(err.kind) && options.signal?.aborted !== true ? new FollowUpLost(err) : err;
  });
  const text = response.pieces.join("\r");
  return { key, text, lines: splitLines(text), solKeyDetected: response.solKeyDetected, complete, followUps };
}

export function createConsoleApi(send: Send) {
  return {
    issue: (cmd: string, options: IssueOptions = {}): Promise<ConsoleResponse> => issueConsoleCommand(send, cmd, options),
  };
}

export type ConsoleApi = ReturnType<typeof createConsoleApi>;
