import { builtinModules } from "node:module";
import { readdirSync, readFileSync, statSync } from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "./harness";

// What the packed tarball runs: the compiled plug-in (npm test builds lib/ first).
const SHIPPED = ["lib/imperative.js", "lib/src", "lib/commands"];

function jsFiles(entry: string): string[] {
  const full = path.join(ROOT, entry);
  if (statSync(full).isFile()) return [full];
  return readdirSync(full, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? jsFiles(path.join(entry, d.name)) : d.name.endsWith(".js") ? [path.join(full, d.name)] : [],
  );
}

/** Every bare module a compiled file requires or imports at run time, with the file. */
function bareRequires(): { file: string; spec: string }[] {
  const found: { file: string; spec: string }[] = [];
  for (const file of SHIPPED.flatMap(jsFiles)) {
    const text = readFileSync(file, "utf8");
    for (const m of text.matchAll(/\b(?:require|import)\(\s*["']([^"']+)["']\s*\)/g)) {
      if (!m[1]!.startsWith(".")) found.push({ file: path.relative(ROOT, file), spec: m[1]! });
    }
  }
  return found;
}

const packageOf = (spec: string) =>
  spec
    .split("/")
    .slice(0, spec.startsWith("@") ? 2 : 1)
    .join("/");

describe("the packed plug-in's run-time requires", () => {
  const found = bareRequires();

  it("finds the plug-in's own requires (the scan reads the compiled files)", () => {
    expect(found.map((f) => f.spec)).toContain("@zowe/imperative");
  });

  it("never requires @zowe/cli, which the host need not provide", () => {
    expect(found.filter((f) => packageOf(f.spec) === "@zowe/cli")).toEqual([]);
  });

  it("requires only Node's own modules and the packages package.json declares as dependencies or peers", () => {
    const pkg = JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")) as {
      dependencies?: Record<string, string>;
      peerDependencies?: Record<string, string>;
    };
    const declared = new Set([...Object.keys(pkg.dependencies ?? {}), ...Object.keys(pkg.peerDependencies ?? {})]);
    const builtin = (spec: string) => spec.startsWith("node:") || builtinModules.includes(packageOf(spec));
    expect(found.filter((f) => !builtin(f.spec) && !declared.has(packageOf(f.spec)))).toEqual([]);
  });
});
