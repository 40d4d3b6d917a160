import * as path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { Emulator } from "../../../emulator";
import type { PlannedStep } from "../../../src/engine/types";
import type { ZosmfClient } from "../../../src/zosmf";
import { apply, plan, startEmulator, topology } from "./helpers";

let emu: Emulator;
let client: ZosmfClient;

afterEach(async () => {
  client.close();
  await emu.stop();
});

const only = (steps: PlannedStep[], ...ids: string[]) => steps.filter((s) => ids.includes(s.id)).map((s) => ({ ...s, dependsOn: [] }));

describe("provisioning failures are caught and explained", () => {
  it("an OBEYFILE statement error (EZZ0827I) fails the TCP/IP step with the message", async () => {
    ({ emu, client } = await startEmulator());
    const steps = await plan(client, topology(), { workflowsDir: path.join(__dirname, "fixtures/bad-obey") });
    const { outcomes } = await apply(only(steps, "zosmf-ha/tcpip/SYSA"));
    const o = outcomes[0]!;
    expect(o.state).toBe("failed");
    expect(o.error?.failureClass).toBe("zos-failure");
    expect([o.error?.message, ...(o.error?.details ?? [])].join("\n")).toMatch(/EZZ08\d\dI|EZZ0064I|EZZ01\d\dI/);
  });

  it("a member changed behind the plan's back stops the step and is not clobbered", async () => {
    ({ emu, client } = await startEmulator());
    const t = topology();
    const steps = await plan(client, t);
    // Someone edits zowe.yaml and creates IZUPRM0A after the plan was made.
    const yaml = await client.files.readUss("/global/zowe/zowe.yaml");
    const theirs = `${yaml.text}\n# edited by an operator\n`;
    await client.files.writeUss("/global/zowe/zowe.yaml", theirs, { ifMatch: yaml.etag! });
    await client.files.write("SYS1.PARMLIB", "IZUPRM0A", "/* operator's own */\nHOSTNAME('x')\n");
    const { outcomes, recorder } = await apply(only(steps, "caching-service/zowe-yaml", "zosmf-ha/parmlib/SYSA"));
    for (const o of outcomes) {
      expect(o.state).toBe("failed");
      expect(o.error?.message).toMatch(/after the plan was made; nothing was written/);
    }
    expect((await client.files.readUss("/global/zowe/zowe.yaml")).text.replace(/\n+$/, "")).toBe(theirs.replace(/\n+$/, ""));
    expect((await client.files.read("SYS1.PARMLIB", "IZUPRM0A")).text).toContain("operator's own");
    expect(recorder.writes).toEqual([]);
  });

  it("a JCL ERROR in the file-system job names the job id and spool lines", async () => {
    ({ emu, client } = await startEmulator());
    const steps = await plan(client, topology());
    emu.context.faults.add({ kind: "jobFail", match: "IZUMKF0A", jclError: true });
    const { outcomes, recorder } = await apply(only(steps, "zosmf-ha/filesystem/SYSA"));
    const o = outcomes[0]!;
    expect(o.state).toBe("failed");
    expect(o.error?.message).toMatch(/Job IZUMKF0A\(\w+\).*JCL ERROR/);
    expect(o.error?.details.length).toBeGreaterThan(0);
    expect(recorder.jobs).toEqual([expect.objectContaining({ jobname: "IZUMKF0A", retcode: "JCL ERROR" })]);
  });

  it("a lost submit answer ends with exactly one job in JES", async () => {
    ({ emu, client } = await startEmulator());
    const steps = await plan(client, topology());
    emu.context.faults.add({ kind: "lostResponse", match: "PUT jobs.submit", count: 1 });
    const { outcomes } = await apply(only(steps, "zosmf-ha/filesystem/SYSB"));
    expect(outcomes[0]!.state, outcomes[0]!.error?.message).toBe("changed");
    expect(emu.state.jobs.filter((j) => j.jobname === "IZUMKF0B")).toHaveLength(1);
  });
});

describe("Caching Service VSAM", () => {
  it("refuses a cluster of the same name with other attributes, deleting nothing", async () => {
    ({ emu, client } = await startEmulator(["SYSA", "SYSB", "SYSC"]));
    emu.state.datasets["ZWE.CACHE.VSAM"] = {
      name: "ZWE.CACHE.VSAM",
      volser: "ZOSVOL",
      created: "2025-01-01",
      dsorg: "VS",
      type: "INDEXED",
      keys: { length: 64, offset: 0 },
      recordSize: { average: 80, maximum: 4096 },
      shareOptions: [2, 3],
    } as never;
    const steps = await plan(client, topology("three-system-all.yaml"));
    const vsam = steps.find((s) => s.id === "caching-service/vsam")!;
    expect(vsam.observed).toMatch(/could not be checked without a LISTCAT job/);
    const { outcomes } = await apply(only(steps, "caching-service/vsam"));
    const o = outcomes[0]!;
    expect(o.state).toBe("failed");
    expect(o.error?.message).toMatch(/already exists with other attributes/);
    expect(o.error?.details.join("\n")).toMatch(/KEYS\(64 0\), not KEYS\(128 0\)/);
    expect(emu.state.datasets["ZWE.CACHE.VSAM"]).toBeDefined();
  });
});
