/**
 * One provision in a process of its own, so its peak resident set is the provision's alone:
 * `node rss-child.js <topology> <record dir>` with the connection as JSON in BENCH_CONNECTION.
 * Prints one JSON line: wall time, status and maxRSS (kB, as resourceUsage reports it).
 */
import { provision } from "../../src/run/provision";
import type { ZosmfConnection } from "../../src/zosmf";

async function main(): Promise<void> {
  const [topologyFile, recordDir] = process.argv.slice(2);
  const connection = JSON.parse(process.env.BENCH_CONNECTION ?? "null") as ZosmfConnection | null;
  if (!topologyFile || !recordDir || !connection) throw new Error("usage: rss-child <topology> <record dir> (BENCH_CONNECTION set)");
  const t0 = performance.now();
  const result = await provision({ topologyFile, connection, recordDir, startServers: true, jobTimeoutMs: 120_000 });
  const wallMs = performance.now() - t0;
  process.stdout.write(`${JSON.stringify({ status: result.status, wallMs, maxRssKb: process.resourceUsage().maxRSS })}\n`);
}

main().catch((err) => {
  process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
