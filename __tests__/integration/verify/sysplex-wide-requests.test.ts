/**
 * The displays every system is asked alike and the mount table cost the same number of requests
 * for 2 systems as for 8 (one routed RO *ALL each, one mount list); members shared by the systems
 * are read once. Request counts, not times.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { afterEach, expect, it } from "vitest";
import { stringify } from "yaml";
import { start, type Emulator } from "../../../emulator";
import { verify } from "../../../src/run/verify";
import { systemNames, topologyDoc } from "../../../scripts/bench/topology";

let emu: Emulator | undefined;
afterEach(async () => {
  await emu?.stop();
  emu = undefined;
});

async function counts(n: number): Promise<Record<string, number>> {
  // The benchmark's console: 200 lines an answer; with fewer, a longer routed answer needs more follow-ups.
  emu = await start({ tls: false, port: 0, systems: systemNames(n), consolePieceLines: 200 });
  const file = path.join(mkdtempSync(path.join(tmpdir(), "ha-wide-")), "plex.yaml");
  writeFileSync(file, stringify(topologyDoc(n)));
  const url = new URL(emu.url);
  const connection = { hostname: url.hostname, port: Number(url.port), protocol: "http" as const, user: emu.user, password: emu.password };
  await verify({ topologyFile: file, connection });
  const c = { ...emu.requestLog.counts, total: emu.requestLog.total };
  await emu.stop();
  emu = undefined;
  return c;
}

it("asks the displays and the mount table once for the sysplex, not once per system", async () => {
  const two = await counts(2);
  const eight = await counts(8);
  expect(eight["GET mfs.list"]).toBe(1);
  expect(two["GET mfs.list"]).toBe(1);
  // At most one more: with 2 systems both distributors' VIPADCFG is one routed display, with 8 it is asked of those 2 alone.
  expect(eight["PUT console.issue"]! - two["PUT console.issue"]!).toBeLessThanOrEqual(1);
  // Everything but each system's own members grows by at most 2 requests per added system (longer routed answers, more follow-ups).
  const shared = (c: Record<string, number>) => c.total! - (c["GET ds.read"] ?? 0);
  expect(shared(eight) - shared(two)).toBeLessThanOrEqual(2 * 6);
  // Each system's own members (IZUPRMxx, BPXPRMxx, IEASYSxx, its TCP/IP profile and obey member) once each; IEASYS00 and included members once for all.
  expect(eight["GET ds.read"]! - two["GET ds.read"]!).toBeLessThanOrEqual(5 * 6);
});

it("reads no console follow-up when every display's first answer shows it is whole", async () => {
  // Each display of a healthy 2-system sysplex fits in one 200-line piece and names every system
  // the checks look at (IXC336I, $HASP673, IEE421I), so nothing waits for the follow-up pause.
  const two = await counts(2);
  expect(two["PUT console.issue"]).toBeGreaterThan(0);
  expect(two["GET console.solmsgs"] ?? 0).toBe(0);
});
