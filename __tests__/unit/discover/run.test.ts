import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { discoverReader } from "../../../src/discover/reader";
import { HaError, exitCodeFor } from "../../../src/errors";
import { runDiscover } from "../../../src/run/discover";
import type { ZosmfClient } from "../../../src/zosmf";

/** A client that fails the test if anything is sent. */
const untouchable = new Proxy({} as ZosmfClient, {
  get: (_t, key) => {
    if (key === "then") return undefined;
    throw new Error(`nothing may be sent, but ${String(key)} was used`);
  },
});
const connection = { hostname: "zosmf.example.com", port: 443, user: "u", password: "p" } as never;

async function refusal(p: Promise<unknown>): Promise<HaError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(HaError);
  return err as HaError;
}

describe("zowe ha discover options", () => {
  it("never replaces an existing --out without --force: exit 3, naming it, nothing read", async () => {
    const dir = mkdtempSync(join(tmpdir(), "ha-discover-unit-"));
    writeFileSync(join(dir, "plex.yaml"), "mine\n");
    const err = await refusal(runDiscover({ connection, client: untouchable, out: "plex.yaml", cwd: dir }));
    expect(exitCodeFor(err)).toBe(3);
    expect(err.message).toContain(join(dir, "plex.yaml"));
    expect(readFileSync(join(dir, "plex.yaml"), "utf8")).toBe("mine\n");
  });

  it("refuses a system name that is not one, and a relative zowe.yaml path, before sending anything", async () => {
    const bad = await refusal(runDiscover({ connection, client: untouchable, systems: "SYSA,9BAD" }));
    expect(exitCodeFor(bad)).toBe(3);
    expect(bad.message).toMatch(/^--systems: "9BAD" is not a system name; allowed: /);
    const rel = await refusal(runDiscover({ connection, client: untouchable, zoweYaml: "zowe.yaml" }));
    expect(rel.message).toMatch(/^--zowe-yaml: "zowe.yaml" is not an absolute z\/OS UNIX path/);
  });

  it("issues display commands only", async () => {
    const reader = discoverReader(untouchable);
    const err = await refusal(reader.display("V TCPIP,,OBEYFILE,DSN=X"));
    expect(err.message).toMatch(/refused to issue 'V TCPIP,,OBEYFILE,DSN=X'/);
  });
});
