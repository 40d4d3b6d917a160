/**
 * The sysplex prerequisites of z/OSMF HA are looked at before anything is planned to be sent:
 * a system with another RACF database, outside the JES2 MAS, outside the shared file system,
 * or whose console does not answer, refuses the plan (exit 3) naming it, and only displays
 * reach z/OS.
 */
import { afterEach, describe, expect, it } from "vitest";
import type { Emulator } from "../../../emulator";
import { isDisplayCommand } from "../../../src/engine/sent";
import { exitCodeFor, HaError } from "../../../src/errors";
import type { ZosmfClient } from "../../../src/zosmf";
import { plan, startEmulator, topology } from "./helpers";

let emu: Emulator;
let client: ZosmfClient;

afterEach(async () => {
  client.close();
  await emu.stop();
});

async function share(system: string, body: Record<string, unknown>): Promise<void> {
  const r = await fetch(`${emu.url}/__emulator/system/${system}/share`, { method: "POST", body: JSON.stringify(body) });
  expect(r.status).toBe(200);
}

async function refusal(): Promise<HaError> {
  const err = await plan(client, topology()).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(HaError);
  expect(exitCodeFor(err)).toBe(3);
  // Nothing but reads and displays reached z/OS.
  expect(emu.requestLog.writes).toEqual([]);
  expect(emu.requestLog.submits).toEqual([]);
  expect(emu.requestLog.consoleCommands.filter((c) => !isDisplayCommand(c.cmd))).toEqual([]);
  return err as HaError;
}

describe("sysplex prerequisites of z/OSMF HA", () => {
  it("the seeded sysplex meets them: the plan asks every system and goes on", async () => {
    ({ emu, client } = await startEmulator());
    const steps = await plan(client, topology());
    expect(steps.length).toBeGreaterThan(0);
    const asked = emu.requestLog.consoleCommands.map((c) => `${c.cmd}@${c.system}`);
    for (const cmd of ["D T", "RVARY LIST", "D OMVS,O", "$D MEMBER"]) {
      expect(asked).toContain(`${cmd}@SYSA`);
      expect(asked).toContain(`${cmd}@SYSB`);
    }
  });

  it("systems on different RACF databases refuse the plan, naming both databases", async () => {
    ({ emu, client } = await startEmulator());
    await share("SYSB", { racfPrimary: "SYS1.RACF.OTHER", racfVolume: "RACF09" });
    const err = await refusal();
    const text = err.details.join("\n");
    expect(text).toMatch(/sysplex\.saf/);
    expect(text).toContain("SYSA: SYS1.RACF.PRIMARY on RACF01");
    expect(text).toContain("SYSB: SYS1.RACF.OTHER on RACF09");
  });

  it("a system outside the JES2 MAS refuses the plan, naming it", async () => {
    ({ emu, client } = await startEmulator());
    await share("SYSB", { jes2Mas: "LONER" });
    const err = await refusal();
    const lines = err.details.filter((d) => /sysplex\.jes2|not active members/.test(d));
    expect(lines[0]).toMatch(/sysplex\.jes2/);
    expect(lines.join("\n")).toMatch(/seen from SYSA, not active members of its MAS: SYSB/);
    expect(lines.join("\n")).toMatch(/seen from SYSB, not active members of its MAS: SYSA/);
  });

  it("a system outside the shared file system refuses the plan, naming it", async () => {
    ({ emu, client } = await startEmulator());
    await share("SYSA", { omvsSysplex: false });
    const err = await refusal();
    expect(err.details.join("\n")).toMatch(/sysplex\.uss[\s\S]*SYSA: D OMVS,O shows SYSPLEX = NO/);
  });
});
