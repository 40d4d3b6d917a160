import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { parseDocument } from "yaml";
import type { Emulator } from "../../../emulator";
import { parseTopology } from "../../../src/topology";
import type { ZosmfClient } from "../../../src/zosmf";
import { runVerify } from "../services/helpers";
import { discover, mark, notReads, provision, startWithDvipas } from "./helpers";

let emu: Emulator;
let client: ZosmfClient;

beforeEach(async () => {
  ({ emu, client } = await startWithDvipas());
});
afterEach(async () => {
  client.close();
  await emu.stop();
});

/** What a person decides on a sysplex without HA: the only values discover leaves to them. */
const DECISIONS: Record<string, unknown> = {
  "systems[0].tcpip.dynamicXcf.address": "198.51.100.1",
  "systems[0].tcpip.dynamicXcf.mask": "255.255.255.0",
  "systems[1].tcpip.dynamicXcf.address": "198.51.100.2",
  "systems[1].tcpip.dynamicXcf.mask": "255.255.255.0",
  "datasets.obey": "TCPIP.HA.OBEY",
  "datasets.volume": "ZOSVOL",
  "zosmfHa.dvipa": "192.0.2.10",
  "zosmfHa.dvipaMask": "255.255.255.0",
  "zosmfHa.preferred": "SYSA",
  "zosmfHa.backups": [{ system: "SYSB", rank: 1 }],
};

const pathOf = (p: string) =>
  p
    .split(/\.|\[(\d+)\]/)
    .filter((x) => x !== undefined && x !== "")
    .map((x) => (/^\d+$/.test(x) ? Number(x) : x));

describe("discover on a freshly seeded sysplex without HA", () => {
  it("leaves TODOs only where a person must choose; filled in, provision and verify succeed", async () => {
    const before = mark(emu);
    const result = await discover(client);
    expect(notReads(emu, before)).toEqual([]);
    expect(result.problems).toEqual([]);
    expect(result.todos.map((t) => t.path)).toEqual(Object.keys(DECISIONS));
    // Each TODO is a comment on its value in the file itself.
    const doc = parseDocument(result.yaml);
    expect(
      String(doc.getIn(["zosmfHa", "dvipa"], true) && (doc.getIn(["zosmfHa", "dvipa"], true) as { comment?: string }).comment),
    ).toMatch(/^ ?TODO: choose an unused address/);
    // What was found carries its source: the IEASYSxx the system IPLed with, from D IPLINFO.
    expect((doc.getIn(["systems", 0, "ipl", "ieasys"], true) as { comment?: string }).comment).toMatch(/D IPLINFO/);

    for (const [p, value] of Object.entries(DECISIONS)) doc.setIn(pathOf(p), doc.createNode(value));
    const file = join(mkdtempSync(join(tmpdir(), "ha-discover-")), "plex.yaml");
    writeFileSync(file, doc.toString());
    const t = parseTopology(doc.toString(), { fileName: "plex.yaml" });
    expect(t.systems.map((s) => [s.zosmf?.izuprmSuffix, s.zosmf?.serverProc, s.ipl?.ieasys])).toEqual([
      ["0A", "IZUSVRA", "SA"],
      ["0B", "IZUSVRB", "SB"],
    ]);
    await provision(client, t);
    const verified = await runVerify(emu, file);
    expect(verified.checks.filter((c) => c.verdict === "failed").map((c) => `${c.id}: ${c.found}`)).toEqual([]);
  });
});
