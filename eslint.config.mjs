// House rules a machine keeps: the layers, no import cycles, one import style, small files in src/.
// `.mjs` because the package itself is CommonJS. `houseRules(root)` is exported so a test can run
// the same rules on a small fixture tree and prove that a forbidden import fails the lint.
// Cycles and layers use eslint-plugin-import-x (the maintained fork of eslint-plugin-import, flat config and
// ESLint 10 support) rather than dependency-cruiser: one tool and one command for every rule, layer paths checked
// on the file an import resolves to rather than on its text, and an API a test can call.
import { existsSync } from "node:fs";
import path from "node:path";
import { defineConfig } from "eslint/config";
import { createTypeScriptImportResolver } from "eslint-import-resolver-typescript";
import importX from "eslint-plugin-import-x";
import tseslint from "typescript-eslint";

const TS_FILES = ["**/*.ts", "**/*.mts"];

// Relative imports carry no suffix (`./plan`, not `./plan.js`): the package compiles to CommonJS,
// where both resolve, and most of the code already writes them without.
const noJsSuffix = {
  regex: String.raw`^\.{1,2}/.*\.js$`,
  message: "Write relative imports without a suffix (`./plan`, not `./plan.js`).",
};

// The engine under src/ is called by the Zowe CLI handlers in commands/ and must not depend on the host.
// Type-only imports are refused as well: src/ has none today, and the engine's types are its own.
const noZowe = {
  group: ["@zowe/*"],
  message: "src/ does not depend on the Zowe CLI host; only commands/ may import @zowe/*.",
};

/** The rules, with every layer path taken from `root` so they hold wherever ESLint is started. */
export function houseRules(root) {
  const tsconfig = path.join(root, "tsconfig.json");
  return defineConfig(
    {
      ignores: [
        "lib/**",
        "node_modules/**",
        ".tmp/**",
        "ha-runs/**",
        "bench/**",
        "__tests__/__results__/**",
        // Small trees with forbidden imports on purpose, linted by __tests__/unit/house.
        "__tests__/**/fixtures/**",
      ],
    },
    tseslint.configs.recommended,
    {
      files: TS_FILES,
      plugins: { "import-x": importX },
      settings: {
        // Without these, import-x does not read .ts files it follows, and no-cycle sees no cycle at all.
        "import-x/extensions": [".ts", ".mts", ".js", ".mjs"],
        "import-x/parsers": { "@typescript-eslint/parser": [".ts", ".mts"] },
        "import-x/external-module-folders": ["node_modules", "node_modules/@types"],
        "import-x/resolver-next": [createTypeScriptImportResolver(existsSync(tsconfig) ? { project: tsconfig } : {})],
      },
      rules: {
        "no-restricted-imports": ["error", { patterns: [noJsSuffix] }],
        // A leading underscore marks a value left unused on purpose (a callback's unneeded parameter).
        "@typescript-eslint/no-unused-vars": [
          "error",
          { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrorsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_" },
        ],
        // Type-only imports are erased at run time, so they cannot form a cycle that matters.
        "import-x/no-cycle": ["error", { ignoreExternal: true }],
        "import-x/no-restricted-paths": [
          "error",
          {
            basePath: root,
            zones: [
              { target: "./src", from: "./commands", message: "src/ is the engine; commands/ calls it, never the other way." },
              { target: "./src", from: "./emulator", message: "The plug-in never depends on the emulator." },
              { target: "./emulator", from: "./src", message: "The emulator stands for z/OSMF and knows nothing of the plug-in." },
              {
                target: "./src/verify",
                from: "./src/provision",
                message: "verify/ never imports provision/; code both need lives in a module of its own under src/.",
              },
            ],
          },
        ],
      },
    },
    {
      files: ["src/**/*.ts"],
      rules: {
        "no-restricted-imports": ["error", { patterns: [noJsSuffix, noZowe] }],
        "max-lines": ["error", { max: 300, skipBlankLines: true, skipComments: true }],
        "max-lines-per-function": ["error", { max: 60, skipBlankLines: true, skipComments: true }],
      },
    },
  );
}

export default houseRules(import.meta.dirname);
