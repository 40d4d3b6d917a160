import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { XMLValidator } from "fast-xml-parser";
import { JSDOM } from "jsdom";
import { beforeAll, describe, expect, it } from "vitest";
import { installPackedPlugin, ROOT, type RunResult } from "./harness";

// `zowe ha graph` from the packed plug-in in an isolated Zowe home, with no z/OSMF anywhere:
// the connection points at a port nothing listens on, and no user or password is given.
let zowe: (args: string[], env?: NodeJS.ProcessEnv, timeoutMs?: number) => Promise<RunResult>;
const NOWHERE = { ZOWE_OPT_HOST: "127.0.0.1", ZOWE_OPT_PORT: "9" };

beforeAll(async () => {
  ({ zowe } = await installPackedPlugin());
}, 300_000);

const example = (name: string) => path.join(ROOT, "examples", name);

describe("zowe ha graph from the installed tarball", () => {
  it("prints Mermaid text of the example that Mermaid parses, with nothing to connect to", async () => {
    const res = await zowe(["ha", "graph", "-t", example("two-system.yaml")], NOWHERE);
    expect(res.stderr).toBe("");
    expect(res.status).toBe(0);
    expect(res.stdout).toMatch(/^flowchart TB\n/);
    expect(res.stdout).toContain('zdv -->|"PREFERRED port 443"| zt0');
    const dom = new JSDOM("");
    Object.assign(globalThis, { window: dom.window, document: dom.window.document });
    const mermaid = (await import("mermaid")).default;
    await expect(mermaid.parse(res.stdout)).resolves.toBeTruthy();
    // Each zowe start loads the host and the plug-in: seconds apiece on a busy machine.
  }, 120_000);

  it("writes an SVG with --out, refuses to replace it without --force (exit 3), and refuses an unknown format (exit 3)", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "zowe-ha-graph-cli-"));
    const file = path.join(dir, "plex.svg");
    const wrote = await zowe(["ha", "graph", "-t", example("three-system-all.yaml"), "--out", file], NOWHERE);
    expect(wrote.status).toBe(0);
    expect(wrote.stdout).toContain(`Wrote ${file}: sysplex PLEX2 as SVG (3 systems, 4 DVIPAs, 12 targets)`);
    expect(XMLValidator.validate(readFileSync(file, "utf8"))).toBe(true);

    writeFileSync(file, "mine");
    const again = await zowe(["ha", "graph", "-t", example("three-system-all.yaml"), "--out", file], NOWHERE);
    expect(again.status).toBe(3);
    expect(again.stderr).toContain(`${file} already exists`);
    expect(readFileSync(file, "utf8")).toBe("mine");

    const png = await zowe(["ha", "graph", "-t", example("two-system.yaml"), "--format", "png"], NOWHERE);
    expect(png.status).toBe(3);
    expect(png.stderr).toContain('--format: "png" is not a picture format; allowed: mermaid, svg');
  }, 180_000);
});
