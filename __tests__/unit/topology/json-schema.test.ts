import { readFileSync } from "node:fs";
import { join } from "node:path";
// jsonschema comes with @zowe/imperative; it is only used here to prove the generated file works in a validator.
import { Validator } from "jsonschema";
import { parseDocument } from "yaml";
import { describe, expect, test } from "vitest";
import { topologyJsonSchema } from "../../../src/topology";
import { EXAMPLES, THREE_SYSTEM, TWO_SYSTEM } from "./variants";

const SCHEMA_FILE = join(__dirname, "..", "..", "..", "schemas", "topology.schema.json");
/** The parts of a JSON Schema node these tests read. */
interface SchemaNode {
  $schema?: string;
  $id?: string;
  title?: string;
  properties: Record<string, SchemaNode>;
  required?: string[];
  additionalProperties?: boolean;
  maxItems?: number;
}
/** The parts of a topology document the tests change before validating it. */
interface TopologyData {
  zosmfHa: Record<string, unknown>;
  systems: Record<string, unknown>[];
}
const committed = (): SchemaNode => JSON.parse(readFileSync(SCHEMA_FILE, "utf8"));
const yamlData = (file: string): TopologyData => parseDocument(readFileSync(file, "utf8")).toJS();
const errorsOf = (data: unknown) => new Validator().validate(data, committed()).errors.map((e) => e.stack);

describe("schemas/topology.schema.json", () => {
  test("is what the zod schema generates now (run npm run build after changing the schema)", () => {
    expect(committed()).toEqual(topologyJsonSchema());
  });

  test("names itself and describes every top-level section", () => {
    const schema = committed();
    expect(schema.$schema).toBe("https://json-schema.org/draft/2020-12/schema");
    expect(schema.$id).toBe("topology.schema.json");
    expect(schema.title).toBe("zowe-ha topology");
    expect(Object.keys(schema.properties)).toEqual([
      "$schema",
      "version",
      "sysplex",
      "systems",
      "datasets",
      "zosmfHa",
      "cachingService",
      "portSharing",
      "distributedServices",
      "gateway",
    ]);
    expect(schema.required).toEqual(["version", "sysplex", "systems", "datasets"]);
    expect(schema.additionalProperties).toBe(false);
  });

  test("describes what may be written: fields with defaults are optional and show the default", () => {
    const zosmfHa = committed().properties.zosmfHa;
    expect(zosmfHa.required).toEqual(["dvipa", "dvipaMask", "preferred", "backups"]);
    expect(zosmfHa.properties.port).toMatchObject({ type: "integer", default: 443, minimum: 1, maximum: 65535 });
    expect(zosmfHa.properties.autoSwitchBack).toMatchObject({ type: "boolean", default: true });
    expect(zosmfHa.properties.backups.maxItems).toBe(31);
  });

  test.each([TWO_SYSTEM, THREE_SYSTEM])("accepts %s", (file) => {
    expect(errorsOf(yamlData(file))).toEqual([]);
  });

  test("refuses a misspelt field and a bad system name, as the plug-in does", () => {
    const data = yamlData(TWO_SYSTEM);
    data.zosmfHa.autoSwitchback = false;
    data.systems[0].name = "1SYS";
    expect(errorsOf(data)).toEqual([
      expect.stringContaining("instance.systems[0].name does not match pattern"),
      expect.stringContaining('additional property "autoSwitchback"'),
    ]);
  });

  test.each(["two-system.yaml", "three-system-all.yaml"])("%s points editors at it", (name) => {
    const firstLine = readFileSync(join(EXAMPLES, name), "utf8").split("\n")[0];
    expect(firstLine).toBe("# yaml-language-server: $schema=../schemas/topology.schema.json");
    expect(join(EXAMPLES, "../schemas/topology.schema.json")).toBe(SCHEMA_FILE);
  });
});
