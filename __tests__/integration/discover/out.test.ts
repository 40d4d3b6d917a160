import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Emulator } from "../../../emulator";
import { exitCodeFor } from "../../../src/errors";
import { discoverData, runDiscover } from "../../../src/run/discover";
import { parseTopology } from "../../../src/topology";
import type { ZosmfClient } from "../../../src/zosmf";
import { schemaErrors } from "../../result-schema";
import { startEmulator } from "../provision/helpers";
import { mark, notReads } from "./helpers";

let emu: Emulator;
let client: ZosmfClient;
const connection = {} as never;

beforeEach(async () => {
  ({ emu, client } = await startEmulator());
});
afterEach(async () => {
  client.close();
  await emu.stop();
});

describe("discover --out", () => {
  it("prints the draft without --out, writes it with --out, and replaces it only with --force", async () => {
    const printed = await runDiscover({ connection, client });
    expect(printed.file).toBeUndefined();
    expect(() => parseTopology(printed.text, { fileName: "stdout" })).not.toThrow();
    expect(printed.summary).toMatch(/^\d+ TODOs to decide:\n {2}systems\[0\]\.tcpip\.dynamicXcf\.address: /m);

    const dir = mkdtempSync(join(tmpdir(), "ha-discover-out-"));
    const written = await runDiscover({ connection, client, out: "plex.yaml", cwd: dir });
    expect(written.file).toBe(join(dir, "plex.yaml"));
    expect(readFileSync(written.file!, "utf8")).toBe(printed.text);
    expect(written.text).toMatch(/^Wrote .*plex\.yaml: a draft topology of SYSA, SYSB/);
    expect(written.text).toMatch(/zowe ha provision -t plex\.yaml --dry-run/);

    const before = mark(emu);
    const total = emu.requestLog.total;
    const again = await runDiscover({ connection, client, out: "plex.yaml", cwd: dir }).catch((e: unknown) => e);
    expect(exitCodeFor(again)).toBe(3);
    // Refused before anything was read.
    expect(emu.requestLog.total).toBe(total);
    expect(notReads(emu, before)).toEqual([]);
    const forced = await runDiscover({ connection, client, out: "plex.yaml", cwd: dir, force: true });
    expect(forced.file).toBe(join(dir, "plex.yaml"));
  });

  it("--rfj returns the draft, the file written, the TODOs and what was not read, as schemas/discover-result.schema.json describes", async () => {
    // As --rfj prints it: JSON, undefined fields dropped.
    const printed = (r: Awaited<ReturnType<typeof runDiscover>>) => JSON.parse(JSON.stringify(discoverData(r))) as Record<string, unknown>;
    const plain = printed(await runDiscover({ connection, client }));
    expect(plain).toMatchObject({ schemaVersion: 1, systems: [{ name: "SYSA" }, { name: "SYSB" }] });
    expect(() => parseTopology(String(plain.draft), { fileName: "data.draft" })).not.toThrow();
    expect(plain.file).toBeUndefined();
    expect(plain.todos).toContainEqual({ path: "systems[0].tcpip.dynamicXcf.address", what: expect.any(String) });
    expect(plain.notes).toContainEqual(expect.stringMatching(/^cachingService left out/));
    expect(schemaErrors("discover-result", plain)).toEqual([]);

    const dir = mkdtempSync(join(tmpdir(), "ha-discover-rfj-"));
    const written = printed(await runDiscover({ connection, client, out: "plex.yaml", cwd: dir }));
    expect(written.file).toBe(join(dir, "plex.yaml"));
    expect(written.draft).toBe(readFileSync(join(dir, "plex.yaml"), "utf8"));
    expect(schemaErrors("discover-result", written)).toEqual([]);
  });
});
