/** The results file and the Markdown table made from it. */
import { cpus, loadavg, totalmem, platform, release } from "node:os";
import { readFileSync } from "node:fs";
import * as path from "node:path";

export interface TargetResult {
  readonly target: string;
  readonly figure: string;
  readonly holds: boolean;
  readonly note?: string;
}

export function machine(root: string): Record<string, unknown> {
  const version = (p: string) => (JSON.parse(readFileSync(p, "utf8")) as { version: string }).version;
  return {
    cpu: cpus()[0]?.model ?? "unknown",
    cores: cpus().length,
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    // 1, 5 and 15 minutes: how much other work shared the cores when the benchmark began.
    loadAverage: loadavg()
      .map((l) => l.toFixed(2))
      .join(" / "),
    os: `${platform()} ${release()}`,
    node: process.version,
    zoweHa: version(path.join(root, "package.json")),
    zoweCli: version(path.join(root, "node_modules", "@zowe", "cli", "package.json")),
  };
}

export const ms = (v: number) => `${Math.round(v)} ms`;
export const x = (v: number) => `${v.toFixed(2)}x`;

export function table(head: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) => `| ${cells.join(" | ")} |`;
  return [line(head), line(head.map(() => "---")), ...rows.map(line)].join("\n");
}

export function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}
