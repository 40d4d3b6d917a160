import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Emulator } from "../../../emulator";
import type { ZosmfClient } from "../../../src/zosmf";
import { startEmulator, topology } from "../provision/helpers";
import { discover, mark, notReads, plannedChanges, provision } from "./helpers";

let emu: Emulator;
let client: ZosmfClient;

beforeEach(async () => {
  ({ emu, client } = await startEmulator());
});
afterEach(async () => {
  client.close();
  await emu.stop();
});

describe("discover on a sysplex provisioned from examples/two-system.yaml", () => {
  it("drafts a topology that validates and whose dry run plans nothing but the RACF listing", async () => {
    await provision(client, topology("two-system.yaml"));
    const before = mark(emu);
    const result = await discover(client, { zoweYaml: "/global/zowe/zowe.yaml" });
    console.log(result.yaml, result.notes, result.todos);
    expect(notReads(emu, before)).toEqual([]);
    expect(result.problems).toEqual([]);
    const planned = await plannedChanges(client, result.yaml);
    expect(planned.steps).toEqual([]);
  });
});
