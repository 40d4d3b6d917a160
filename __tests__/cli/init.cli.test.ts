import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isDisplayCommand } from "../../src/engine/sent";
import { loadTopologyFile } from "../../src/run/topology-file";
import { emulatorGet, installPackedPlugin, startEmulatorProcess, type EmulatorProcess, type RunResult } from "./harness";

// A new user's first steps with the packed plug-in installed into an isolated Zowe home:
// `zowe ha init`, then the dry run it suggests, against the emulator.
let zowe: (args: string[], env?: NodeJS.ProcessEnv, timeoutMs?: number) => Promise<RunResult>;
let home: string;
/** The folder zowe runs in (the harness's work folder): where `zowe ha init` writes plex.yaml by default. */
let cwd: string;
let emulator: EmulatorProcess;

beforeAll(async () => {
  ({ zowe, home } = await installPackedPlugin());
  cwd = path.dirname(home);
  emulator = await startEmulatorProcess(["--systems", "SYSA,SYSB"]);
}, 300_000);

afterAll(async () => {
  await emulator?.stop();
});

const schemaOfModeline = (text: string) => /^#\s*yaml-language-server:.*\$schema=(\S+)/m.exec(text)?.[1];

describe("zowe ha init from the installed tarball", () => {
  it("writes plex.yaml naming the installed schema, and the dry run it suggests plans against the emulator", async () => {
    const res = await zowe(["ha", "init"]);
    expect(res.stderr).toBe("");
    expect(res.status).toBe(0);
    expect(res.stdout).toContain("zowe ha provision -t plex.yaml --dry-run");
    const file = path.join(cwd, "plex.yaml");
    const text = readFileSync(file, "utf8");

    const schema = fileURLToPath(schemaOfModeline(text) ?? "file:///none");
    expect(existsSync(schema)).toBe(true);
    // The schema of the plug-in installed in this Zowe home, not of the source tree.
    expect(path.relative(home, schema).startsWith("..")).toBe(false);
    expect(path.basename(schema)).toBe("topology.schema.json");
    const { topology } = await loadTopologyFile(file);
    expect(topology.sysplex).toBe("PLEX1");

    const before = await emulatorGet<{ writes: unknown[]; submits: unknown[]; consoleCommands: { cmd: string }[] }>(
      emulator,
      "/__emulator/log",
    );
    const dry = await zowe(
      ["ha", "provision", "-t", "plex.yaml", "--dry-run", "--rfj"],
      {
        ZOWE_OPT_HOST: emulator.host,
        ZOWE_OPT_PORT: String(emulator.port),
        ZOWE_OPT_USER: emulator.user,
        ZOWE_OPT_PASSWORD: emulator.password,
        ZOWE_OPT_REJECT_UNAUTHORIZED: "true",
        NODE_EXTRA_CA_CERTS: emulator.caFile,
      },
      120_000,
    );
    expect(dry.status).toBe(0);
    const out = JSON.parse(dry.stdout) as { data: { status: string; plan: { id: string }[] } };
    expect(out.data.status).toBe("planned");
    expect(out.data.plan.map((s) => s.id)).toEqual(expect.arrayContaining(["zosmf-ha/parmlib/SYSA", "zosmf-ha/parmlib/SYSB"]));
    const after = await emulatorGet<typeof before>(emulator, "/__emulator/log");
    expect(after.writes.slice(before.writes.length)).toEqual([]);
    expect(after.submits.slice(before.submits.length)).toEqual([]);
    expect(after.consoleCommands.slice(before.consoleCommands.length).filter((c) => !isDisplayCommand(c.cmd))).toEqual([]);
  });

  it("refuses to replace a file (exit 3, naming it) unless --force, and writes the three-system example on request", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "zowe-ha-init-cli-"));
    const file = path.join(dir, "plex2.yaml");
    expect((await zowe(["ha", "init", "--out", file, "--example", "three-system-all"])).status).toBe(0);
    const written = readFileSync(file, "utf8");
    expect((await loadTopologyFile(file)).topology.systems).toHaveLength(3);

    const again = await zowe(["ha", "init", "--out", file]);
    expect(again.status).toBe(3);
    expect(again.stderr).toContain(`${file} already exists`);
    expect(readFileSync(file, "utf8")).toBe(written);

    const unknown = await zowe(["ha", "init", "--out", path.join(dir, "x.yaml"), "--example", "four-system"]);
    expect(unknown.status).toBe(3);
    expect(unknown.stderr).toMatch(/--example: "four-system" is not an example; allowed: two-system, three-system-all/);
    expect(existsSync(path.join(dir, "x.yaml"))).toBe(false);

    const forced = await zowe(["ha", "init", "--out", file, "--force"]);
    expect(forced.status).toBe(0);
    expect((await loadTopologyFile(file)).topology.systems).toHaveLength(2);
  });
});
