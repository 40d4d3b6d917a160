/**
 * The plug-in's own share of a classic `zowe` start-up: how long requiring its configuration
 * module and one command's handler takes in a fresh Node process, with the host's
 * @zowe/imperative already loaded (the host pays for that whatever the plug-in does).
 *
 *   node import-time.js <plug-in root> <handler, e.g. commands/verify/Verify.handler>
 *
 * Prints one JSON line: milliseconds for the configuration module and for the handler, and
 * the packages the handler brought in. The runner takes the median of several processes.
 */
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import * as path from "node:path";

export interface ImportFigure {
  readonly configMs: number;
  readonly handlerMs: number;
  /** Modules the two requires added, the plug-in's own files counted under "own". */
  readonly modules: number;
  readonly packages: Record<string, number>;
}

/** The package a module file belongs to, or "own" for the plug-in's files. */
function packageOfFile(file: string): string {
  const m = /node_modules[\\/]((?:@[^\\/]+[\\/])?[^\\/]+)[\\/](?!.*node_modules)/.exec(file);
  return m ? m[1]!.replace(/\\/g, "/") : "own";
}

function measureHere(root: string, handler: string): ImportFigure {
  // Loading as the host does: a plain CommonJS require, timed around the call.
  const load = createRequire(path.join(root, "package.json"));
  // The host's own module, resolved from the plug-in as the host's copy would be.
  load("@zowe/imperative");
  const before = new Set(Object.keys(require.cache));
  const t0 = performance.now();
  load(path.join(root, "lib", "imperative.js"));
  const t1 = performance.now();
  load(path.join(root, "lib", handler));
  const t2 = performance.now();
  const added = Object.keys(load.cache).filter((k) => !before.has(k));
  const packages: Record<string, number> = {};
  for (const file of added) packages[packageOfFile(file)] = (packages[packageOfFile(file)] ?? 0) + 1;
  return { configMs: t1 - t0, handlerMs: t2 - t1, modules: added.length, packages };
}

/** `runs` fresh processes; the one with the median total stands for all. */
export async function importTimes(root: string, handler: string, runs: number): Promise<ImportFigure & { runs: number[] }> {
  const figures: ImportFigure[] = [];
  for (let i = 0; i < runs; i++) {
    const out = await new Promise<string>((resolve, reject) => {
      const child = spawn(process.execPath, [__filename, root, handler], { stdio: ["ignore", "pipe", "inherit"] });
      let text = "";
      child.stdout.on("data", (c: Buffer) => (text += c.toString("utf8")));
      child.on("exit", (code) => (code === 0 ? resolve(text) : reject(new Error(`import-time child exited ${code}`))));
    });
    figures.push(JSON.parse(out.trim()) as ImportFigure);
  }
  const total = (f: ImportFigure) => f.configMs + f.handlerMs;
  const sorted = [...figures].sort((a, b) => total(a) - total(b));
  return { ...sorted[Math.floor(sorted.length / 2)]!, runs: figures.map(total) };
}

if (require.main === module) {
  const [root, handler] = process.argv.slice(2);
  if (!root || !handler) {
    process.stderr.write("usage: import-time <plug-in root> <handler path under lib/>\n");
    process.exit(3);
  }
  process.stdout.write(`${JSON.stringify(measureHere(path.resolve(root), handler))}\n`);
}
