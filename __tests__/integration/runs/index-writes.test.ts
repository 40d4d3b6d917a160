/**
 * The index of run records on z/OS: read once per run (ahead, while the run plans), written
 * when the run starts and when it ends, and never losing a line another run wrote meanwhile.
 */
import { afterEach, describe, expect, it } from "vitest";
import type { Emulator } from "../../../emulator";
import { provision } from "../../../src/run/provision";
import { fromRecordLines, toRecordLines } from "../../../src/runs/record-lines";
import type { RunEntry } from "../../../src/runs/run-entry";
import type { RequestEvent } from "../../../src/zosmf";
import { FAST, startPlex } from "../rollback/helpers";
import { provisioned, runLibrary } from "./helpers";

let emu: Emulator | undefined;
afterEach(async () => {
  await emu?.stop();
  emu = undefined;
});

const INDEX_PATH = "/zosmf/restfiles/ds/HA.BACKUP.RUNS(INDEX)";
const indexOf = (e: Emulator) => fromRecordLines(runLibrary(e)!.members.INDEX!.content) as RunEntry[];

describe("the run index on z/OS", () => {
  it("is read once by a run and written when it starts and when it ends", async () => {
    const plex = await startPlex();
    emu = plex.emu;
    const first = await provisioned(plex);
    const events: RequestEvent[] = [];
    const second = await provision({
      topologyFile: plex.topologyFile,
      connection: plex.connection,
      ...FAST,
      onRequest: (e) => events.push(e),
    });
    expect(second.status).toBe("succeeded");
    const onIndex = (method: string) => events.filter((e) => e.path === INDEX_PATH && e.method === method).length;
    expect(onIndex("GET")).toBe(1);
    expect(onIndex("PUT")).toBe(2);
    expect(indexOf(emu).map((e) => [e.runId, e.status])).toEqual([
      [first, "succeeded"],
      [second.runId, "succeeded"],
    ]);
  });

  it("keeps a line another run added while this one applied: the guarded write is refused, read again and merged", async () => {
    const plex = await startPlex();
    emu = plex.emu;
    const first = await provisioned(plex);
    const other = `${first}-OTHER`;
    let added = false;
    const result = await provision({
      topologyFile: plex.topologyFile,
      connection: plex.connection,
      ...FAST,
      sink: {
        onEvent: (e) => {
          if (e.type !== "step-start" || added) return;
          added = true;
          // Another sysplex's run, sharing the backup library, ends now and lists itself.
          const member = runLibrary(emu!)!.members.INDEX!;
          const lines = fromRecordLines(member.content) as RunEntry[];
          member.content = toRecordLines([...lines, { ...lines[0]!, runId: other }]);
          member.etag = `${member.etag}-other`;
        },
      },
    });
    expect(result.status).toBe("succeeded");
    expect(added).toBe(true);
    expect(indexOf(emu).map((e) => e.runId)).toEqual([first, other, result.runId].sort());
    expect(indexOf(emu).find((e) => e.runId === result.runId)?.status).toBe("succeeded");
  });

  it("keeps the index another run created first in a new library: the first index is created only if still absent", async () => {
    const plex = await startPlex();
    emu = plex.emu;
    expect(runLibrary(emu)).toBeUndefined();
    const other: RunEntry = {
      runId: "20261203-185500-OTHER",
      kind: "provision",
      sysplex: "OTHERPLX",
      startedAt: "2026-12-03T18:55:00Z",
      status: "running",
      changed: 0,
      changedSomething: false,
    };
    let added = false;
    const result = await provision({
      topologyFile: plex.topologyFile,
      connection: plex.connection,
      ...FAST,
      onRequest: (e) => {
        // Another run sharing the backup library lists itself just after this run created the library.
        if (added || e.method !== "PUT" || !/HA\.BACKUP\.RUNS\(R/.test(e.path)) return;
        added = true;
        const at = new Date().toISOString();
        runLibrary(emu!)!.members.INDEX = { content: toRecordLines([other]), etag: "other-1", user: "OTHER", changed: at };
      },
    });
    expect(result.status).toBe("succeeded");
    expect(added).toBe(true);
    expect(indexOf(emu).map((e) => e.runId)).toEqual([other.runId, result.runId].sort());
    // Nothing is left behind in the library but the runs' records and the index.
    expect(Object.keys(runLibrary(emu)!.members).filter((m) => m !== "INDEX" && !m.startsWith("R"))).toEqual([]);
  });
});
