import { existsSync } from "node:fs";
import * as path from "node:path";
import { discoverTopology, type DiscoverResult } from "../discover";
import { HaError } from "../errors";
import { rfjData } from "../report/rfj-data";
import { createZosmfClient, type ZosmfClient, type ZosmfConnection } from "../zosmf";
import { writeOut } from "./init";
import { shellWord } from "./next-commands";

export interface DiscoverRunOptions {
  readonly connection: ZosmfConnection;
  /** A local file to write; without it the draft is the command's output. */
  readonly out?: string;
  readonly force?: boolean;
  /** `SYSA,SYSB` as typed (or already split). */
  readonly systems?: string | readonly string[];
  /** A z/OS UNIX path of zowe.yaml. */
  readonly zoweYaml?: string;
  readonly cwd?: string;
  readonly signal?: AbortSignal;
  /** Tests hand in the client. */
  readonly client?: ZosmfClient;
}

export interface DiscoverRunResult {
  readonly result: Omit<DiscoverResult, "yaml">;
  /** The draft topology, comments included, whether printed or written. */
  readonly draft: string;
  /** The file written, absolute; absent without --out. */
  readonly file?: string;
  /** The draft (without --out) or the summary (with it). */
  readonly text: string;
  /** What a person should read after the draft: TODOs, notes; for stderr when the draft is the output. */
  readonly summary: string;
}

const invalid = (message: string) => new HaError(message, { failureClass: "invalid-input" });

export function systemsOption(value: string | readonly string[] | undefined): string[] | undefined {
  if (value === undefined) return undefined;
  const names = (typeof value === "string" ? value.split(",") : value.flatMap((v) => v.split(","))).map((s) => s.trim().toUpperCase());
  const bad = names.find((n) => !/^[A-Z@#$][A-Z0-9@#$]{0,7}$/.test(n));
  if (bad !== undefined || names.length === 0) {
    throw invalid(
      `--systems: "${bad ?? ""}" is not a system name; allowed: names of 1–8 characters A–Z, 0–9, @, #, $ (not starting with a digit), separated by commas`,
    );
  }
  return [...new Set(names)];
}

function outFile(options: DiscoverRunOptions): string | undefined {
  if (options.out === undefined) return undefined;
  if (options.out.trim() === "") throw invalid('--out: the file name is empty; allowed: a local file path such as "plex.yaml"');
  const file = path.resolve(options.cwd ?? process.cwd(), options.out);
  // Said before anything is read from z/OS; the write itself refuses too, should the file appear meanwhile.
  if (options.force !== true && existsSync(file))
    throw invalid(`${file} already exists; nothing was read or written. Give another --out, or --force to replace it.`);
  return file;
}

/** Reads the sysplex, drafts its topology and prints it or writes it to --out. */
export async function runDiscover(options: DiscoverRunOptions): Promise<DiscoverRunResult> {
  const systems = systemsOption(options.systems);
  if (options.zoweYaml !== undefined && !options.zoweYaml.startsWith("/")) {
    throw invalid(`--zowe-yaml: "${options.zoweYaml}" is not an absolute z/OS UNIX path; allowed: a path such as /global/zowe/zowe.yaml`);
  }
  const file = outFile(options);
  const client = options.client ?? createZosmfClient(options.connection, options.signal ? { signal: options.signal } : {});
  let draft: DiscoverResult;
  try {
    draft = await discoverTopology({
      client,
      ...(systems ? { systems } : {}),
      ...(options.zoweYaml ? { zoweYaml: options.zoweYaml } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
    });
  } finally {
    if (options.client === undefined) await client.close();
  }
  const { yaml, ...result } = draft;
  const summary = summaryOf(draft, file, options.out);
  if (file === undefined) return { result, draft: yaml, text: yaml, summary };
  await writeOut(file, yaml, options.force === true);
  return { result, draft: yaml, file, text: summary, summary };
}

/** What `--rfj` returns (schemas/discover-result.schema.json): the draft, the file written, the TODOs and what was not read. */
export function discoverData(run: DiscoverRunResult) {
  return rfjData({ draft: run.draft, ...(run.file !== undefined ? { file: run.file } : {}), ...run.result });
}

function summaryOf(d: DiscoverResult, file: string | undefined, typed: string | undefined): string {
  const lines = [
    ...(file
      ? [`Wrote ${file}: a draft topology of ${d.systems.map((s) => s.name).join(", ")}, each value commented with its source.`]
      : []),
    ...d.systems.filter((s) => s.down).map((s) => `${s.name} is down: ${s.down}; its values are TODOs.`),
    d.todos.length === 0 ? "Nothing is left to decide." : `${d.todos.length} TODO${d.todos.length === 1 ? "" : "s"} to decide:`,
    ...d.todos.map((t) => `  ${t.path}: ${t.what}`),
    ...(d.notes.length > 0 ? ["Not read:", ...d.notes.map((n) => `  ${n}`)] : []),
    ...(d.problems.length > 0 ? ["The draft does not validate (please report this):", ...d.problems.map((p) => `  ${p}`)] : []),
  ];
  if (file && typed)
    lines.push("", `Next: zowe ha provision -t ${shellWord(typed)} --dry-run   (read-only: shows what would still change)`);
  return lines.join("\n");
}
