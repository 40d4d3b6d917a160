/**
 * Which runs a rollback without --run undoes: the newest run that changed something, with
 * the run it resumed and every resume of that run.
 */
import { afterEach, describe, expect, it } from "vitest";
import type { Emulator } from "../../../emulator";
import { provision } from "../../../src/run/provision";
import { rollback } from "../../../src/run/rollback";
import { FAST, dvipaInForce, parmlib, startPlex } from "../rollback/helpers";
import { provisioned } from "./helpers";

let emu: Emulator | undefined;
afterEach(async () => {
  await emu?.stop();
  emu = undefined;
});

const ZOWE_YAML = "/global/zowe/zowe.yaml";

describe("rollback without --run", () => {
  it("passes over a newer run that changed nothing and undoes the one that did", async () => {
    const plex = await startPlex();
    emu = plex.emu;
    const zoweYaml = emu.state.uss.files[ZOWE_YAML]!.content;
    const changer = await provisioned(plex);
    const idle = await provisioned(plex);
    const messages: string[] = [];
    const undone = await rollback({
      topologyFile: plex.topologyFile,
      connection: plex.connection,
      ...FAST,
      sink: { onEvent: (e) => (e.type === "message" ? messages.push(e.text) : undefined) },
    });
    expect(undone.status).toBe("succeeded");
    expect(undone.undoneRuns).toEqual([changer]);
    expect(undone.skippedRuns).toEqual([idle]);
    expect(messages.join("\n")).toContain(`not undone: ${idle}`);
    expect(parmlib(emu).members.IZUPRM0A).toBeUndefined();
    expect(emu.state.uss.files[ZOWE_YAML]!.content).toBe(zoweYaml);
  });

  it("after an interrupted run and two resumes, undoes all three, with the zowe.yaml the first resume changed", async () => {
    const plex = await startPlex();
    emu = plex.emu;
    const zoweYaml = emu.state.uss.files[ZOWE_YAML]!.content;
    // Interrupted as soon as the plan is shown: nothing is applied.
    const stop = new AbortController();
    const a = await provision({
      topologyFile: plex.topologyFile,
      connection: plex.connection,
      ...FAST,
      signal: stop.signal,
      sink: { onEvent: (e) => (e.type === "plan" ? stop.abort(new Error("Interrupted by SIGINT")) : undefined) },
    });
    expect(a.status).toBe("interrupted");
    const b = await provision({ topologyFile: plex.topologyFile, connection: plex.connection, resume: true, ...FAST });
    expect(b).toMatchObject({ status: "succeeded", resumedRun: a.runId });
    expect(emu.state.uss.files[ZOWE_YAML]!.content).not.toBe(zoweYaml);
    // The newest failed run is still the interrupted one: the second resume names it again and finds nothing to do.
    const c = await provision({ topologyFile: plex.topologyFile, connection: plex.connection, resume: true, ...FAST });
    expect(c).toMatchObject({ status: "succeeded", resumedRun: a.runId });
    expect(c.summary.changed).toBe(0);

    const undone = await rollback({ topologyFile: plex.topologyFile, connection: plex.connection, ...FAST });
    expect(undone.status).toBe("succeeded");
    expect(undone.undoneRuns).toEqual([a.runId, b.runId, c.runId]);
    expect(emu.state.uss.files[ZOWE_YAML]!.content).toBe(zoweYaml);
    expect(parmlib(emu).members.IZUPRM0A).toBeUndefined();
    expect(parmlib(emu).members.IZUPRM0B).toBeUndefined();
    expect(parmlib(emu).members.IZUPRM00).toBeDefined();
    expect(dvipaInForce(emu)).toEqual([]);
  });
});
