import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Emulator } from "../../../emulator";
import type { ZosmfClient } from "../../../src/zosmf";
import { apply, plan, startEmulator, topology } from "../provision/helpers";
import { operator, vipadcfg, writeListenerProc } from "./helpers";

/*
 * A topology with only port sharing and distributed services: no hot-standby member gives
 * the stacks dynamic XCF, so the services members must bring them into the sysplex group.
 */

let emu: Emulator;
let client: ZosmfClient;

beforeEach(async () => {
  ({ emu, client } = await startEmulator(["SYSA", "SYSB", "SYSC"]));
});
afterEach(async () => {
  client.close();
  await emu.stop();
});

// The gateways go too: without the Caching Service they would need a zowe.yaml of their own.
const onlyServices = (text: string) => text.replace(/^zosmfHa:[\s\S]*?(?=^portSharing:)/m, "").replace(/^gateway:[\s\S]*$/m, "");
const servicesOnly = () => topology("three-system-all.yaml", onlyServices);

describe("services without z/OSMF hot standby", () => {
  it("plans only the two workflows, kept in each stack profile, and brings every stack into the group", async () => {
    const t = servicesOnly();
    expect(t.zosmfHa).toBeUndefined();
    const steps = await plan(client, t);
    // Besides the two workflows: each stack's profile INCLUDEs their obey members so they survive a TCP/IP restart,
    // and its original goes to the backup library the plan creates first. No mount or autostart without z/OSMF HA.
    expect(steps.map((s) => s.id)).toEqual([
      "datasets/backup",
      "port-sharing/reserve/SYSA",
      "distributed-services/distribute/SYSA",
      "distributed-services/distribute/SYSB",
      "distributed-services/distribute/SYSC",
      "ipl-persistence/tcpip-profile/SYSA",
      "ipl-persistence/tcpip-profile/SYSB",
      "ipl-persistence/tcpip-profile/SYSC",
    ]);
    const run = await apply(steps);
    for (const o of run.outcomes) expect(o.state, `${o.id}: ${o.error?.message} ${o.error?.details.join(" | ")}`).toBe("changed");

    const cfg = await vipadcfg(client, "SYSA");
    expect(
      cfg.distributes
        .filter((d) => d.destAddress === "192.0.2.1")
        .map((d) => d.destXcf)
        .sort(),
    ).toEqual(["198.51.100.1", "198.51.100.2", "198.51.100.3"]);

    // A z/OS Connect server on the target-only stack SYSC is reached through the distributor.
    await writeListenerProc(client, "ZCON", [5595]);
    operator(emu, "SYSC", "S ZCON,JOBNAME=ZCON3");
    const vdpt = operator(emu, "SYSA", "D TCPIP,TCPIP,N,VDPT").join("\n");
    expect(vdpt).toMatch(/DEST:\s+192\.0\.2\.1\.\.5595\s+DESTXCF:\s+198\.51\.100\.3\s+TOTALCONN:\s+\d+\s+RDY: 001/);

    const again = await plan(client, t);
    for (const s of again) expect(s.changes, `${s.id}: ${s.observed}`).toEqual([]);
  });

  it("applies a changed member again and reports the change, without touching a stack that is in force", async () => {
    const t = servicesOnly();
    await apply(await plan(client, t));
    const edited = topology("three-system-all.yaml", (text) => onlyServices(text).replace("mode: SHAREPORTWLM", "mode: SHAREPORT"));
    const steps = await plan(client, edited);
    const ports = steps.find((s) => s.id === "port-sharing/reserve/SYSA")!;
    expect(ports.observed).toMatch(/differs; stack TCPIP: PORT 9443 TCP ZCHA\* SHAREPORT is reserved with flags DAW/);
    expect(ports.changes.map((c) => c.kind)).toEqual(["member", "command", "command"]);
    // The stack profiles INCLUDE the obey member, so they stay as they are.
    for (const s of steps.filter((x) => /^(distributed-services|ipl-persistence)\//.test(x.id))) expect(s.changes).toEqual([]);
    // The member is updated; its original goes to the backup library the first run created.
    expect(steps.map((s) => s.id)).not.toContain("datasets/backup");
    const run = await apply([ports]);
    expect(run.outcomes.map((o) => [o.id, o.state])).toEqual([[ports.id, "changed"]]);
  });
});
