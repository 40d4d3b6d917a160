import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Validator } from "jsonschema";
import { describe, expect, it } from "vitest";
import { RESULT_SCHEMAS, resultJsonSchema, type ResultSchemaName } from "../../../src/report/result-schemas";
import { schemaErrors } from "../../result-schema";

const committed = (name: string): unknown => JSON.parse(readFileSync(join(__dirname, "../../../schemas", `${name}.schema.json`), "utf8"));

const verifyData = {
  schemaVersion: 1,
  sysplex: "PLEX1",
  checks: [{ id: "tcpip.dvipa", system: "SYSA", title: "DVIPA", expected: "defined", found: "not read", verdict: "failed", notRun: true }],
  summary: { healthy: 0, degraded: 0, failed: 1, notApplicable: 0, total: 1 },
  verdict: "failed",
  unreadable: [null, "SYSB"],
  down: [],
  durationMs: 12,
};

describe("schemas/*-result.schema.json", () => {
  it.each(Object.keys(RESULT_SCHEMAS))("%s is the one the definitions generate (npm run build writes it)", (name) => {
    expect(committed(name)).toEqual(resultJsonSchema(name as ResultSchemaName, { strict: false }));
  });

  it("a field added later still validates against the published schema; the tests' strict form names it", () => {
    const later = { ...verifyData, newField: "x" };
    expect(new Validator().validate(later, committed("verify-result")).errors).toEqual([]);
    expect(schemaErrors("verify-result", verifyData)).toEqual([]);
    expect(schemaErrors("verify-result", later).join("\n")).toMatch(/newField/);
  });

  it("a result without its schema version, or of another, does not validate", () => {
    const { schemaVersion: _v, ...without } = verifyData;
    expect(
      new Validator()
        .validate(without, committed("verify-result"))
        .errors.map((e) => e.stack)
        .join("\n"),
    ).toMatch(/schemaVersion/);
    expect(new Validator().validate({ ...verifyData, schemaVersion: 2 }, committed("verify-result")).valid).toBe(false);
  });
});
