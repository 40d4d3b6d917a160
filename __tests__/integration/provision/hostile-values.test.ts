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
import { isDisplayCommand } from "../../../src/engine/sent";

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
    const before = {
      submits: emu.requestLog.submits.length,
      writes: emu.requestLog.writes.length,
      commands: emu.requestLog.consoleCommands.length,
    };
    const err = await plan(client, withUserDir("/global/zosmf/a&SYSUID")).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(HaError);
    expect((err as HaError).failureClass).toBe("invalid-input");
    // The plan's problems are collected: the summary first, then each problem on its own line.
    expect([(err as HaError).message, ...(err as HaError).details].join("\n")).toMatch(/^- systems\[0\]\.zosmf\.userDir contains &/m);
    expect(emu.requestLog.submits.length).toBe(before.submits);
    expect(emu.requestLog.writes.length).toBe(before.writes);
    expect(emu.requestLog.consoleCommands.slice(before.commands).every((c) => isDisplayCommand(c.cmd))).toBe(true);
  });
});

/** The example topology with one value replaced in the parsed object, past any validation. */
function withValue(at: readonly (string | number)[], value: string): Topology {
  const t = structuredClone(topology()) as unknown as Record<string | number, unknown>;
  let node = t;
  for (const key of at.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  node[at[at.length - 1]!] = value;
  return t as unknown as Topology;
}

describe("names the start step puts into S, D A and D TCPIP commands", () => {
  // A comma adds an operand (S IZUANG1,SUB=MSTR), a blank starts a comment that hides the rest.
  const cases: [string, (string | number)[], string, string][] = [
    ["zosmfHa.angelProc with a comma", ["zosmfHa", "angelProc"], "IZUANG1,SUB=MSTR", "zosmfHa.angelProc"],
    ["zosmfHa.angelProc with a blank", ["zosmfHa", "angelProc"], "IZUANG1 X", "zosmfHa.angelProc"],
    ["a serverProc with a comma", ["systems", 0, "zosmf", "serverProc"], "IZUSVRA,JOBNAME=X", "systems[0].zosmf.serverProc"],
    ["a TCP/IP procedure with a comma", ["systems", 0, "tcpip", "proc"], "TCPIP,X", "systems[0].tcpip.proc"],
  ];
  it.each(cases)("%s is refused while planning, naming the field; no console command carries it", async (_title, at, value, field) => {
    const commands = emu.requestLog.consoleCommands.length;
    const err = await plan(client, withValue(at, value), { startServers: true }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(HaError);
    expect((err as HaError).failureClass).toBe("invalid-input");
    expect([(err as HaError).message, ...(err as HaError).details].join("\n")).toContain(field);
    expect(
      emu.requestLog.consoleCommands
        .slice(commands)
        .map((c) => c.cmd)
        .filter((c) => c.includes(value)),
    ).toEqual([]);
  });
});

describe("values the system would read as a system symbol", () => {
  // z/OS replaces &NAME. in PARMLIB members and in obey members: what was planned would not be what runs.
  const cases: [string, (string | number)[], string, string][] = [
    ["an autostart group in IZUPRMxx", ["systems", 0, "zosmf", "autostartGroup"], "IZUDFLA&SYSCLONE.", "systems[0].zosmf.autostartGroup"],
    ["a DVIPA mask in an obey member", ["zosmfHa", "dvipaMask"], "255.255.255.0&M.", "zosmfHa.dvipaMask"],
    [
      "a dynamic XCF address in an obey member",
      ["systems", 1, "tcpip", "dynamicXcf", "address"],
      "198.51.100.2&X.",
      "systems[1].tcpip.dynamicXcf.address",
    ],
  ];
  it.each(cases)("%s with & is refused while planning, naming the field: no job, write or command", async (_title, at, value, field) => {
    const before = {
      submits: emu.requestLog.submits.length,
      writes: emu.requestLog.writes.length,
      commands: emu.requestLog.consoleCommands.length,
    };
    const err = await plan(client, withValue(at, value)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(HaError);
    expect((err as HaError).failureClass).toBe("invalid-input");
    expect([(err as HaError).message, ...(err as HaError).details].join("\n")).toContain(field);
    expect(emu.requestLog.submits.length).toBe(before.submits);
    expect(emu.requestLog.writes.length).toBe(before.writes);
    expect(emu.requestLog.consoleCommands.slice(before.commands).every((c) => isDisplayCommand(c.cmd))).toBe(true);
  });
});

describe("values set into zowe.yaml", () => {
  // Zowe runs ${{ ... }} in any zowe.yaml string as an expression when it loads the file.
  it("a Redis address holding ${{ }} is refused while planning, naming the field, without its password; zowe.yaml is not written", async () => {
    const t = structuredClone(topology()) as unknown as { cachingService: { storage: Record<string, unknown> } };
    t.cachingService.storage = {
      mode: "redis",
      evictionStrategy: "reject",
      size: 10000,
      redis: { masterNodeUri: "app:s3cret-pw@redis.example.com:6379${{ std.exit(1) }}" },
    };
    const writes = emu.requestLog.writes.length;
    const err = await plan(client, t as unknown as Topology).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(HaError);
    expect((err as HaError).failureClass).toBe("invalid-input");
    const text = [(err as HaError).message, ...(err as HaError).details].join("\n");
    expect(text).toContain("cachingService.storage.redis.masterNodeUri");
    expect(text).not.toContain("s3cret");
    expect(emu.requestLog.writes.length).toBe(writes);
  });
});

describe("late refusals quote at most 60 characters of a value", () => {
  it.each([
    ["a userDir", ["systems", 0, "zosmf", "userDir"], `/global/zosmf/${"d".repeat(300)}`],
    ["a dynamic XCF address", ["systems", 0, "tcpip", "dynamicXcf", "address"], `198.51.100.1${"1".repeat(300)}`],
    ["a data set name", ["datasets", "parmlib"], `SYS1.${"P".repeat(300)}`],
  ])("%s of 300 characters past validation is refused without echoing it whole", async (_what, at, value) => {
    const err = await plan(client, withValue(at as (string | number)[], value)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(HaError);
    const text = [(err as HaError).message, ...(err as HaError).details].join("\n");
    expect(text).not.toMatch(/([dP1])\1{60}/);
  });
});
