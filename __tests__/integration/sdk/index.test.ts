import { readFileSync, mkdtempSync, copyFileSync, existsSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { start, type Emulator } from "../../../emulator";

const ROOT = path.resolve(__dirname, "../../..");
const pkg = JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")) as { main: string; types: string };
// The package as another tool loads it: `main` of the built tree, through require.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const sdk = require(path.join(ROOT, pkg.main)) as typeof import("../../../src/index");

let emu: Emulator;
beforeAll(async () => {
  emu = await start({ tls: false, port: 0, systems: ["SYSA", "SYSB"], jobTiming: { inputMs: 5, activeMs: 20 } });
});
afterAll(async () => {
  await emu?.stop();
});

describe("the package entry", () => {
  it("is the built index with its declarations beside it", () => {
    expect(pkg.main).toBe("lib/src/index.js");
    expect(existsSync(path.join(ROOT, pkg.types))).toBe(true);
  });

  it("parses a topology and refuses a wrong one by field", () => {
    const text = readFileSync(path.join(ROOT, "examples", "two-system.yaml"), "utf8");
    expect(sdk.parseTopology(text, { fileName: "two-system.yaml" }).systems.map((s) => s.name)).toEqual(["SYSA", "SYSB"]);
    expect(() => sdk.parseTopology(text.replace(/sysplex: \S+/, "sysplex: 1"), { fileName: "bad.yaml" })).toThrow(sdk.TopologyError);
  });

  it("plans a provision on the emulator in dry-run, writing no record and changing nothing", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "ha-sdk-"));
    const topologyFile = path.join(dir, "plex.yaml");
    copyFileSync(path.join(ROOT, "examples", "two-system.yaml"), topologyFile);
    const url = new URL(emu.url);
    const lines: string[] = [];
    const writes = emu.requestLog.writes.length;
    const result = await sdk.provision({
      topologyFile,
      connection: { hostname: url.hostname, port: Number(url.port), protocol: "http", user: emu.user, password: emu.password },
      dryRun: true,
      consoleDelayMs: 20,
      log: { debug: (line) => lines.push(line) },
    });
    expect(result.status).toBe("planned");
    expect(result.plan.map((s) => s.id)).toContain("zosmf-ha/parmlib/SYSA");
    expect(sdk.failureClassOf(result)).toBeUndefined();
    expect(emu.requestLog.writes.length).toBe(writes);
    expect(existsSync(path.join(dir, "ha-runs")) ? readdirSync(path.join(dir, "ha-runs")) : []).toEqual([]);
    expect(lines.some((l) => /^z\/OSMF GET \/zosmf\/\S+ 200 \d+ ms/.test(l))).toBe(true);
    expect(typeof sdk.verify).toBe("function");
    expect(typeof sdk.rollback).toBe("function");
  });

  it("drafts a topology from the emulator with discover and draws one with graphTopology, as the commands do", async () => {
    const url = new URL(emu.url);
    const connection = {
      hostname: url.hostname,
      port: Number(url.port),
      protocol: "http" as const,
      user: emu.user,
      password: emu.password,
    };
    const writes = emu.requestLog.writes.length;
    const drafted = await sdk.discover({ connection, systems: "SYSA,SYSB" });
    expect(drafted.file).toBeUndefined();
    expect(sdk.parseTopology(drafted.draft, { fileName: "draft.yaml" }).systems.map((s) => s.name)).toEqual(["SYSA", "SYSB"]);
    expect(drafted.result.todos.length).toBeGreaterThan(0);
    expect(emu.requestLog.writes.length).toBe(writes);

    const drawn = await sdk.graphTopology({ topologyFile: path.join(ROOT, "examples", "two-system.yaml"), format: "svg" });
    expect(sdk.GRAPH_FORMATS).toContain(drawn.format);
    expect(drawn.output).toMatch(/<svg [^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(drawn.elements.filter((e) => e.kind === "system").map((e) => e.id)).toHaveLength(2);
  });
});
