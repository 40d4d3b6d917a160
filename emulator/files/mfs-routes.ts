/** §2.9 `/zosmf/restfiles/mfs`: list mounted file systems, mount, unmount, create a zFS. */
import type { IncomingMessage } from "node:http";
import { parseJsonObject } from "../http/body";
import type { RequestScope } from "../http/context";
import type { Reply } from "../http/reply";
import type { Mount } from "../state";
import { fileErrors, ussErrors } from "../zosmf-forms";
import { isDirectory, normalisePath } from "./uss-tree";

const ROOT = "/zosmf/restfiles/mfs";

function mountItem(mount: Mount, index: number) {
  return {
    name: mount.fsname,
    mountpoint: mount.mountpoint,
    fstname: mount.fstype,
    status: "active",
    mode: [mount.mode, "acl", "synchonly"],
    dev: 80 + index,
    fstype: 1,
    bsize: 1024,
    bavail: 45279,
    blocks: 126720,
    sysname: mount.sysname,
    readibc: 0,
    writeibc: 0,
    diribc: 0,
  };
}

/** The mount whose mount point is the longest prefix of path. */
function mountContaining(mounts: Mount[], path: string): Mount | undefined {
  return mounts
    .filter((m) => m.mountpoint === "/" || path === m.mountpoint || path.startsWith(`${m.mountpoint}/`))
    .sort((a, b) => b.mountpoint.length - a.mountpoint.length)[0];
}

export async function handleMounts(scope: RequestScope, req: IncomingMessage, reply: Reply, url: URL, body: string): Promise<void> {
  const method = req.method ?? "GET";
  const rest = decodeURIComponent(url.pathname.slice(ROOT.length).replace(/^\//, ""));
  const { state } = scope.ctx;
  if (method === "GET") {
    const path = url.searchParams.get("path");
    const fsname = url.searchParams.get("fsname")?.toUpperCase();
    let found: Mount[];
    if (path) found = [mountContaining(state.mounts, normalisePath(path))].filter((m): m is Mount => Boolean(m));
    else if (fsname) found = state.mounts.filter((m) => m.fsname === fsname);
    else found = state.mounts;
    const items = found.map((m) => mountItem(m, state.mounts.indexOf(m)));
    const doc = { items, returnedRows: items.length, totalRows: items.length, JSONversion: 1 };
    // §2.9 DOC: a named file system that is not there is a 404 with an empty list.
    return reply.json(items.length === 0 && (path || fsname) ? 404 : 200, doc);
  }
  if (method === "POST" && rest.toLowerCase().startsWith("zfs/"))
    return createZfs(scope, reply, rest.slice(4).toUpperCase(), parseJsonObject(body) ?? {});
  if (method !== "PUT" || !rest) return reply.error(fileErrors.badUtilityRequest(method));
  const fsname = rest.toUpperCase();
  const spec = parseJsonObject(body) ?? {};
  const action = String(spec.action ?? "").toLowerCase();
  if (action === "mount") return mount(scope, reply, fsname, spec);
  if (action === "unmount") {
    const index = state.mounts.findIndex((m) => m.fsname === fsname);
    if (index < 0)
      return reply.error(ussErrors.unmountFailed(fsname, `BPXF135E RETURN CODE 00000079, REASON CODE 0588000B. ${fsname} IS NOT MOUNTED.`));
    state.mounts.splice(index, 1);
    return reply.empty(204);
  }
  reply.error(fileErrors.badUtilityRequest(action || "(none)"));
}

function mount(scope: RequestScope, reply: Reply, fsname: string, spec: Record<string, unknown>): void {
  const { state } = scope.ctx;
  // §2.9 DOC: mount-point and fs-type have no default; only mode does (rdonly), and it
  // takes rdonly or rdwr in any case. Anything else is refused, not guessed.
  const given = (key: string) => (typeof spec[key] === "string" && (spec[key] as string).trim() !== "" ? (spec[key] as string) : undefined);
  const rawMountpoint = given("mount-point");
  const rawFstype = given("fs-type");
  if (rawMountpoint === undefined) return reply.error(ussErrors.badMountRequest("mount-point", "is required"));
  if (rawFstype === undefined) return reply.error(ussErrors.badMountRequest("fs-type", "is required"));
  const rawMode = spec.mode === undefined ? "rdonly" : String(spec.mode).toLowerCase();
  if (rawMode !== "rdonly" && rawMode !== "rdwr") return reply.error(ussErrors.badMountRequest("mode", "must be rdonly or rdwr"));
  const mountpoint = normalisePath(rawMountpoint);
  const fstype = rawFstype.toUpperCase();
  const mode: Mount["mode"] = rawMode;
  const ds = state.datasets[fsname];
  const fail = (why: string) => reply.error(ussErrors.mountFailed(fsname, why));
  if (fstype !== "ZFS" && fstype !== "HFS" && fstype !== "TFS") return fail(`BPXF002I FILE SYSTEM TYPE ${fstype} IS NOT DEFINED.`);
  if (fstype === "ZFS" && (!ds || ds.dsorg !== "VS" || ds.type !== "LINEAR"))
    return fail(`IOEZ00004E ${fsname} IS NOT A ZFS AGGREGATE OR DOES NOT EXIST.`);
  if (fstype === "ZFS" && ds?.dsorg === "VS" && ds.formatted === false) return fail(`IOEZ00005E ${fsname} IS NOT FORMATTED.`);
  if (state.mounts.some((m) => m.fsname === fsname))
    return fail(`BPXF135E RETURN CODE 00000072, REASON CODE 0588000A. ${fsname} IS ALREADY MOUNTED.`);
  if (!isDirectory(state, mountpoint))
    return fail(`BPXF135E RETURN CODE 00000081, REASON CODE 0594003D. MOUNT POINT ${mountpoint} DOES NOT EXIST.`);
  if (state.mounts.some((m) => m.mountpoint === mountpoint))
    return fail(`BPXF135E RETURN CODE 00000072, REASON CODE 058800AA. ${mountpoint} IS ALREADY A MOUNT POINT.`);
  state.mounts.push({ fsname, mountpoint, fstype: fstype as Mount["fstype"], mode, sysname: scope.origin.system });
  reply.empty(204);
}

function createZfs(scope: RequestScope, reply: Reply, fsname: string, spec: Record<string, unknown>): void {
  const { state, clock } = scope.ctx;
  if (state.datasets[fsname]) return reply.error(fileErrors.alreadyExists());
  const volumes = Array.isArray(spec.volumes) ? (spec.volumes as string[]) : [];
  state.datasets[fsname] = {
    name: fsname,
    volser: String(volumes[0] ?? "VOL001").toUpperCase(),
    created: clock.iso(),
    dsorg: "VS",
    type: "LINEAR",
    formatted: true,
  };
  reply.empty(201);
}
