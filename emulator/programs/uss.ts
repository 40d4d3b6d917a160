/**
 * Directory operations on the shared USS tree (state.uss) that the batch programs need:
 * mkdir, chmod, chown. A directory exists when listed in `dirs` or implied by a path below it.
 */
import type { EmulatorState, UssDirAttributes } from "../state";

export function normalizePath(p: string): string {
  const parts = p.split("/").filter((x) => x !== "" && x !== ".");
  const out: string[] = [];
  for (const x of parts) {
    if (x === "..") out.pop();
    else out.push(x);
  }
  return "/" + out.join("/");
}

export function dirExists(state: EmulatorState, path: string): boolean {
  const p = normalizePath(path);
  if (p === "/") return true;
  if (state.uss.dirs.some((d) => normalizePath(d) === p || normalizePath(d).startsWith(p + "/"))) return true;
  if (Object.keys(state.uss.files).some((f) => f.startsWith(p + "/"))) return true;
  return state.mounts.some((m) => normalizePath(m.mountpoint) === p);
}

export function fileExists(state: EmulatorState, path: string): boolean {
  return normalizePath(path) in state.uss.files;
}

const parentOf = (p: string) => (p.lastIndexOf("/") <= 0 ? "/" : p.slice(0, p.lastIndexOf("/")));

/** mkdir; with `parents` (mkdir -p) missing ancestors are made and an existing directory is fine. */
export function makeDirectory(
  state: EmulatorState,
  path: string,
  opts: { parents: boolean; mode?: string; owner?: string },
): { ok: true } | { ok: false; errno: "EEXIST" | "ENOENT" | "ENOTDIR" } {
  const p = normalizePath(path);
  if (fileExists(state, p)) return { ok: false, errno: opts.parents ? "ENOTDIR" : "EEXIST" };
  if (dirExists(state, p)) return opts.parents ? { ok: true } : { ok: false, errno: "EEXIST" };
  const parent = parentOf(p);
  if (!dirExists(state, parent)) {
    if (!opts.parents) return { ok: false, errno: "ENOENT" };
    const r = makeDirectory(state, parent, opts);
    if (!r.ok) return r;
  }
  state.uss.dirs.push(p);
  const attrs: UssDirAttributes = { mode: opts.mode ?? "755" };
  if (opts.owner) attrs.owner = opts.owner;
  (state.uss.dirAttributes ??= {})[p] = attrs;
  return { ok: true };
}

/** Change mode or owner/group of a file or directory; false when the path does not exist. */
export function setAttributes(state: EmulatorState, path: string, change: UssDirAttributes): boolean {
  const p = normalizePath(path);
  const f = state.uss.files[p];
  if (f) {
    if (change.mode !== undefined) f.mode = change.mode;
    if (change.owner !== undefined) f.owner = change.owner;
    if (change.group !== undefined) f.group = change.group;
    return true;
  }
  if (!dirExists(state, p)) return false;
  const attrs = ((state.uss.dirAttributes ??= {})[p] ??= {});
  Object.assign(attrs, Object.fromEntries(Object.entries(change).filter(([, v]) => v !== undefined)));
  return true;
}

/** Paths below `path` (itself included), for -R. */
export function treeOf(state: EmulatorState, path: string): string[] {
  const p = normalizePath(path);
  const under = (x: string) => x === p || x.startsWith(p === "/" ? "/" : p + "/");
  return [...new Set([...state.uss.dirs.map(normalizePath).filter(under), ...Object.keys(state.uss.files).filter(under), p])];
}
