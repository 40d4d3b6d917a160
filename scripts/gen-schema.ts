import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { topologyJsonSchema } from "../src/topology/json-schema";

/*
 * Writes schemas/topology.schema.json, which the examples name in their
 * yaml-language-server comment. Run by `npm run build` after tsc.
 */

const PACKAGE_NAME = "zowe-ha";

/** The package root is found by walking up, so neither cwd nor the build directory matters. */
function packageRoot(): string {
  for (const start of [__dirname, process.cwd()]) {
    for (let dir = start; ; dir = dirname(dir)) {
      const manifest = join(dir, "package.json");
      if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, "utf8")) as { name?: string }).name === PACKAGE_NAME) {
        return dir;
      }
      if (dirname(dir) === dir) break;
    }
  }
  throw new Error(`gen-schema: no package.json of ${PACKAGE_NAME} above ${__dirname} or ${process.cwd()}`);
}

const target = join(packageRoot(), "schemas", "topology.schema.json");
mkdirSync(dirname(target), { recursive: true });
writeFileSync(target, `${JSON.stringify(topologyJsonSchema(), null, 2)}\n`);
console.log(`wrote ${target}`);
