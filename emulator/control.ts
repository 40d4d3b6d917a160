/**
 * `/__emulator/...`: the control API tests and the demo use. It is not z/OSMF, so it needs
 * no authentication and never appears in the request log.
 *
 *   GET  state            dump the whole state          PUT  state   replace it
 *   GET  faults           current fault config          PUT  faults  replace {latencyMs, rules}
 *   POST faults           append one rule               DELETE faults clear
 *   POST system/<n>/down  take a system down            POST system/<n>/up  bring it back
 *   POST system/<n>/ipl   IPL it {durationMs?}          POST system/<n>/tcpip-restart  restart its stack
 *   POST system/<n>/share what it shares with the sysplex (RACF database, JES2 MAS, SYSPLEX(YES))
 *   GET  log              request log                   DELETE log   clear it
 *   POST reset            fresh seeded state, no faults, empty log
 *   GET  clock            {now, iso, manual}            POST clock   {advanceMs?, manual?}
 *   PUT  ds/<dsn(mem)>    change a member or data set behind the client's back (new ETag)
 *   PUT  fs/<path>        the same for a USS file
 *   GET  distribution     {noticeMs}                    POST distribution {noticeMs}: how long the sysplex
 *                         distributor takes to notice a target becoming unavailable or available again
 *
 * Sysplex distributor faults (POST faults): {kind:"noTakeover", match:"<dvipa>" or "<dvipa>:<port>"}
 * keeps the distributor from ever making another HOTSTANDBY target Active for that DVIPA while the
 * rule is present (DELETE faults, or PUT faults without it, lets the takeover happen).
 */
import type { IncomingMessage } from "node:http";
import { parseJsonObject } from "./http/body";
import type { EmulatorContext } from "./http/context";
import { clearLog } from "./http/request-log";
import type { Reply } from "./http/reply";
import type { FaultConfig, FaultRule } from "./faults";
import { normaliseRecords } from "./files/ds-routes";
import { parseDsPath } from "./files/ds-names";
import { normalisePath } from "./files/uss-tree";
import { handleIplControl } from "./control-ipl";
import { handleShareControl } from "./control-share";
import { nextEtag } from "./ids";
import { endIplNow, returnDueSystems } from "./operator/ipl";
import type { EmulatorState } from "./state";

export const CONTROL_PREFIX = "/__emulator/";

export interface ControlHooks {
  /** A freshly seeded state for reset. */
  reseed(): EmulatorState;
}

export function handleControl(ctx: EmulatorContext, hooks: ControlHooks, req: IncomingMessage, reply: Reply, url: URL, body: string): void {
  const method = req.method ?? "GET";
  const path = url.pathname.slice(CONTROL_PREFIX.length);
  const json = () => parseJsonObject(body) ?? {};
  const done = () => {
    ctx.onStateChanged();
    reply.json(200, { ok: true });
  };

  if (path === "state") {
    if (method === "GET") return reply.json(200, ctx.state);
    if (method === "PUT") {
      const next = json() as unknown as EmulatorState;
      if (!next.systems || !next.datasets || !next.counters) return reply.json(400, { error: "not an emulator state" });
      ctx.state = next;
      return done();
    }
  }
  if (path === "faults") {
    if (method === "GET") return reply.json(200, ctx.faults.config);
    if (method === "PUT") {
      ctx.faults.replace(json() as Partial<FaultConfig>);
      return reply.json(200, ctx.faults.config);
    }
    if (method === "POST") {
      ctx.faults.add(json() as unknown as FaultRule);
      return reply.json(200, ctx.faults.config);
    }
    if (method === "DELETE") {
      ctx.faults.replace({});
      return reply.json(200, ctx.faults.config);
    }
  }
  const system = /^system\/([^/]+)\/(up|down|ipl|tcpip-restart|share)$/.exec(path);
  if (system && method !== "GET") {
    const name = system[1].toUpperCase();
    if (!ctx.state.systems[name]) return reply.json(404, { error: `no system ${name}` });
    if (system[2] === "ipl" || system[2] === "tcpip-restart") return handleIplControl(ctx, reply, name, system[2], json());
    if (system[2] === "share") return handleShareControl(ctx, reply, name, json());
    if (system[2] === "up" && endIplNow(ctx.state, name, ctx.clock.now())) return done();
    ctx.operator.setSystemUp(ctx.state, name, system[2] === "up", ctx.clock.now());
    return done();
  }
  if (path === "log") {
    if (method === "GET") return reply.json(200, ctx.log);
    if (method === "DELETE") {
      clearLog(ctx.log);
      return reply.json(200, { ok: true });
    }
  }
  if (path === "reset" && method !== "GET") {
    ctx.state = hooks.reseed();
    ctx.faults.replace({});
    clearLog(ctx.log);
    ctx.sessions.clear();
    return done();
  }
  if (path === "clock") {
    if (method !== "GET") {
      const { advanceMs, manual } = json();
      if (typeof manual === "boolean") ctx.clock.setManual(manual);
      if (typeof advanceMs === "number") ctx.clock.advance(advanceMs);
      // Systems whose IPL ends within the time just passed come back now; changes the
      // distributor notices within it move DVIPA connections (server.ts sync).
      returnDueSystems(ctx.state, ctx.clock.now());
      ctx.onStateChanged();
    }
    return reply.json(200, { now: ctx.clock.now(), iso: ctx.clock.iso(), manual: ctx.clock.manual });
  }
  if (path === "distribution") {
    if (method !== "GET") {
      const { noticeMs } = json();
      if (noticeMs !== undefined && (typeof noticeMs !== "number" || !Number.isFinite(noticeMs) || noticeMs < 0))
        return reply.json(400, { error: "noticeMs must be a number of milliseconds, 0 or more" });
      if (typeof noticeMs === "number") ctx.distribution.noticeMs = noticeMs;
    }
    return reply.json(200, { noticeMs: ctx.distribution.noticeMs });
  }
  if (path.startsWith("ds/") && method === "PUT") return changeDataset(ctx, reply, path.slice(3), body);
  if (path.startsWith("fs/") && method === "PUT") {
    const file = normalisePath(decodeURIComponent(path.slice(2)));
    const existing = ctx.state.uss.files[file];
    const etag = nextEtag(ctx.state);
    ctx.state.uss.files[file] = { content: body, etag, mode: existing?.mode ?? "-rw-r--r--" };
    return reply.json(200, { etag });
  }
  reply.json(404, { error: `no control path ${method} ${url.pathname}` });
}

function changeDataset(ctx: EmulatorContext, reply: Reply, rest: string, body: string): void {
  const { dsn, member } = parseDsPath(rest);
  const ds = ctx.state.datasets[dsn];
  if (!ds || ds.dsorg === "VS") return reply.json(404, { error: `no data set ${dsn}` });
  const etag = nextEtag(ctx.state);
  const content = normaliseRecords(body);
  if (ds.dsorg === "PS") Object.assign(ds, { content, etag });
  else if (member) ds.members[member] = { content, etag, user: "OTHER", changed: ctx.clock.iso() };
  else return reply.json(400, { error: "a PDS needs a member" });
  reply.json(200, { etag });
}
