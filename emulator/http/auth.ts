/**
 * §4.2 authentication: basic credentials on any request, or a token cookie (LtpaToken2,
 * jwtToken, apimlAuthenticationToken) issued by POST /zosmf/services/authenticate.
 */
import type { IncomingMessage } from "node:http";
import { mix } from "../ids";
import { tokenCookieAttributes, unauthorized } from "../zosmf-forms";
import { header } from "./body";
import type { EmulatorContext } from "./context";
import type { Reply } from "./reply";
import { countAuth } from "./request-log";

const TOKEN_COOKIES = ["LtpaToken2", "jwtToken", "apimlAuthenticationToken"];

function basicUser(ctx: EmulatorContext, req: IncomingMessage): string | null {
  const auth = header(req, "authorization");
  if (!auth || !/^basic /i.test(auth)) return null;
  const decoded = Buffer.from(auth.slice(6).trim(), "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  if (colon < 0) return null;
  const user = decoded.slice(0, colon).toUpperCase();
  const password = decoded.slice(colon + 1);
  return ctx.state.users[user]?.password === password ? user : null;
}

function cookieTokens(req: IncomingMessage): string[] {
  const cookie = header(req, "cookie");
  if (!cookie) return [];
  const tokens: string[] = [];
  for (const part of cookie.split(";")) {
    const eq = part.indexOf("=");
    if (eq < 0) continue;
    if (TOKEN_COOKIES.includes(part.slice(0, eq).trim())) tokens.push(part.slice(eq + 1).trim());
  }
  return tokens;
}

/**
 * The user a request is authenticated as, or null. Counted per endpoint by what proved it
 * (Basic credentials or a token cookie), so a test can see how a client authenticates.
 */
export function authenticatedUser(ctx: EmulatorContext, req: IncomingMessage, endpoint: string): string | null {
  const user = basicUser(ctx, req);
  if (user) {
    countAuth(ctx.log, endpoint, "basic");
    return user;
  }
  for (const token of cookieTokens(req)) {
    const owner = ctx.sessions.get(token);
    if (owner) {
      countAuth(ctx.log, endpoint, "cookie");
      return owner;
    }
  }
  return null;
}

/** HTTP 401: the answer that counts towards a RACF revoke when credentials were sent. */
export function replyUnauthorized(ctx: EmulatorContext, endpoint: string, reply: Reply): void {
  countAuth(ctx.log, endpoint, "refused");
  reply.empty(unauthorized.status, { "WWW-Authenticate": unauthorized.challenge });
}

const b64url = (s: string) => Buffer.from(s).toString("base64url");

function issueTokens(ctx: EmulatorContext, user: string): { ltpa: string; jwt: string } {
  const n = ctx.sessions.size + 1;
  const bytes = Buffer.alloc(96);
  for (let i = 0; i < 24; i++) bytes.writeUInt32BE(mix(ctx.state.seed ^ 0x1f2e3d4c, n * 64 + i), i * 4);
  const ltpa = bytes.toString("base64");
  const iat = Math.floor(ctx.clock.date().getTime() / 1000);
  const jwt = [
    b64url(JSON.stringify({ alg: "RS256", typ: "JWT" })),
    b64url(JSON.stringify({ iss: "zOSMF", sub: user, iat, exp: iat + 8 * 3600, jti: `${n}` })),
    bytes.subarray(0, 64).toString("base64url"),
  ].join(".");
  return { ltpa, jwt };
}

/** POST logs in (200 + cookies), DELETE logs out (204). */
export function handleAuthenticate(ctx: EmulatorContext, req: IncomingMessage, reply: Reply, endpoint: string): void {
  if (req.method === "POST") {
    countAuth(ctx.log, endpoint, "logons");
    const user = basicUser(ctx, req);
    if (!user) return replyUnauthorized(ctx, endpoint, reply);
    const { ltpa, jwt } = issueTokens(ctx, user);
    ctx.sessions.set(ltpa, user);
    ctx.sessions.set(jwt, user);
    reply.setCookie([`jwtToken=${jwt}; ${tokenCookieAttributes}`, `LtpaToken2=${ltpa}; ${tokenCookieAttributes}`]);
    return reply.empty(200);
  }
  if (req.method === "DELETE") {
    const tokens = cookieTokens(req).filter((t) => ctx.sessions.has(t));
    if (tokens.length === 0) return replyUnauthorized(ctx, endpoint, reply);
    countAuth(ctx.log, endpoint, "logoffs");
    for (const t of tokens) ctx.sessions.delete(t);
    return reply.empty(204);
  }
  reply.empty(405, { Allow: "POST, DELETE" });
}
