/**
 * Holds a command's --rfj `data` to its schema with every property described (the strict form
 * of schemas/<name>.schema.json), so an output field the schema does not name fails the test.
 */
import { Validator } from "jsonschema";
import { expect } from "vitest";
import { resultJsonSchema, rfjData, type ResultSchemaName } from "../src/report/result-schemas";

/** Schema problems of `data`, one line each; [] when it validates. */
export function schemaErrors(name: ResultSchemaName, data: unknown): string[] {
  return new Validator().validate(data, resultJsonSchema(name, { strict: true })).errors.map((e) => e.stack);
}

/** The result as --rfj prints it (JSON: undefined fields dropped), checked against its schema. */
export function expectRfjValid(name: ResultSchemaName, result: object): void {
  const data: unknown = JSON.parse(JSON.stringify(rfjData(result)));
  expect(schemaErrors(name, data), `${name} --rfj data`).toEqual([]);
}

/** The schema of the command in a `zowe ha <command> ... --rfj` argument list, if it has one. */
export function schemaOfCommand(args: readonly string[]): ResultSchemaName | undefined {
  if (args[0] !== "ha" || !args.includes("--rfj")) return undefined;
  const command = args[1] === "runs" ? `runs ${args[2] ?? ""}` : (args[1] ?? "");
  const names: Record<string, ResultSchemaName> = {
    provision: "provision-result",
    prov: "provision-result",
    rollback: "rollback-result",
    rb: "rollback-result",
    verify: "verify-result",
    ver: "verify-result",
    "runs list": "runs-list-result",
    "runs ls": "runs-list-result",
    "runs show": "runs-show-result",
    unlock: "unlock-result",
    drill: "drill-result",
    discover: "discover-result",
    disc: "discover-result",
    graph: "graph-result",
  };
  return names[command];
}
