import { existsSync, readdirSync, readFileSync } from "node:fs";
import * as path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

// The emulator's parts are wired by plain imports, so a renamed module is a build error
// rather than a part silently missing at run time.
const root = path.resolve(__dirname, "../../..");

function sources(dir: string): string[] {
  return readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const rel = path.join(dir, entry.name);
    if (entry.isDirectory()) return sources(rel);
    return entry.name.endsWith(".ts") && !entry.name.endsWith(".d.ts") ? [rel] : [];
  });
}

/** Relative imports and re-exports of one file (type-only ones too), as repository paths. */
function importsOf(file: string): string[] {
  const text = readFileSync(path.join(root, file), "utf8");
  return ts
    .preProcessFile(text, true, false)
    .importedFiles.map((f) => f.fileName)
    .filter((spec) => spec.startsWith("."))
    .map((spec) => {
      const base = path.join(path.dirname(file), spec);
      return [`${base}.ts`, path.join(base, "index.ts")].find((c) => existsSync(path.join(root, c))) ?? base;
    });
}

function cycles(files: string[]): string[][] {
  const graph = new Map(files.map((f) => [f, importsOf(f).filter((i) => files.includes(i))]));
  const found: string[][] = [];
  const state = new Map<string, "open" | "done">();
  const visit = (file: string, trail: string[]): void => {
    if (state.get(file) === "done") return;
    if (state.get(file) === "open") return void found.push([...trail.slice(trail.indexOf(file)), file]);
    state.set(file, "open");
    for (const next of graph.get(file) ?? []) visit(next, [...trail, file]);
    state.set(file, "done");
  };
  for (const file of files) visit(file, []);
  return found;
}

const emulator = sources("emulator");
const plugin = [...sources("src"), ...sources("commands")];

describe("emulator wiring", () => {
  it("has no import cycle", () => {
    expect(cycles(emulator)).toEqual([]);
  });

  it("loads no module by a computed path", () => {
    const dynamic = emulator.filter((f) => /\bimport\s*\(|\brequire\s*\(/.test(readFileSync(path.join(root, f), "utf8")));
    expect(dynamic).toEqual([]);
  });

  it("shares no code with the plug-in it is used to test", () => {
    const outside = (files: string[], dir: string) =>
      files.flatMap((f) =>
        importsOf(f)
          .filter((i) => i.startsWith(`${dir}${path.sep}`))
          .map((i) => `${f} -> ${i}`),
      );
    expect(outside(emulator, "src")).toEqual([]);
    expect(outside(emulator, "commands")).toEqual([]);
    expect(outside(plugin, "emulator")).toEqual([]);
  });
});
