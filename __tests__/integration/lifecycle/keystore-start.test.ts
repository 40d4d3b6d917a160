/**
 * A server whose key ring is gone by the time it starts: the task ends CC 0012 with the
 * keystore message, and the start step fails at once with that line from its JESMSGLG.
 */
import { afterEach, describe, expect, it } from "vitest";
import type { Emulator } from "../../../emulator";
import type { ZosmfClient } from "../../../src/zosmf";
import { apply, plan, startEmulator, topology } from "../provision/helpers";

let emu: Emulator | undefined;
let client: ZosmfClient | undefined;
afterEach(async () => {
  client?.close();
  await emu?.stop();
  emu = undefined;
});

describe("the start step and a server without its key ring", () => {
  it("fails within a few polls naming CWPKI0033E; the ended task shows CC 0012 and RC=0012", async () => {
    ({ emu, client } = await startEmulator());
    const steps = await plan(client, topology(), { startServers: true, jobTimeoutMs: 15_000 });
    const start = steps.find((s) => s.id === "zosmf-ha/start/SYSA")!;
    const applyStart = start.apply;
    // The ring is deleted after the security step made it, just before the server starts.
    start.apply = async (ctx) => {
      delete emu!.state.racf.keyrings["IZUSVR/IZUKeyring.IZUDFLT"];
      return applyStart(ctx);
    };
    // The answer to S shows only that the task started; its end is read from the spool, as on z/OS.
    emu.context.faults.add({ kind: "consoleSplit", match: "S IZUSVRA", pieces: 8 });

    const { outcomes } = await apply(steps);
    const security = outcomes.find((o) => o.id === "zosmf-ha/security");
    expect(security?.state).toBe("changed");
    const failed = outcomes.find((o) => o.id === "zosmf-ha/start/SYSA");
    expect(failed?.state).toBe("failed");
    expect(failed?.error?.message).toMatch(/IZUSVRA on SYSA ended \(STC\d+, CC 0012\)/);
    const details = failed?.error?.details.join("\n") ?? "";
    expect(details).toMatch(/CWPKI0033E: The keystore located at safkeyring:\/\/\/IZUKeyring\.IZUDFLT did not load/);
    expect(details).toMatch(/\$HASP395 IZUSVRA +ENDED - RC=0012/);

    const sent = emu.requestLog.consoleCommands.filter((c) => c.system === "SYSA");
    const afterStart = sent.slice(sent.findIndex((c) => c.cmd === "S IZUSVRA") + 1);
    expect(afterStart.filter((c) => c.cmd === "D A,IZUSVRA").length).toBeLessThanOrEqual(2);
  });
});
