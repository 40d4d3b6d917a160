import { existsSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import * as path from "node:path";
import { pathToFileURL } from "node:url";
import { HaError } from "../errors";
import { shellWord } from "./next-commands";
import { packageRoot } from "../package-info";

/** The examples `zowe ha init` can write, by the name --example takes, with the file shipped in examples/. */
export const INIT_EXAMPLES = {
  "two-system": { file: "two-system.yaml", what: "z/OSMF hot standby on a two-system sysplex" },
  "three-system-all": { file: "three-system-all.yaml", what: "every HA pattern on a three-system sysplex" },
} as const;
export type InitExample = keyof typeof INIT_EXAMPLES;

export const DEFAULT_INIT_OUT = "plex.yaml";

export interface InitOptions {
  /** Where to write, as the user typed it; relative to `cwd`. Default plex.yaml. */
  readonly out?: string;
  readonly example?: string;
  /** Replace an existing file. */
  readonly force?: boolean;
  readonly cwd?: string;
  /** The installed plug-in's folder (its examples/ and schemas/); found from the code when not given. */
  readonly packageDir?: string;
}

export interface InitResult {
  /** The file written, absolute. */
  readonly file: string;
  readonly example: InitExample;
  /** The schema the file's yaml-language-server line names, as a file:// URL. */
  readonly schema: string;
  readonly replaced: boolean;
  readonly text: string;
}

const MODELINE = /^#\s*yaml-language-server:.*$/m;

/**
 * Writes a commented example topology to start from, its yaml-language-server line naming the
 * installed schema so an editor completes and checks it. An existing file is never replaced
 * without `force`. The schema is named by a file:// URL, not a path: the language server reads
 * the value up to the first blank (a path with a space would be cut) and takes a value starting
 * with `file:` as it is, on Windows as on POSIX; pathToFileURL escapes every such character.
 */
export async function initTopology(options: InitOptions = {}): Promise<InitResult> {
  const example = exampleName(options.example);
  const typed = options.out ?? DEFAULT_INIT_OUT;
  if (typed.trim() === "") throw invalid('--out: the file name is empty; allowed: a local file path such as "plex.yaml"');
  const file = path.resolve(options.cwd ?? process.cwd(), typed);
  const root = options.packageDir ?? packageRoot();
  const schemaFile = path.join(root, "schemas", "topology.schema.json");
  const exampleFile = path.join(root, "examples", INIT_EXAMPLES[example].file);
  if (!existsSync(schemaFile) || !existsSync(exampleFile)) {
    throw new HaError(`The plug-in's ${existsSync(schemaFile) ? exampleFile : schemaFile} is missing; reinstall the plug-in.`, {
      failureClass: "tool-failure",
    });
  }
  const schema = pathToFileURL(schemaFile).href;
  const text = withSchemaLine(await readFile(exampleFile, "utf8"), schema);
  const replaced = options.force === true && existsSync(file);
  await writeOut(file, text, options.force === true);
  return { file, example, schema, replaced, text: summary(file, typed, example, schema, replaced) };
}

function exampleName(value: string | undefined): InitExample {
  if (value === undefined) return "two-system";
  if (Object.hasOwn(INIT_EXAMPLES, value)) return value as InitExample;
  throw invalid(`--example: "${value}" is not an example; allowed: ${Object.keys(INIT_EXAMPLES).join(", ")}`);
}

/** The example's own line points into the source tree (../schemas/); the written copy names the installed schema. */
function withSchemaLine(example: string, schema: string): string {
  const line = `# yaml-language-server: $schema=${schema}`;
  return MODELINE.test(example) ? example.replace(MODELINE, () => line) : `${line}\n${example}`;
}

/** Writes a new local file; an existing one only with `force` (exit 3 naming it otherwise). */
export async function writeOut(file: string, text: string, force: boolean): Promise<void> {
  try {
    // "wx" fails when the file exists, at the moment of writing: nothing is overwritten by a race either.
    await writeFile(file, text, { encoding: "utf8", flag: force ? "w" : "wx" });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === "EEXIST") {
      throw invalid(`${file} already exists; nothing was written. Give another --out, or --force to replace it.`);
    }
    const why =
      code === "ENOENT" ? "its folder does not exist" : code === "EISDIR" ? "it is a folder" : ((err as Error).message ?? String(err));
    throw invalid(`--out: cannot write ${file}: ${why}; allowed: a file in an existing folder`);
  }
}

function summary(file: string, typed: string, example: InitExample, schema: string, replaced: boolean): string {
  const t = shellWord(typed);
  return [
    `${replaced ? "Replaced" : "Wrote"} ${file}: the ${example} example (${INIT_EXAMPLES[example].what}), comments included.`,
    `Its first line names the schema ${schema}, so an editor with the YAML language server completes and checks it.`,
    "",
    "Next steps:",
    "  1. Fill in your values: the sysplex and system names, hostnames, TCP/IP procedures and profiles, IPL members,",
    "     z/OSMF settings, addresses (the example's are documentation ranges) and data set names. Take out what you do not want.",
    `  2. See what would change, read-only (GET requests and D commands only): zowe ha provision -t ${t} --dry-run`,
    `  3. Apply it, then prove it: zowe ha provision -t ${t}   and   zowe ha verify -t ${t}`,
  ].join("\n");
}

function invalid(message: string): HaError {
  return new HaError(message, { failureClass: "invalid-input" });
}
