import { existsSync, readFileSync } from "node:fs";
import * as path from "node:path";
import { HaError } from "../errors";

const PACKAGE_NAME = "zowe-ha";

/** The plug-in's own folder (the one whose package.json is zowe-ha), found from src/ and from lib/src/ alike. */
export function packageRoot(): string {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    const manifest = path.join(dir, "package.json");
    if (existsSync(manifest) && isOurs(manifest)) return dir;
    if (path.dirname(dir) === dir) break;
  }
  throw new HaError("The plug-in's package.json was not found above its code; reinstall the plug-in.", {
    failureClass: "tool-failure",
  });
}

function isOurs(manifest: string): boolean {
  try {
    return (JSON.parse(readFileSync(manifest, "utf8")) as { name?: unknown }).name === PACKAGE_NAME;
  } catch {
    return false;
  }
}
