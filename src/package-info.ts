import { existsSync, readFileSync } from "node:fs";
import * as path from "node:path";
import { HaError } from "./errors";

const PACKAGE_NAME = "zowe-ha";

interface Manifest {
  readonly dir: string;
  readonly version: string;
}

let found: Manifest | undefined;

/** The plug-in's own package.json (name zowe-ha), found from src/ and from lib/src/ alike; read once. */
function manifest(): Manifest {
  if (found) return found;
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    const file = path.join(dir, "package.json");
    if (existsSync(file)) {
      try {
        const pkg = JSON.parse(readFileSync(file, "utf8")) as { name?: unknown; version?: unknown };
        if (pkg.name === PACKAGE_NAME && typeof pkg.version === "string") return (found = { dir, version: pkg.version });
      } catch {
        // Not ours (or not JSON): look one folder up.
      }
    }
    if (path.dirname(dir) === dir) break;
  }
  throw new HaError("The plug-in's package.json was not found above its code; reinstall the plug-in.", { failureClass: "tool-failure" });
}

/** The plug-in's own folder: where its examples, schemas and workflows are. */
export function packageRoot(): string {
  return manifest().dir;
}

/** The plug-in's version, as its package.json says. */
export function pluginVersion(): string {
  return manifest().version;
}
