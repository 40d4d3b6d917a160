import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { start, type Emulator } from "../../../emulator";
import { exitCodeFor } from "../../../src/errors";
import { provision } from "../../../src/run/provision";
import { isLogonRequest, ZosmfError, type RequestEvent, type ZosmfConnection } from "../../../src/zosmf";
import { EXAMPLE, FAST } from "../rollback/helpers";

let emu: Emulator | undefined;
afterEach(async () => {
  await emu?.stop();
  emu = undefined;
});

/** Both systems through their own z/OSMF, the sysplex's work through the command's own. */
async function plexOfThreeHosts(): Promise<{ topologyFile: string; connection: ZosmfConnection }> {
  emu = await start({ tls: false, port: 0, systems: ["SYSA", "SYSB"], perSystemListeners: true, jobTiming: { inputMs: 5, activeMs: 20 } });
  let text = readFileSync(EXAMPLE, "utf8");
  for (const system of ["SYSA", "SYSB"]) {
    const own = new URL(emu.systemUrls[system]!);
    text = text.replace(new RegExp(`(- name: ${system}[\\s\\S]*?connection: )\\{\\}`), `$1{ host: ${own.hostname}, port: ${own.port} }`);
  }
  const topologyFile = path.join(mkdtempSync(path.join(tmpdir(), "ha-logon-")), "plex.yaml");
  writeFileSync(topologyFile, text);
  const main = new URL(emu.url);
  return {
    topologyFile,
    connection: { hostname: main.hostname, port: Number(main.port), protocol: "http", user: emu.user, password: emu.password },
  };
}

describe("one logon per host per command", () => {
  it("a whole provision through the command's z/OSMF and each system's own logs on once per host and sends the rest by cookie", async () => {
    const { topologyFile, connection } = await plexOfThreeHosts();
    const events: RequestEvent[] = [];
    const result = await provision({ topologyFile, connection, ...FAST, onRequest: (e) => events.push(e) });
    expect(result.status).toBe("succeeded");
    // What a benchmark counts as the command's authentication requests: one per host.
    expect(events.filter(isLogonRequest)).toHaveLength(3);
    const auth = emu!.requestLog.auth;
    // The command's host and both systems' hosts were all used.
    expect(Object.keys(auth)).toHaveLength(3);
    for (const [host, counts] of Object.entries(auth)) {
      expect(counts, host).toMatchObject({ logons: 1, logoffs: 1, basic: 0, refused: 0 });
      expect(counts.cookie, host).toBeGreaterThan(0);
    }
  });

  it("a wrong password is refused at most once per host, and the command ends with a clear error and exit 4", async () => {
    const { topologyFile, connection } = await plexOfThreeHosts();
    const err = await provision({ topologyFile, connection: { ...connection, password: "wrong" }, ...FAST, concurrency: 64 }).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(ZosmfError);
    expect((err as ZosmfError).kind).toBe("auth");
    expect((err as ZosmfError).message).toMatch(/refused the credentials/);
    expect(exitCodeFor(err)).toBe(4);
    const auth = Object.values(emu!.requestLog.auth);
    expect(auth.length).toBeGreaterThan(0);
    for (const counts of auth) {
      expect(counts.refused).toBeLessThanOrEqual(1);
      expect(counts.logons).toBeLessThanOrEqual(1);
      expect(counts.basic + counts.cookie).toBe(0);
    }
    // Nothing but the failed logons reached z/OS: no lock, no write, no command.
    expect(emu!.requestLog.writes).toEqual([]);
    expect(emu!.requestLog.consoleCommands).toEqual([]);
  });
});
