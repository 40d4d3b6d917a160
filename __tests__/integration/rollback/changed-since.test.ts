/**
 * "Changed since the run" is decided by content: an operator's edit is seen even when
 * the ETag says nothing, and an ETag that merely looks different does not stop a restore.
 */
import { afterEach, describe, expect, it } from "vitest";
import type { Emulator } from "../../../emulator";
import { renderRunResult } from "../../../src/report/run-text";
import { failureClassOf } from "../../../src/run/exit-policy";
import { provision } from "../../../src/run/provision";
import { rollback } from "../../../src/run/rollback";
import { FAST, parmlib, startPlex } from "./helpers";

const RESTORE_0A = "rollback/restore/SYS1.PARMLIB(IZUPRM0A)";
const RESTORE_YAML = "rollback/restore//global/zowe/zowe.yaml";

let emu: Emulator | undefined;
afterEach(async () => {
  await emu?.stop();
  emu = undefined;
});

describe("rollback sees changes made after the run by their content", () => {
  it("leaves a member edited after the run alone although its ETag is what the run left", async () => {
    const plex = await startPlex();
    emu = plex.emu;
    expect((await provision({ topologyFile: plex.topologyFile, connection: plex.connection, ...FAST })).status).toBe("succeeded");
    const member = parmlib(emu).members.IZUPRM0A!;
    const etag = member.etag;
    member.content += "/* edited by an operator */\n";
    member.etag = etag;

    const refused = await rollback({ topologyFile: plex.topologyFile, connection: plex.connection, ...FAST });
    const step = refused.outcomes.find((o) => o.id === RESTORE_0A)!;
    expect(step.state).toBe("failed");
    expect(step.error!.message).toMatch(/changed after run/);
    expect(parmlib(emu).members.IZUPRM0A!.content).toMatch(/edited by an operator/);
    // What the rollback did restore is listed, with the command that finishes it.
    expect(failureClassOf(refused)).toBe("zos-failure");
    const text = renderRunResult(refused);
    expect(text).toMatch(/Changed on z\/OS by this run \(\d+\):[\s\S]*zowe\.yaml written/);
    expect(text).toContain(`zowe ha rollback -t ${plex.topologyFile} --run ${refused.undoneRun}`);
  });

  it("restores targets whose ETag changed while their records did not", async () => {
    const plex = await startPlex();
    emu = plex.emu;
    const zoweYamlBefore = emu.state.uss.files["/global/zowe/zowe.yaml"]!.content;
    expect((await provision({ topologyFile: plex.topologyFile, connection: plex.connection, ...FAST })).status).toBe("succeeded");
    // Same records, other ETag, and the FB padding z/OS keeps: nobody changed anything.
    const member = parmlib(emu).members.IZUPRM0A!;
    member.content = member.content
      .split("\n")
      .map((l) => (l ? l.padEnd(80) : l))
      .join("\n");
    member.etag = "ANOTHER-FORMAT-0A";
    emu.state.uss.files["/global/zowe/zowe.yaml"]!.etag = "ANOTHER-FORMAT-YAML";

    const undone = await rollback({ topologyFile: plex.topologyFile, connection: plex.connection, ...FAST });
    expect(undone.outcomes.find((o) => o.id === RESTORE_0A)?.state).toBe("changed");
    expect(undone.outcomes.find((o) => o.id === RESTORE_YAML)?.state).toBe("changed");
    expect(undone.status).toBe("succeeded");
    expect(parmlib(emu).members.IZUPRM0A).toBeUndefined();
    expect(emu.state.uss.files["/global/zowe/zowe.yaml"]!.content).toBe(zoweYamlBefore);
  });
});
