import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { fieldReferenceMarkdown, fieldRows, withFieldReference } from "../../../src/topology/field-reference";
import { FIELD_SOURCES } from "../../../src/topology/field-sources";

const README = join(__dirname, "..", "..", "..", "README.md");

describe("the README's field reference", () => {
  it("is the one the schema generates now (run npm run build after changing src/topology)", () => {
    const readme = readFileSync(README, "utf8");
    expect(withFieldReference(readme)).toBe(readme);
  });

  it("names only fields the schema has, so a renamed field leaves no stale source behind", () => {
    const paths = new Set(fieldRows().map((row) => row.path));
    expect(Object.keys(FIELD_SOURCES).filter((path) => !paths.has(path))).toEqual([]);
  });

  it("gives each field its allowed values, default, whether it is required and where to read it", () => {
    const row = fieldRows().find((r) => r.path === "systems[].tcpip.dynamicXcf.cost");
    expect(row).toMatchObject({ defaultValue: "1", required: false, what: "a cost metric from 1 to 254" });
    expect(row?.source).toContain("IPCONFIG DYNAMICXCF");
    expect(fieldRows().find((r) => r.path === "datasets.parmlib")?.required).toBe(true);
  });

  it("keeps a | inside a cell and a <placeholder> outside code visible", () => {
    const table = fieldReferenceMarkdown([
      { path: "a", what: "x|y and <proc>", defaultValue: "", required: true, source: "`D TCPIP,<proc>`" },
    ]);
    expect(table.split("\n")[2]).toBe("| `a` | x\\|y and &lt;proc> |  | yes | `D TCPIP,<proc>` |");
  });

  it("refuses a README without its markers rather than losing the text", () => {
    expect(() => withFieldReference("# title\n")).toThrow(/field-reference/);
  });
});
