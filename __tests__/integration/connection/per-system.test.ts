import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { start, type Emulator } from "../../../emulator";
import { provision } from "../../../src/run/provision";
import { EXAMPLE, FAST } from "../rollback/helpers";

let emu: Emulator | undefined;
afterEach(async () => {
  await emu?.stop();
  emu = undefined;
});

describe("a system's own connection in the topology", () => {
  it("carries that system's provision work, while the sysplex's work stays on the command's connection", async () => {
    emu = await start({
      tls: false,
      port: 0,
      systems: ["SYSA", "SYSB"],
      perSystemListeners: true,
      jobTiming: { inputMs: 5, activeMs: 20 },
    });
    const own = new URL(emu.url);
    const sysb = new URL(emu.systemUrls.SYSB!);
    const dir = mkdtempSync(path.join(tmpdir(), "ha-per-system-"));
    const topologyFile = path.join(dir, "plex.yaml");
    writeFileSync(
      topologyFile,
      readFileSync(EXAMPLE, "utf8").replace(/(- name: SYSB[\s\S]*?connection: )\{\}/, `$1{ host: ${sysb.hostname}, port: ${sysb.port} }`),
    );
    const result = await provision({
      topologyFile,
      connection: { hostname: own.hostname, port: Number(own.port), protocol: "http", user: emu.user, password: emu.password },
      dryRun: true,
      ...FAST,
    });
    expect(result.status).toBe("planned");
    const auth = emu.requestLog.auth;
    const sysbEndpoint = Object.keys(auth).find((k) => k.endsWith(`:${sysb.port}`));
    const ownEndpoint = Object.keys(auth).find((k) => k.endsWith(`:${own.port}`));
    expect(sysbEndpoint, JSON.stringify(auth)).toBeDefined();
    expect(auth[sysbEndpoint!]).toMatchObject({ logons: 1, logoffs: 1, refused: 0 });
    expect(auth[sysbEndpoint!]!.cookie).toBeGreaterThan(0);
    expect(auth[ownEndpoint!]!.cookie).toBeGreaterThan(0);
  });
});
