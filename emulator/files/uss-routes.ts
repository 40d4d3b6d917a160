/** §2.9 `/zosmf/restfiles/fs`: list, read, write, create, delete, with ETags. */
import type { IncomingMessage } from "node:http";
import { header, parseJsonObject } from "../http/body";
import type { RequestScope } from "../http/context";
import type { Reply } from "../http/reply";
import { nextEtag } from "../ids";
import { fileErrors, ussErrors, writeStatus } from "../zosmf-forms";
import { setAttributes, treeOf } from "../programs/uss";
import { etagHeader, ifMatchAccepts } from "./etag";
import { children, isDirectory, normalisePath, parentOf } from "./uss-tree";

const ROOT = "/zosmf/restfiles/fs";

export async function handleUss(scope: RequestScope, req: IncomingMessage, reply: Reply, url: URL, body: string): Promise<void> {
  const method = req.method ?? "GET";
  const rest = url.pathname.slice(ROOT.length);
  if (rest === "" || rest === "/") {
    if (method !== "GET") return reply.error(fileErrors.badUtilityRequest(method));
    return list(scope, req, reply, normalisePath(url.searchParams.get("path") ?? "/"));
  }
  const path = normalisePath(decodeURIComponent(rest));
  const { state } = scope.ctx;
  switch (method) {
    case "GET": {
      const file = state.uss.files[path];
      if (!file) return reply.error(isDirectory(state, path) ? ussErrors.isDirectory(path) : ussErrors.notFound(path));
      return reply.text(200, file.content, etagHeader(file.etag));
    }
    case "PUT": {
      const json = (header(req, "content-type") ?? "").includes("application/json") ? parseJsonObject(body) : undefined;
      if (json && typeof json.request === "string") return utility(scope, reply, path, json);
      if (isDirectory(state, path)) return reply.error(ussErrors.isDirectory(path));
      if (!isDirectory(state, parentOf(path))) return reply.error(ussErrors.parentMissing(parentOf(path)));
      const existing = state.uss.files[path];
      if (!ifMatchAccepts(req, existing?.etag)) return reply.empty(412);
      const etag = nextEtag(state);
      state.uss.files[path] = existing
        ? { ...existing, content: body, etag }
        : { content: body, etag, mode: "-rw-r--r--", owner: scope.user };
      return reply.empty(existing ? writeStatus.replaced : writeStatus.created, etagHeader(etag));
    }
    case "POST": {
      const spec = parseJsonObject(body) ?? {};
      if (state.uss.files[path] || isDirectory(state, path)) return reply.error(ussErrors.exists(path));
      if (!isDirectory(state, parentOf(path))) return reply.error(ussErrors.parentMissing(parentOf(path)));
      const type = String(spec.type ?? "file").toLowerCase();
      if (type === "directory" || type === "dir") state.uss.dirs.push(path);
      else {
        const mode = spec.mode === undefined ? "-rw-r--r--" : fileMode(spec.mode);
        if (mode === undefined) return reply.error(fileErrors.badUtilityRequest(`mode ${String(spec.mode)}`));
        state.uss.files[path] = { content: "", etag: nextEtag(state), mode, owner: scope.user };
      }
      return reply.empty(201);
    }
    case "DELETE":
      return remove(scope, req, reply, path);
  }
  reply.error(fileErrors.badUtilityRequest(method));
}

function list(scope: RequestScope, req: IncomingMessage, reply: Reply, path: string): void {
  const { state, clock } = scope.ctx;
  const file = state.uss.files[path];
  const mtime = clock.iso().slice(0, 19);
  // A file without a recorded owner shows the caller, as before owners were kept.
  const entry = (name: string, dir: boolean, size: number, mode: string, owner?: { owner?: string; group?: string }) => ({
    name,
    mode: dir ? "drwxr-xr-x" : mode,
    size,
    uid: 0,
    user: owner?.owner ?? scope.user,
    gid: 1,
    group: owner?.group ?? "SYS1",
    mtime,
  });
  let items;
  if (file) items = [entry(path, false, Buffer.byteLength(file.content), file.mode, file)];
  else if (isDirectory(state, path)) {
    items = [
      entry(".", true, 8192, ""),
      entry("..", true, 8192, ""),
      ...children(state, path).map((c) => {
        const f = state.uss.files[`${path === "/" ? "" : path}/${c.name}`];
        return entry(c.name, c.dir, f ? Buffer.byteLength(f.content) : 8192, f?.mode ?? "-rw-r--r--");
      }),
    ];
  } else return reply.error(ussErrors.notFound(path));
  const max = Number(header(req, "x-ibm-max-items") ?? "1000") || Infinity;
  const shown = items.slice(0, max);
  reply.json(200, { items: shown, returnedRows: shown.length, totalRows: items.length, JSONversion: 1 });
}

