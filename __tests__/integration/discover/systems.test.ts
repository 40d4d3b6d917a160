import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Emulator } from "../../../emulator";
import { parseDocument } from "yaml";
import type { ZosmfClient } from "../../../src/zosmf";
import { startEmulator } from "../provision/helpers";
import { discover, mark, notReads } from "./helpers";

let emu: Emulator;
let client: ZosmfClient;

beforeEach(async () => {
  ({ emu, client } = await startEmulator(["SYSA", "SYSB", "SYSC"]));
});
afterEach(async () => {
  client.close();
  await emu.stop();
});

const routedTo = (emu: Emulator, from: number) => new Set(emu.requestLog.consoleCommands.slice(from).map((c) => c.system));

describe("discover --systems and systems that are down", () => {
  it("reads only the systems named, and drafts only them", async () => {
    const before = mark(emu);
    const result = await discover(client, { systems: ["SYSA", "SYSC"] });
    expect(notReads(emu, before)).toEqual([]);
    expect(result.systems.map((s) => s.name)).toEqual(["SYSA", "SYSC"]);
    expect([...routedTo(emu, before.commands)].filter((s) => s !== "" && s !== undefined).sort()).toEqual(["SYSA", "SYSC"]);
    expect(result.problems).toEqual([]);
    expect(result.yaml).not.toMatch(/SYSB/);
  });

  it("marks a system that is down with TODOs saying so, reads nothing from it and guesses nothing", async () => {
    const res = await fetch(`${emu.url}/__emulator/system/SYSB/down`, { method: "POST" });
    expect(res.ok).toBe(true);
    const before = mark(emu);
    const result = await discover(client, { systems: ["SYSA", "SYSB"] });
    expect(notReads(emu, before)).toEqual([]);
    expect(routedTo(emu, before.commands).has("SYSB")).toBe(false);
    expect(result.systems).toEqual([{ name: "SYSA" }, { name: "SYSB", down: "SYSB is not in the sysplex: D XCF,S,ALL does not list it" }]);
    expect(result.problems).toEqual([]);
    const sysb = result.todos.filter((t) => t.path.startsWith("systems[1]."));
    expect(sysb.map((t) => t.path)).toEqual([
      "systems[1].hostname",
      "systems[1].tcpip.proc",
      "systems[1].tcpip.dynamicXcf.address",
      "systems[1].tcpip.dynamicXcf.mask",
      "systems[1].tcpip.dynamicXcf.cost",
      "systems[1].zosmf.izuprmSuffix",
      "systems[1].zosmf.autostartGroup",
      "systems[1].zosmf.serverProc",
      "systems[1].zosmf.userDir",
      "systems[1].zosmf.zfs",
    ]);
    for (const t of sysb) expect(t.what).toMatch(/^SYSB is not in the sysplex.*nothing was read from it/);
    // SYSB has no IPL-time members drafted: nothing was read, so none is named.
    const doc = parseDocument(result.yaml);
    expect(doc.hasIn(["systems", 1, "ipl"])).toBe(false);
    expect(doc.hasIn(["systems", 1, "tcpip", "profile"])).toBe(false);
    // The system that is up is the one proposed to serve; the one that is down only backs it up.
    expect(doc.getIn(["zosmfHa", "preferred"])).toBe("SYSA");
  });
});
