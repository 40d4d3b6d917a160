/** §3 `/zosmf/restconsoles/consoles/<name>`: issue a command, collect the rest of its response. */
import type { IncomingMessage } from "node:http";
import { parseJsonObject } from "../http/body";
import type { RequestScope } from "../http/context";
import { distributorPolicy } from "../http/distributor-policy";
import type { Reply } from "../http/reply";
import { nextConsoleKey } from "../ids";
import { consoleErrors, consoleTexts, jobErrors } from "../zosmf-forms";
import { cut, frame, solKeyDetected } from "./pieces";
import { consoleNameFor, isValidConsoleName, parseRoute } from "./routing";

const ROOT = "/zosmf/restconsoles/consoles/";

const yes = (v: unknown) => typeof v === "string" && v.toUpperCase() === "Y";

export async function handleConsole(scope: RequestScope, req: IncomingMessage, reply: Reply, url: URL, body: string): Promise<void> {
  const parts = url.pathname
    .slice(ROOT.length)
    .split("/")
    .map((p) => decodeURIComponent(p));
  const name = parts[0] ?? "";
  if (!isValidConsoleName(name)) return reply.error(consoleErrors.badConsoleName(name));
  if (req.method === "PUT" && parts.length === 1) return issue(scope, reply, name, body);
  if (req.method === "GET" && parts.length === 3 && parts[1] === "solmsgs") return followUp(scope, reply, parts[2]);
  if (req.method === "GET" && parts.length === 3 && parts[1] === "detections") return reply.json(200, { status: "waiting" });
  reply.error(jobErrors.noRoute(req.method ?? "", url.pathname));
}

/**
 * Run the command and collect its lines. The operator model routes RO itself (one
 * response format for routed commands); the core only checks the `system` field. A fixed
 * operator a test swaps in gets the routing done here.
 */
function dispatch(scope: RequestScope, consoleName: string, cmd: string, explicitSystem: string | undefined): { lines: string[] } {
  const { ctx, origin } = scope;
  const { state } = ctx;
  const routed = parseRoute(cmd);
  const now = ctx.clock.now();
  const call = (system: string, text: string) =>
    ctx.operator.issueCommand(
      state,
      { system, consoleName, now, nowIso: ctx.clock.iso(now), distributor: distributorPolicy(ctx), stopMs: ctx.stopMs },
      text,
    ).lines;
  const local = explicitSystem ? explicitSystem.toUpperCase() : origin.system;
  if (!state.systems[local]) return { lines: [consoleTexts.invalidSystem(local)] };

  let targets: string[];
  // IEE421I (DOC): the responses of a group come sorted by system name.
  if (routed.group)
    targets = Object.keys(state.systems)
      .filter((s) => state.systems[s].up && (routed.group === "*ALL" || s !== local))
      .sort();
  else targets = routed.targets ?? [local];
  for (const system of targets) ctx.log.consoleCommands.push({ at: now, system, consoleName, cmd: routed.command });

  if (ctx.operator.routesCommands) return { lines: call(local, cmd.trim()) };

  const run = (system: string): string[] => {
    const known = state.systems[system];
    if (!known) return [consoleTexts.invalidSystem(system)];
    // Not an active system of the sysplex: the same IEE618I as an unknown name (§3.2, §10.2).
    if (!known.up) return [consoleTexts.invalidSystem(system)];
    return call(system, routed.command);
  };
  if (targets.length === 1 && !routed.group) return { lines: run(targets[0]) };
  // Several systems: each system's lines under its own heading, as a routed display shows them.
  // IEE421I (DOC): as much of the command as fits, 16 characters for *ALL; INF: the same for the other forms.
  const lines = [` IEE421I RO ${routed.group ?? `(${targets.join(",")})`},${routed.command.slice(0, 16)}`];
  for (const system of targets)
    lines.push(`  ${system.padEnd(8)} RESPONSES ${"-".repeat(40)}`, ...run(system).map((l) => `  ${l.trimStart()}`));
  return { lines };
}

function issue(scope: RequestScope, reply: Reply, name: string, text: string): void {
  const { ctx, origin, user } = scope;
  const body = parseJsonObject(text);
  const cmd = body?.cmd;
  if (typeof cmd !== "string" || cmd.trim() === "") return reply.error(consoleErrors.noCommand());
  if (cmd.length > 126) return reply.error(consoleErrors.tooLong());
  const solKey = typeof body?.["sol-key"] === "string" ? (body["sol-key"] as string) : undefined;
  const solKeyRegex = yes(body?.solKeyReg) || yes(body?.["sol-key-reg"]);
  const system = typeof body?.system === "string" && body.system ? body.system : undefined;
  const consoleName = consoleNameFor(name, user);

  const { lines } = dispatch(scope, consoleName, cmd, system);
  const delay = ctx.faults.take(["consoleDelay"], [cmd]);
  const split = ctx.faults.take(["consoleSplit"], [cmd]);
  const pieces = cut(lines, { size: ctx.options.consolePieceLines, count: split?.pieces }).map(frame);
  const async = yes(body?.async);
  // Asynchronous, or delayed past z/OSMF's wait: the PUT carries nothing, everything follows.
  const first = async || delay ? "" : (pieces.shift() ?? "");

  const key = nextConsoleKey(ctx.state);
  const pending = pieces.filter((p) => p !== "");
  if (pending.length > 0) ctx.state.consoleResponses[key] = { pending, consoleName: name, solKey, solKeyRegex };
  const uri = `${ROOT}${name}/solmsgs/${key}`;
  const doc: Record<string, unknown> = {
    "cmd-response-key": key,
    "cmd-response-url": `${origin.baseUrl}${uri}`,
    "cmd-response-uri": uri,
  };
  if (!async) doc["cmd-response"] = first;
  // See zosmf-forms solKeyScope: only the piece this answer carries is searched.
  if (solKey !== undefined && !async) doc["sol-key-detected"] = solKeyDetected(first, solKey, solKeyRegex);
  reply.json(200, doc);
}

function followUp(scope: RequestScope, reply: Reply, key: string): void {
  const responses = scope.ctx.state.consoleResponses;
  const entry = responses[key];
  const piece = entry?.pending.shift() ?? "";
  if (entry && entry.pending.length === 0) delete responses[key];
  const doc: Record<string, unknown> = { "cmd-response": piece };
  if (entry?.solKey !== undefined) doc["sol-key-detected"] = solKeyDetected(piece, entry.solKey, entry.solKeyRegex === true);
  reply.json(200, doc);
}
