import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Emulator } from "../../../emulator";
import type { ZosmfClient } from "../../../src/zosmf";
import { startEmulator, topology } from "../provision/helpers";
import { exampleText } from "../../example-topology";
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
    expect(notReads(emu, before)).toEqual([]);
    expect(result.problems).toEqual([]);
    expect(result.todos).toEqual([]);
    // What a user sees: the security step's two jobs (it cannot tell from a read what RACF holds), nothing else;
    // exactly what the example itself plans on the sysplex it set up.
    const planned = await plannedChanges(client, result.yaml);
    expect(planned.steps).toEqual(["zosmf-ha/security: job,job"]);
    expect(planned).toEqual(await plannedChanges(client, exampleText("two-system.yaml")));
    expect(result.yaml).toMatch(/^# With zosmfHa, provision --dry-run always plans the security step's two jobs/m);
  });
});
