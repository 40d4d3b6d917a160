import * as path from "node:path";
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";
import { houseRules } from "../../../eslint.config.mjs";

// The repository's own rules, run on a small tree laid out like the repository, with forbidden imports on purpose.
const tree = path.join(__dirname, "fixtures", "tree");

async function lint(): Promise<Map<string, { rule: string | null; message: string }[]>> {
  const eslint = new ESLint({ cwd: tree, overrideConfigFile: true, overrideConfig: houseRules(tree) });
  const results = await eslint.lintFiles(["."]);
  return new Map(
    results.map((r) => [
      path.relative(tree, r.filePath).split(path.sep).join("/"),
      r.messages.map((m) => ({ rule: m.ruleId, message: m.message })),
    ]),
  );
}

describe("house rules", () => {
  it("refuse every forbidden import, each with the rule and the layer it breaks, and nothing else", async () => {
    const byFile = await lint();
    const rules = Object.fromEntries([...byFile].map(([file, messages]) => [file, messages.map((m) => m.rule)]));
    expect(rules).toEqual({
      "commands/handler.ts": [],
      "emulator/server.ts": ["import-x/no-restricted-paths"],
      "src/cycle-a.ts": ["import-x/no-cycle"],
      "src/cycle-b.ts": ["import-x/no-cycle"],
      "src/errors.ts": [],
      "src/js-suffix.ts": ["no-restricted-imports"],
      "src/provision/step.ts": [],
      "src/uses-commands.ts": ["import-x/no-restricted-paths"],
      "src/uses-emulator.ts": ["import-x/no-restricted-paths"],
      "src/uses-zowe.ts": ["no-restricted-imports"],
      "src/verify/check.ts": ["import-x/no-restricted-paths"],
    });
    const message = (file: string): string => byFile.get(file)?.[0]?.message ?? "";
    expect(message("src/uses-commands.ts")).toContain("commands/ calls it");
    expect(message("src/uses-emulator.ts")).toContain("never depends on the emulator");
    expect(message("emulator/server.ts")).toContain("knows nothing of the plug-in");
    expect(message("src/verify/check.ts")).toContain("verify/ never imports provision/");
    expect(message("src/uses-zowe.ts")).toContain("@zowe/*");
    expect(message("src/js-suffix.ts")).toContain("without a suffix");
  });

  it("leave the fixture tree out of the repository's own lint run", async () => {
    const root = path.join(__dirname, "..", "..", "..");
    const eslint = new ESLint({ cwd: root });
    expect(await eslint.isPathIgnored(path.join(tree, "src", "uses-commands.ts"))).toBe(true);
    expect(await eslint.isPathIgnored(path.join(root, "src", "errors.ts"))).toBe(false);
  });
});
