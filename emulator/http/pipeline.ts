/**
 * One request from arrival to answer: control paths, faults, latency, CSRF, authentication,
 * job progress, then the z/OSMF service that owns the path.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { handleConsole } from "../console/routes";
import { CONTROL_PREFIX, handleControl, type ControlHooks } from "../control";
import { HTTP_FAULTS } from "../faults";
import { handleAms } from "../files/ams-route";
import { handleDatasets } from "../files/ds-routes";
import { handleMounts } from "../files/mfs-routes";
import { handleUss } from "../files/uss-routes";
import { refreshJobs } from "../jes/lifecycle";
import { returnDueSystems } from "../operator/ipl";
import { endDueTasks } from "../operator/start-stop";
import { handleJobs } from "../jes/routes";
import { csrfRefusal, infoDocument, jobErrors } from "../zosmf-forms";
import { authenticatedUser, handleAuthenticate, replyUnauthorized } from "./auth";
import { header, readBody } from "./body";
import { classifyRequest } from "./classify";
import type { EmulatorContext, RequestOrigin, RequestScope } from "./context";
import { Reply } from "./reply";
import { WRITE_KINDS, countRequest } from "./request-log";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface PipelineOptions {
  ctx: () => EmulatorContext;
  hooks: ControlHooks;
  /** Fixed latency added to every z/OSMF request (start option), in ms. */
  latencyMs: number;
}

function needsCsrf(ctx: EmulatorContext, method: string): boolean {
  if (ctx.options.csrf === "off") return false;
  return ctx.options.csrf === "all" || method !== "GET";
}

export async function handleRequest(
  options: PipelineOptions,
  origin: RequestOrigin,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const ctx = options.ctx();
  const reply = new Reply(res);
  const method = req.method ?? "GET";
  const url = new URL(req.url ?? "/", origin.baseUrl);
  // A system whose IPL has ended by now comes back before anything looks at the sysplex.
  if (returnDueSystems(ctx.state, ctx.clock.now())) ctx.onStateChanged();
  // A stopped task whose shutdown is over has ended before anything looks at its job.
  endDueTasks(ctx.state, ctx.clock.now());

  if (url.pathname.startsWith(CONTROL_PREFIX)) {
    const body = await readBody(req);
    return handleControl(ctx, options.hooks, req, reply, url, body);
  }

  const kind = classifyRequest(method, url.pathname, header(req, "content-type") ?? "");
  // A rule may also name the target: "PUT ds.write /zosmf/restfiles/ds/SYS1.PARMLIB(*".
  const fault = ctx.faults.take(HTTP_FAULTS, [kind, `${method} ${kind}`, `${method} ${kind} ${decodeURIComponent(url.pathname)}`]);
  if (fault?.kind === "reset") {
    req.socket.destroy();
    return;
  }
  if (fault?.kind === "hang") return; // never answered; stop() closes the socket
  const delay = options.latencyMs + ctx.faults.config.latencyMs + (fault?.kind === "latency" ? (fault.ms ?? 1000) : 0);
  if (delay > 0) await sleep(delay);
  const body = await readBody(req);
  if (fault?.kind === "status") return reply.text(fault.status ?? 503, "Service Unavailable (injected fault)\n");
  if (fault?.kind === "lostResponse") reply.drop = true;

  countRequest(ctx.log, method, kind);
  if (needsCsrf(ctx, method) && header(req, "x-csrf-zosmf-header") === undefined) {
    const refusal = csrfRefusal(`${origin.system}:${origin.port}`);
    return reply.json(refusal.status, refusal.body);
  }
  if (kind === "info") return reply.json(200, infoDocument({ hostname: origin.system, port: origin.port, realm: ctx.state.sysplexName }));
  if (kind === "auth") return handleAuthenticate(ctx, req, reply, origin.baseUrl);

  const user = authenticatedUser(ctx, req, origin.baseUrl);
  if (!user) return replyUnauthorized(ctx, origin.baseUrl, reply);
  if (WRITE_KINDS.has(kind))
    ctx.log.writes.push({ at: ctx.clock.now(), method, kind, target: decodeURIComponent(url.pathname + url.search) });

  refreshJobs(ctx);
  const scope: RequestScope = { ctx, origin, user };
  const p = url.pathname;
  try {
    if (p.startsWith("/zosmf/restjobs/jobs")) await handleJobs(scope, req, reply, url, body);
    else if (p === "/zosmf/restfiles/ams") await handleAms(scope, req, reply, body);
    else if (p.startsWith("/zosmf/restfiles/ds")) await handleDatasets(scope, req, reply, url, body);
    else if (p.startsWith("/zosmf/restfiles/mfs")) await handleMounts(scope, req, reply, url, body);
    else if (p.startsWith("/zosmf/restfiles/fs")) await handleUss(scope, req, reply, url, body);
    else if (p.startsWith("/zosmf/restconsoles/consoles/")) await handleConsole(scope, req, reply, url, body);
    else reply.error(jobErrors.noRoute(method, p));
  } catch (error) {
    // An emulator bug: answer like z/OSMF's unexpected-error category rather than hang.
    reply.json(500, { rc: 16, reason: 0, category: 16, message: `Emulator error: ${(error as Error).message}` });
  } finally {
    // Jobs that just ended and console commands may have changed systems or distributions.
    ctx.onStateChanged();
  }
}
