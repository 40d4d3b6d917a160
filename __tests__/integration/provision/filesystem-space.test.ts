/**
 * IZUMKFS as IBM sizes it: the zFS gets the topology's primary and secondary cylinders, or
 * IBM's sample CYL(200 20) by default, and is mounted with AGGRGROW so that zFS grows it into
 * its secondary space instead of the server failing on a full file system.
 */
import { afterEach, describe, expect, it } from "vitest";
import type { Emulator } from "../../../emulator";
import type { Change, PlannedStep } from "../../../src/engine/types";
import { HaError } from "../../../src/errors";
import type { ZosmfClient } from "../../../src/zosmf";
import { apply, plan, startEmulator, topology } from "./helpers";

let emu: Emulator;
let client: ZosmfClient;

afterEach(async () => {
  client.close();
  await emu.stop();
});

const withSpaceOnA = (space: string) => (t: string) =>
  t.replace("zfs: IZU.SIZUUSRD.ZOSMFA", `zfs: IZU.SIZUUSRD.ZOSMFA\n      zfsSpace: ${space}`);
const jobOf = (steps: PlannedStep[], id: string) =>
  steps.find((s) => s.id === id)!.changes.find((c): c is Extract<Change, { kind: "job" }> => c.kind === "job")!.jcl;

describe("the z/OSMF data file system", () => {
  it("is defined with the topology's cylinders on SYSA and IBM's CYL(200 20) on SYSB, mounted with AGGRGROW, and so made", async () => {
    ({ emu, client } = await startEmulator());
    const steps = await plan(client, topology("two-system.yaml", withSpaceOnA("{ primary: 300, secondary: 45 }")));
    const jclA = jobOf(steps, "zosmf-ha/filesystem/SYSA");
    const jclB = jobOf(steps, "zosmf-ha/filesystem/SYSB");
    expect(jclA).toMatch(/LINEAR CYLINDERS\(300 45\)/);
    expect(jclB).toMatch(/LINEAR CYLINDERS\(200 20\)/);
    for (const jcl of [jclA, jclB]) expect(jcl).toMatch(/ MODE\(RDWR\) UNMOUNT -\n  PARM\('AGGRGROW'\) -\n  MOUNTPOINT\('[^']+'\)\n/);

    const fs = steps.filter((s) => s.id.startsWith("zosmf-ha/filesystem/"));
    const { outcomes } = await apply(fs.map((s) => ({ ...s, dependsOn: [] })));
    expect(outcomes.map((o) => o.state)).toEqual(["changed", "changed"]);
    expect(emu.state.datasets["IZU.SIZUUSRD.ZOSMFA"]).toMatchObject({ space: { unit: "CYLINDERS", primary: 300, secondary: 45 } });
    expect(emu.state.datasets["IZU.SIZUUSRD.ZOSMFB"]).toMatchObject({ space: { unit: "CYLINDERS", primary: 200, secondary: 20 } });
    expect(emu.state.mounts.filter((m) => m.fsname.startsWith("IZU.SIZUUSRD.")).map((m) => m.parm)).toEqual(["AGGRGROW", "AGGRGROW"]);
  });

  it("a space without a secondary allocation, which could not grow, is refused naming the field", () => {
    let err: unknown;
    try {
      topology("two-system.yaml", withSpaceOnA("{ primary: 300, secondary: 0 }"));
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(HaError);
    expect([(err as HaError).message, ...(err as HaError).details].join("\n")).toMatch(
      /systems\[0\]\.zosmf\.zfsSpace\.secondary[\s\S]*1 to 16777215/,
    );
  });
});
