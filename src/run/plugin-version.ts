import { readFileSync } from "node:fs";
import * as path from "node:path";

let cached: string | undefined;

/** This plug-in's version, from its package.json (found from src/ and from lib/src/ alike). */
export function pluginVersion(): string {
  if (cached !== undefined) return cached;
  cached = "unknown";
  for (let dir = __dirname, i = 0; i < 5; i++, dir = path.dirname(dir)) {
    try {
      const pkg = JSON.parse(readFileSync(path.join(dir, "package.json"), "utf8")) as { name?: unknown; version?: unknown };
      if (pkg.name === "zowe-ha" && typeof pkg.version === "string") return (cached = pkg.version);
    } catch {
      // Not this folder; look one up.
    }
  }
  return cached;
}
