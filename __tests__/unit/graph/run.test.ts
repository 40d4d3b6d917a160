import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { XMLValidator } from "fast-xml-parser";
import { describe, expect, it, vi } from "vitest";
import { exitCodeFor, HaError } from "../../../src/errors";
import { graphData, graphTopology, type GraphOptions } from "../../../src/graph";
import type { VerifyResult } from "../../../src/verify";
import { schemaErrors } from "../../result-schema";
import { exampleFile } from "./fixtures";

const freshDir = () => mkdtempSync(path.join(tmpdir(), "zowe-ha-graph-"));
const topologyFile = exampleFile("two-system.yaml");

async function refusal(options: GraphOptions): Promise<{ code: number; message: string }> {
  try {
    await graphTopology(options);
  } catch (err) {
    expect(err).toBeInstanceOf(HaError);
    return { code: exitCodeFor(err), message: (err as Error).message };
  }
  throw new Error("graphTopology did not refuse");
}

const verifyResult = (checks: VerifyResult["checks"]): VerifyResult => ({
  sysplex: "PLEX1",
  checks,
  summary: { healthy: 0, degraded: 0, failed: 0, notApplicable: 0, total: checks.length },
  verdict: "healthy",
  unreadable: [],
  down: [],
  durationMs: 1,
});

describe("zowe ha graph: where the picture goes", () => {
  it("returns Mermaid text by default, with every element plain", async () => {
    const r = await graphTopology({ topologyFile });
    expect(r.format).toBe("mermaid");
    expect(r.output).toMatch(/^flowchart TB\n/);
    expect(r.file).toBeUndefined();
    expect(r.verified).toBe(false);
    expect(r.elements.every((e) => e.state === "neutral")).toBe(true);
  });

  it("writes --out, choosing SVG for a .svg name, and never replaces a file without --force (exit 3, naming it)", async () => {
    const cwd = freshDir();
    const r = await graphTopology({ topologyFile, out: "plex.svg", cwd });
    const file = path.join(cwd, "plex.svg");
    expect(r.file).toBe(file);
    expect(r.text).toContain(`Wrote ${file}: sysplex PLEX1 as SVG (2 systems, 1 DVIPA, 2 targets)`);
    expect(XMLValidator.validate(readFileSync(file, "utf8"))).toBe(true);

    writeFileSync(file, "mine");
    const verify = vi.fn(async () => verifyResult([]));
    const refused = await refusal({ topologyFile, out: "plex.svg", cwd, verify });
    expect(refused.code).toBe(3);
    expect(refused.message).toContain(`${file} already exists; nothing was written`);
    expect(readFileSync(file, "utf8")).toBe("mine");
    // Refused before anything is read from z/OS.
    expect(verify).not.toHaveBeenCalled();

    await graphTopology({ topologyFile, out: "plex.svg", cwd, force: true, format: "mermaid" });
    expect(readFileSync(file, "utf8")).toMatch(/^flowchart TB/);
  });

  it("refuses an unknown format and an empty --out as input errors, before verify", async () => {
    const verify = vi.fn(async () => verifyResult([]));
    const bad = await refusal({ topologyFile, format: "png", verify });
    expect(bad).toEqual({ code: 3, message: '--format: "png" is not a picture format; allowed: mermaid, svg' });
    expect((await refusal({ topologyFile, out: " ", verify })).code).toBe(3);
    expect(verify).not.toHaveBeenCalled();
  });

  it("refuses a topology with problems before verify connects to anything", async () => {
    const bad = path.join(freshDir(), "bad.yaml");
    writeFileSync(bad, readFileSync(topologyFile, "utf8").replace("preferred: SYSA", "preferred: SYSQ"));
    const verify = vi.fn(async () => verifyResult([]));
    expect((await refusal({ topologyFile: bad, verify })).code).toBe(3);
    expect(verify).not.toHaveBeenCalled();
  });
});

describe("zowe ha graph --verify", () => {
  it("colours the elements by the verify result it is handed and lists each element's state", async () => {
    const verify = vi.fn(async () =>
      verifyResult([
        { id: "system.active", system: "SYSA", title: "", expected: "", found: "", verdict: "healthy" },
        { id: "system.active", system: "SYSB", title: "", expected: "", found: "", verdict: "failed" },
      ]),
    );
    const r = await graphTopology({ topologyFile, verify, out: "v.mmd", cwd: freshDir() });
    expect(verify).toHaveBeenCalledTimes(1);
    expect(r.verified).toBe(true);
    expect(r.elements.filter((e) => e.kind === "system").map((e) => e.state)).toEqual(["healthy", "unhealthy"]);
    expect(r.text).toContain("by the latest verify: 1 healthy, 1 unhealthy");
    expect(readFileSync(r.file!, "utf8")).toContain("class sys1 unhealthy");
  });
});

describe("zowe ha graph --rfj", () => {
  // As --rfj prints it: JSON, undefined fields dropped.
  const printed = (r: Awaited<ReturnType<typeof graphTopology>>) => JSON.parse(JSON.stringify(graphData(r))) as Record<string, unknown>;

  it("returns the picture, or the file written, and each element's verdict, as schemas/graph-result.schema.json describes", async () => {
    const plain = printed(await graphTopology({ topologyFile }));
    expect(plain).toMatchObject({ schemaVersion: 1, format: "mermaid", sysplex: "PLEX1", verified: false });
    expect(plain.output).toMatch(/^flowchart TB\n/);
    expect(schemaErrors("graph-result", plain)).toEqual([]);

    const verify = async () =>
      verifyResult([{ id: "system.active", system: "SYSB", title: "", expected: "", found: "", verdict: "failed" }]);
    const cwd = freshDir();
    const coloured = printed(await graphTopology({ topologyFile, verify, out: "plex.svg", cwd }));
    expect(coloured).toMatchObject({ schemaVersion: 1, format: "svg", file: path.join(cwd, "plex.svg"), verified: true });
    expect(coloured.output).toBeUndefined();
    expect(coloured.elements).toContainEqual({ id: "sys1", kind: "system", state: "unhealthy" });
    expect(schemaErrors("graph-result", coloured)).toEqual([]);
  });
});
