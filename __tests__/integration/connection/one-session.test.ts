import { afterEach, describe, expect, it } from "vitest";
import type { Emulator } from "../../../emulator";
import { exitCodeFor } from "../../../src/errors";
import { provision } from "../../../src/run/provision";
import { verify } from "../../../src/run/verify";
import { ZosmfError } from "../../../src/zosmf";
import { FAST, startPlex, type Plex } from "../rollback/helpers";

let plex: Plex | undefined;
afterEach(async () => {
  await plex?.emu.stop();
  plex = undefined;
});

const authOf = (emu: Emulator) => Object.values(emu.requestLog.auth);

describe("one z/OSMF session per host per command", () => {
  it("a wrong password is refused once per host, whatever the concurrency, and the command ends with exit 4", async () => {
    plex = await startPlex();
    const err = await provision({
      topologyFile: plex.topologyFile,
      connection: { ...plex.connection, password: "wrong" },
      concurrency: 16,
      dryRun: true,
      ...FAST,
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ZosmfError);
    expect((err as ZosmfError).kind).toBe("auth");
    expect((err as ZosmfError).message).toMatch(/Nothing more was sent/);
    expect(exitCodeFor(err)).toBe(4);
    expect(authOf(plex.emu)).toEqual([{ logons: 1, logoffs: 0, basic: 0, cookie: 0, refused: 1 }]);
  });

  it("verify with a wrong password is refused once too", async () => {
    plex = await startPlex();
    // The DVIPA is read at the emulator's address, never at the documentation address the topology names.
    await verify({
      topologyFile: plex.topologyFile,
      connection: { ...plex.connection, password: "wrong" },
      endpoints: { ...plex.emu.dvipaUrls },
    }).catch(() => undefined);
    const counts = authOf(plex.emu);
    expect(counts.map((c) => c.refused)).toEqual([1]);
    expect(counts.map((c) => c.basic + c.cookie)).toEqual([0]);
  });

  it("with the right password, logs on once, sends every other request by cookie and logs off", async () => {
    plex = await startPlex();
    const result = await provision({
      topologyFile: plex.topologyFile,
      connection: plex.connection,
      concurrency: 16,
      dryRun: true,
      ...FAST,
    });
    expect(result.status).toBe("planned");
    const [counts] = authOf(plex.emu);
    expect(counts).toMatchObject({ logons: 1, logoffs: 1, basic: 0, refused: 0 });
    expect(counts!.cookie).toBe(plex.emu.requestLog.total - 2 - (plex.emu.requestLog.counts["GET info"] ?? 0));
  });
});
