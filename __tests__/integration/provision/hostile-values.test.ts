/**
 * Values the topology checks let through reach the emulated z/OS only as data: written
 * safely where the language allows it, else refused before anything changes.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Emulator } from "../../../emulator";
import { HaError } from "../../../src/errors";
import type { Topology } from "../../../src/topology";
import type { ZosmfClient } from "../../../src/zosmf";
import { apply, plan, startEmulator, topology } from "./helpers";

let emu: Emulator;
let client: ZosmfClient;

beforeEach(async () => {
  ({ emu, client } = await startEmulator());
});
afterEach(async () => {
  client.close();
  await emu.stop();
});

/** The example topology with SYSA's userDir replaced in the parsed object, past any validation. */
function withUserDir(userDir: string): Topology {
  const t = structuredClone(topology()) as { systems: { zosmf?: { userDir: string } }[] };
  t.systems[0]!.zosmf!.userDir = userDir;
  return t as unknown as Topology;
}

describe("a hostile userDir", () => {
  it("with ; and ${IFS} is one quoted shell word: the directory of that name is made and mounted, no second command runs", async () => {
    const userDir = "/global/zosmf/a;rm${IFS}-rf";
    const steps = (await plan(client, withUserDir(userDir))).filter((s) => s.id === "zosmf-ha/filesystem/SYSA");
    const job = steps[0]!.changes.find((c) => c.kind === "job");
    expect(job && "jcl" in job ? job.jcl : "").toContain(`SH mkdir -p -m 755\n'${userDir}'\n/*`);
    const { outcomes } = await apply(steps);
    expect(outcomes[0]?.state, outcomes[0]?.error?.message).toBe("changed");
    expect(emu.state.uss.dirs).toContain(userDir);
    expect(emu.state.uss.dirs.filter((d) => d.startsWith("/global/zosmf/a"))).toEqual([userDir]);
  });

  it("of 55 characters provisions end to end: the file system is made, mounted and owned by IZUSVR, and the server starts from it", async () => {
    const userDir = "/global/zosmf/data/sysplex1/systema/zosmf-user-directry";
    expect(userDir).toHaveLength(55);
    const steps = await plan(client, withUserDir(userDir), { startServers: true });
    const { outcomes } = await apply(steps);
    expect(outcomes.filter((o) => o.state !== "changed").map((o) => `${o.id}: ${o.error?.message ?? o.state}`)).toEqual([]);
    expect(emu.state.mounts.find((m) => m.mountpoint === userDir)).toBeDefined();
    expect(emu.state.uss.dirAttributes?.[userDir]).toMatchObject({ owner: "IZUSVR", group: "IZUADMIN" });
    expect(emu.state.systems.SYSA.tasks.IZUSVRA?.kind).toBe("zosmf");
  });

  it("too long for any line is refused by every step that writes it, each naming the field by its index", async () => {
    const t = structuredClone(topology()) as { systems: { zosmf?: { userDir: string } }[] };
    t.systems[1]!.zosmf!.userDir = `/global/${"d".repeat(70)}`;
    const err = await plan(client, t as unknown as Topology).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(HaError);
    const said = [(err as HaError).message, ...(err as HaError).details].join("\n");
    expect(said).toMatch(/^- systems\[1\]\.zosmf\.userDir is 78 characters: the USER_DIR value cannot be written in IZUPRMxx/m);
    expect(said).toMatch(/USERDIR=.*\(from systems\[1\]\.zosmf\.userDir\)/);
    expect(said).not.toContain("systems[SYSB]");
    expect(emu.requestLog.submits).toHaveLength(0);
  });

  it("with & is refused while planning, naming the field: no job, write or command", async () => {
    const before = { submits: emu.requestLog.submits.length, writes: emu.requestLog.writes.length, commands: emu.requestLog.consoleCommands.length };
    const err = await plan(client, withUserDir("/global/zosmf/a&SYSUID")).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(HaError);
    expect((err as HaError).failureClass).toBe("invalid-input");
    // The plan's problems are collected: the summary first, then each problem on its own line.
    expect([(err as HaError).message, ...(err as HaError).details].join("\n")).toMatch(/^- systems\[0\]\.zosmf\.userDir contains &/m);
    expect(emu.requestLog.submits.length).toBe(before.submits);
    expect(emu.requestLog.writes.length).toBe(before.writes);
    expect(emu.requestLog.consoleCommands.slice(before.commands).every((c) => /^D /.test(c.cmd))).toBe(true);
  });
});
