/**
 * With sysplexWide, the displays every system is asked alike and the mount table cost the same
 * number of requests for 2 systems as for 8: one routed RO *ALL each, one mount list.
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
  emu = await start({ tls: false, port: 0, systems: systemNames(n) });
  const file = path.join(mkdtempSync(path.join(tmpdir(), "ha-wide-")), "plex.yaml");
  writeFileSync(file, stringify(topologyDoc(n)));
  const url = new URL(emu.url);
  const connection = { hostname: url.hostname, port: Number(url.port), protocol: "http" as const, user: emu.user, password: emu.password };
  await verify({ topologyFile: file, connection, sysplexWide: true });
  const c = { ...emu.requestLog.counts };
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
});
