/** The shared USS tree: directories are the listed ones, mount points, and parents of anything. */
import * as posix from "node:path/posix";
import type { EmulatorState } from "../state";

export function normalisePath(raw: string): string {
  const p = posix.normalize(`/${raw}`);
  return p.length > 1 ? p.replace(/\/$/, "") : p;
}

export function isDirectory(state: EmulatorState, path: string): boolean {
  if (path === "/") return true;
  if (state.uss.dirs.includes(path) || state.mounts.some((m) => m.mountpoint === path)) return true;
  const prefix = `${path}/`;
  return state.uss.dirs.some((d) => d.startsWith(prefix)) || Object.keys(state.uss.files).some((f) => f.startsWith(prefix));
}

export function parentOf(path: string): string {
  return posix.dirname(path);
}

/** Names directly inside a directory, with whether each is a directory. */
export function children(state: EmulatorState, dir: string): { name: string; dir: boolean }[] {
  const prefix = dir === "/" ? "/" : `${dir}/`;
  const seen = new Map<string, boolean>();
  const note = (path: string, isFile: boolean) => {
    if (!path.startsWith(prefix) || path === dir) return;
    const rest = path.slice(prefix.length);
    const slash = rest.indexOf("/");
    const name = slash < 0 ? rest : rest.slice(0, slash);
    if (!name) return;
    const dirEntry = slash >= 0 || !isFile;
    seen.set(name, (seen.get(name) ?? false) || dirEntry);
  };
  for (const d of state.uss.dirs) note(d, false);
  for (const m of state.mounts) note(m.mountpoint, false);
  for (const f of Object.keys(state.uss.files)) note(f, true);
  return [...seen.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([name, isDir]) => ({ name, dir: isDir }));
}