function remove(scope: RequestScope, req: IncomingMessage, reply: Reply, path: string): void {
  const { state } = scope.ctx;
  if (state.uss.files[path]) {
    delete state.uss.files[path];
    return reply.empty(204);
  }
  if (!isDirectory(state, path)) return reply.error(ussErrors.notFound(path));
  const recursive = (header(req, "x-ibm-option") ?? "").toLowerCase() === "recursive";
  const prefix = `${path}/`;
  const inside = Object.keys(state.uss.files).filter((f) => f.startsWith(prefix));
  const dirsInside = state.uss.dirs.filter((d) => d.startsWith(prefix));
  if ((inside.length > 0 || dirsInside.length > 0) && !recursive) return reply.error(ussErrors.exists(path));
  for (const f of inside) delete state.uss.files[f];
  state.uss.dirs = state.uss.dirs.filter((d) => d !== path && !d.startsWith(prefix));
  reply.empty(204);
}

/**
 * A mode as the list shows it (-rw-------). Create takes the nine letters (DOC: "Create a UNIX
 * file or directory"); chmod takes "the POSIX symbolic form or octal value" (DOC: "z/OS UNIX
 * file utilities"). Other symbolic forms (u+x) are not modelled and are refused (INF).
 */
export function fileMode(value: unknown): string | undefined {
  if (typeof value !== "string") return undefined;
  if (/^[r-][w-][xsS-][r-][w-][xsS-][r-][w-][xtT-]$/.test(value)) return `-${value}`;
  const octal = /^0?([0-7]{3})$/.exec(value);
  if (!octal) return undefined;
  return `-${[...octal[1]!]
    .map((d) => {
      const n = Number(d);
      return `${n & 4 ? "r" : "-"}${n & 2 ? "w" : "-"}${n & 1 ? "x" : "-"}`;
    })
    .join("")}`;
}

/** chmod/chown/chtag are accepted; chmod and chown change what the emulator keeps. */
function utility(scope: RequestScope, reply: Reply, path: string, body: Record<string, unknown>): void {
  const { state } = scope.ctx;
  const request = String(body.request).toLowerCase();
  if (!state.uss.files[path] && !isDirectory(state, path)) return reply.error(ussErrors.notFound(path));
  if (request === "chmod") {
    const mode = fileMode(body.mode);
    if (mode === undefined) return reply.error(fileErrors.badUtilityRequest(`chmod mode ${String(body.mode)}`));
    if (state.uss.files[path]) state.uss.files[path].mode = mode;
  }
  if (request === "chown") {
    const refused = chownProblem(body);
    if (refused) return reply.error(fileErrors.badUtilityRequest(`chown ${refused}`));
    const change = { owner: body.owner as string, ...(body.group !== undefined ? { group: body.group as string } : {}) };
    for (const p of body.recursive === true ? treeOf(state, path) : [path]) setAttributes(state, p, change);
  }
  if (["chmod", "chown", "chtag"].includes(request)) return reply.empty(200);
  reply.error(fileErrors.badUtilityRequest(request));
}

/**
 * chown takes `owner` (a user ID or UID, required), `group` (a group ID or GID),
 * `links` (follow|suppress) and `recursive` (DOC: "z/OS UNIX file utilities"; the
 * owner/group meanings as in IBM's zmf_file module, 3P). Anything else is refused (INF).
 */
function chownProblem(body: Record<string, unknown>): string | undefined {
  const id = (v: unknown) => typeof v === "string" && /^[A-Za-z0-9@#$]{1,8}$|^\d{1,10}$/.test(v);
  if (!id(body.owner)) return `owner ${String(body.owner)}`;
  if (body.group !== undefined && !id(body.group)) return `group ${String(body.group)}`;
  if (body.links !== undefined && body.links !== "follow" && body.links !== "suppress") return `links ${String(body.links)}`;
  if (body.recursive !== undefined && typeof body.recursive !== "boolean") return `recursive ${String(body.recursive)}`;
  const known = new Set(["request", "owner", "group", "links", "recursive"]);
  const other = Object.keys(body).find((k) => !known.has(k));
  return other === undefined ? undefined : `property ${other}`;
}
