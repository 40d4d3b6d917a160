/**
 * A TCP/IP step that fails after OBEYFILE may have left the DVIPA in force; rollback must
 * take it off those stacks, and must leave stacks alone where OBEYFILE was never issued.
 */
import * as path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { Emulator } from "../../../emulator";
import { provision } from "../../../src/run/provision";
import { rollback } from "../../../src/run/rollback";
import { FAST, FIXTURES, dvipaInForce, startPlex } from "./helpers";

let emu: Emulator | undefined;
afterEach(async () => {
  await emu?.stop();
  emu = undefined;
});

describe("rollback of TCP/IP steps that failed", () => {
  it("removes the DVIPA a step left in force when VIPADCFG did not confirm after OBEYFILE", async () => {
    const plex = await startPlex();
    emu = plex.emu;
    const workflowsDir = path.join(FIXTURES, "obey-not-confirmed");
    const failed = await provision({ topologyFile: plex.topologyFile, connection: plex.connection, workflowsDir, ...FAST });
    expect(failed.status).toBe("failed");
    const tcpipA = failed.outcomes.find((o) => o.id === "zosmf-ha/tcpip/SYSA")!;
    expect(tcpipA.state).toBe("failed");
    expect(tcpipA.error!.message).toMatch(/not in force/);
    // OBEYFILE applied the statements before the step failed.
    expect(dvipaInForce(emu)).toEqual(expect.arrayContaining(["SYSA VIPADEFINE", "SYSA VIPADISTRIBUTE", "SYSB VIPABACKUP"]));

    const undone = await rollback({ topologyFile: plex.topologyFile, connection: plex.connection, workflowsDir, ...FAST });
    expect(undone.status).toBe("succeeded");
    expect(undone.outcomes.find((o) => o.id === "rollback/tcpip/SYSA")?.state).toBe("changed");
    expect(undone.outcomes.find((o) => o.id === "rollback/tcpip/SYSB")?.state).toBe("changed");
    expect(dvipaInForce(emu)).toEqual([]);
  });

  it("plans no removal for a stack whose step stopped at SYNTAXCHECK", async () => {
    const plex = await startPlex();
    emu = plex.emu;
    // The bad template fails SYNTAXCHECK (EZZ0827I), so OBEYFILE is never issued.
    const workflowsDir = path.join(__dirname, "../provision/fixtures/bad-obey");
    const failed = await provision({ topologyFile: plex.topologyFile, connection: plex.connection, workflowsDir, ...FAST });
    expect(failed.outcomes.find((o) => o.id === "zosmf-ha/tcpip/SYSA")?.state).toBe("failed");
    expect(dvipaInForce(emu)).toEqual([]);
    const plan = await rollback({ topologyFile: plex.topologyFile, connection: plex.connection, workflowsDir, dryRun: true, ...FAST });
    expect(plan.plan.filter((s) => s.id.startsWith("rollback/tcpip/"))).toEqual([]);
  });
});
