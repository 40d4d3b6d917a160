import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import { Validator } from "jsonschema";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { exitCodeFor, HaError } from "../../../src/errors";
import { initTopology, type InitOptions } from "../../../src/run/init";
import { loadTopologyFile } from "../../../src/run/topology-file";
import { exampleText } from "../../example-topology";

const ROOT = path.resolve(__dirname, "../../..");
const freshDir = () => mkdtempSync(path.join(tmpdir(), "zowe-ha-init-"));

/** The schema the file's yaml-language-server line names, as the language server reads it (up to the first blank). */
function schemaOfModeline(text: string): string {
  const m = /^#\s*yaml-language-server:.*\$schema=(\S+)/m.exec(text);
  if (!m) throw new Error("no yaml-language-server $schema line");
  return m[1]!;
}

async function refusal(options: InitOptions): Promise<{ code: number; message: string }> {
  try {
    await initTopology(options);
  } catch (err) {
    expect(err).toBeInstanceOf(HaError);
    return { code: exitCodeFor(err), message: (err as Error).message };
  }
  throw new Error("initTopology did not refuse");
}

describe("zowe ha init: the example topology to start from", () => {
  it("writes plex.yaml in the current folder, naming the installed schema, and the file loads as a valid topology", async () => {
    const cwd = freshDir();
    const result = await initTopology({ cwd });
    const file = path.join(cwd, "plex.yaml");
    expect(result.file).toBe(file);
    const text = readFileSync(file, "utf8");
    const schemaFile = fileURLToPath(schemaOfModeline(text));
    expect(schemaFile).toBe(path.join(ROOT, "schemas", "topology.schema.json"));
    expect(existsSync(schemaFile)).toBe(true);
    // Everything but the schema line is the shipped example, comments included.
    expect(text.split("\n").slice(1)).toEqual(exampleText("two-system.yaml").split("\n").slice(1));
    const { topology } = await loadTopologyFile(file);
    expect(topology.systems.map((s) => s.name)).toEqual(["SYSA", "SYSB"]);
    // What an editor would check: the file against the schema its first line names.
    const schema = JSON.parse(readFileSync(schemaFile, "utf8")) as object;
    expect(new Validator().validate(parse(text), schema).errors.map((e) => e.stack)).toEqual([]);
  });

  it("prints the next steps with the file as the user named it", async () => {
    const cwd = freshDir();
    mkdirSync(path.join(cwd, "my plex"));
    const result = await initTopology({ cwd, out: "my plex/plex2.yaml", example: "three-system-all" });
    expect(result.text).toContain(path.join(cwd, "my plex", "plex2.yaml"));
    expect(result.text).toContain("zowe ha provision -t 'my plex/plex2.yaml' --dry-run");
    const { topology } = await loadTopologyFile(result.file);
    expect(topology.systems.map((s) => s.name)).toEqual(["SYSA", "SYSB", "SYSC"]);
  });

  it("refuses to replace an existing file (exit 3, naming it) and leaves its bytes alone", async () => {
    const cwd = freshDir();
    const file = path.join(cwd, "plex.yaml");
    writeFileSync(file, "my own topology\n");
    const { code, message } = await refusal({ cwd });
    expect(code).toBe(3);
    expect(message).toContain(file);
    expect(message).toMatch(/--force/);
    expect(readFileSync(file, "utf8")).toBe("my own topology\n");
  });

  it("replaces an existing file with --force and says so", async () => {
    const cwd = freshDir();
    writeFileSync(path.join(cwd, "plex.yaml"), "my own topology\n");
    const result = await initTopology({ cwd, force: true });
    expect(result.replaced).toBe(true);
    expect(result.text).toMatch(/^Replaced /);
    await expect(loadTopologyFile(result.file)).resolves.toBeDefined();
  });

  it("refuses an unknown example (exit 3, naming the allowed ones) and writes nothing", async () => {
    const cwd = freshDir();
    const { code, message } = await refusal({ cwd, example: "four-system" });
    expect(code).toBe(3);
    expect(message).toMatch(/--example: "four-system".*allowed: two-system, three-system-all/);
    expect(existsSync(path.join(cwd, "plex.yaml"))).toBe(false);
  });

  it("refuses a file in a folder that does not exist (exit 3, naming --out)", async () => {
    const cwd = freshDir();
    const { code, message } = await refusal({ cwd, out: "no-such-folder/plex.yaml" });
    expect(code).toBe(3);
    expect(message).toMatch(/--out: .*no-such-folder.*its folder does not exist/);
  });

  it("names the schema so the language server finds it when the plug-in is installed under a path with a blank", async () => {
    const packageDir = path.join(freshDir(), "Program Files", "zowe-ha");
    for (const sub of ["examples", "schemas"]) cpSync(path.join(ROOT, sub), path.join(packageDir, sub), { recursive: true });
    const cwd = freshDir();
    const result = await initTopology({ cwd, packageDir });
    const named = schemaOfModeline(readFileSync(result.file, "utf8"));
    expect(named).toBe(result.schema);
    expect(fileURLToPath(named)).toBe(path.join(packageDir, "schemas", "topology.schema.json"));
    expect(existsSync(fileURLToPath(named))).toBe(true);
  });
});
