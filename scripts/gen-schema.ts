import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { RESULT_SCHEMAS, resultJsonSchema, type ResultSchemaName } from "../src/report/result-schemas";
import { withFieldReference } from "../src/topology/field-reference";
import { topologyJsonSchema } from "../src/topology/json-schema";

/*
 * Writes schemas/topology.schema.json, which the examples name in their
 * yaml-language-server comment, and the schemas of the --rfj results
 * (schemas/<command>-result.schema.json), and the field reference of README.md
 * from the same schema. Run by `npm run build` after tsc.
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

function write(file: string, schema: unknown): void {
  const target = join(packageRoot(), "schemas", file);
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, `${JSON.stringify(schema, null, 2)}\n`);
  console.log(`wrote ${target}`);
}

write("topology.schema.json", topologyJsonSchema());
for (const name of Object.keys(RESULT_SCHEMAS) as ResultSchemaName[])
  write(`${name}.schema.json`, resultJsonSchema(name, { strict: false }));

/** Written only when it changed, so a build leaves README.md's timestamp alone. */
const readme = join(packageRoot(), "README.md");
const before = readFileSync(readme, "utf8");
const after = withFieldReference(before);
if (after !== before) {
  writeFileSync(readme, after);
  console.log(`wrote the field reference of ${readme}`);
}
