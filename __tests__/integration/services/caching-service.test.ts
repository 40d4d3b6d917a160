import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import type { Emulator } from "../../../emulator";
import { exitCodeFor } from "../../../src/errors";
import { parseTopology, TopologyError } from "../../../src/topology";
import type { VerifyResult } from "../../../src/verify";
import type { ZosmfClient } from "../../../src/zosmf";
import { apply, plan, startEmulator, topology } from "../provision/helpers";
import { runVerify } from "./helpers";

/*
 * The Caching Service on the three-system example (VSAM RLS, three instances): the cluster
 * ZWECSVSM defines and the lengths zowe.yaml tells the service must agree, and verify says so
 * when they do not. Topologies Zowe does not support are refused before anything is sent.
 */

const EXAMPLE = "three-system-all.yaml";
const ZOWE_YAML = "/global/zowe/zowe.yaml";
const example = () => readFileSync(join(__dirname, "../../../examples", EXAMPLE), "utf8");
const withLengths = (y: string) =>
  y.replace("rls: { storageClass: SCRLS }", "rls: { storageClass: SCRLS }\n      keyLength: 64\n      recordLength: 2048");

let emu: Emulator;
let client: ZosmfClient;
let file: string;

beforeAll(async () => {
  ({ emu, client } = await startEmulator(["SYSA", "SYSB", "SYSC"]));
  file = join(mkdtempSync(join(tmpdir(), "ha-caching-int-")), EXAMPLE);
  writeFileSync(file, withLengths(example()));
});
afterAll(async () => {
  client.close();
  await emu.stop();
});

const cachingProblems = (r: VerifyResult) =>
  r.checks.filter((c) => c.id.startsWith("caching.") && c.verdict !== "healthy").map((c) => `${c.id} ${c.verdict}: ${c.reason}`);

interface ZoweYamlDoc {
  zowe: { environments: Record<string, unknown> };
  components: { "caching-service": { storage: Record<string, unknown> } };
  haInstances: Record<string, unknown>;
}

async function zoweYaml(): Promise<{ text: string; doc: ZoweYamlDoc }> {
  const text = (await client.files.readUss(ZOWE_YAML)).text;
  return { text, doc: parse(text) as ZoweYamlDoc };
}

describe("Caching Service with VSAM key length 64 on the emulator", () => {
  it("warns in the plan that VSAM is deprecated and that Personal Access Tokens need Infinispan", async () => {
    const steps = await plan(client, topology(EXAMPLE, withLengths));
    const warnings = steps.find((s) => s.id === "caching-service/zowe-yaml")?.warnings ?? [];
    expect(warnings).toEqual([
      expect.stringMatching(/deprecated VSAM storage.*use infinispan/),
      expect.stringMatching(/Personal Access Tokens need Infinispan/),
    ]);
  });

  it("defines the cluster KEYS(64 0) and writes the same lengths where the service reads them; verify finds them healthy", async () => {
    const steps = (await plan(client, topology(EXAMPLE, withLengths))).filter((s) => s.id.startsWith("caching-service/"));
    const { outcomes } = await apply(steps);
    expect(outcomes.map((o) => `${o.id} ${o.state}`)).toEqual(["caching-service/vsam changed", "caching-service/zowe-yaml changed"]);

    const cluster = emu.state.datasets["ZWE.CACHE.VSAM"] as unknown as { keys: { length: number } };
    expect(cluster.keys.length).toBe(64);
    const { doc } = await zoweYaml();
    expect(doc.zowe.environments).toMatchObject({ CACHING_STORAGE_VSAM_KEYLENGTH: 64, CACHING_STORAGE_VSAM_RECORDLENGTH: 2048 });
    expect(doc.components["caching-service"].storage).toMatchObject({ mode: "VSAM", vsam: { name: "ZWE.CACHE.VSAM" } });
    for (const [id, host] of [
      ["sysa", "sysa.example.com"],
      ["sysb", "sysb.example.com"],
      ["sysc", "sysc.example.com"],
    ] as const) {
      expect(doc.haInstances[id]).toEqual({
        hostname: host,
        sysname: id.toUpperCase(),
        components: { "caching-service": { enabled: true } },
      });
    }

    const r = await runVerify(emu, file);
    expect(cachingProblems(r)).toEqual([]);
    expect(r.checks.filter((c) => c.id === "caching.vsam.lengths").map((c) => c.found)).toEqual(["key length 64; record length 2048"]);
    expect(r.checks.filter((c) => c.id === "caching.ha-instance").map((c) => c.system)).toEqual(["SYSA", "SYSB", "SYSC"]);
  });

  it("says failed, naming both values, when zowe.yaml's key length is changed behind its back", async () => {
    const { text } = await zoweYaml();
    const changed = text.replace("CACHING_STORAGE_VSAM_KEYLENGTH: 64", "CACHING_STORAGE_VSAM_KEYLENGTH: 128");
    expect(changed).not.toBe(text);
    const put = await fetch(`${emu.url}/__emulator/fs${ZOWE_YAML}`, { method: "PUT", body: changed });
    expect(put.status).toBe(200);

    const r = await runVerify(emu, file);
    expect(cachingProblems(r)).toEqual([
      `caching.vsam.lengths failed: ${ZOWE_YAML} says key length 128, the cluster ZWE.CACHE.VSAM has 64`,
    ]);
    expect(r.verdict).toBe("failed");
  });
});

describe("Caching Service topologies Zowe does not support", () => {
  const refusal = (text: string): TopologyError => {
    try {
      parseTopology(text, { fileName: EXAMPLE });
    } catch (err) {
      expect(exitCodeFor(err)).toBe(3);
      return err as TopologyError;
    }
    throw new Error("the topology was accepted");
  };
  const redis = (platform: string) =>
    example().replace(
      /  storage:\n[\s\S]*?rls: \{ storageClass: SCRLS \}\n/,
      `${platform}  storage:\n    mode: redis\n    redis: { masterNodeUri: redis.example.com:6379 }\n`,
    );

  it("refuses Redis when API ML runs on z/OS, naming the field and what is allowed (exit 3)", () => {
    const err = refusal(redis(""));
    expect(err.problems.map((p) => [p.path, p.allowed])).toEqual([
      [
        "cachingService.storage.mode",
        "infinispan (recommended), vsam or inMemory on z/OS; redis only with cachingService.platform: off-platform",
      ],
    ]);
  });

  it("accepts Redis for an off-platform API ML and plans it into zowe.yaml, with the Personal Access Token warning", async () => {
    const t = parseTopology(redis("  platform: off-platform\n"), { fileName: EXAMPLE });
    expect(t.cachingService?.platform).toBe("off-platform");
    const step = (await plan(client, t)).find((s) => s.id === "caching-service/zowe-yaml")!;
    const diff = step.changes.map((c) => (c.kind === "uss-file" ? c.diff : "")).join("\n");
    expect(diff).toMatch(/^\+\s+mode: redis$/m);
    expect(step.warnings).toEqual([expect.stringMatching(/Personal Access Tokens need Infinispan/)]);
  });

  it("refuses a NONRLS cluster shared by instances on more than one system (exit 3), and accepts it for one", () => {
    const nonRls = example().replace("rls: { storageClass: SCRLS }", "nonRls: { volume: ZOSVOL }");
    const err = refusal(nonRls);
    expect(err.problems.map((p) => [p.path, p.allowed])).toEqual([
      [
        "cachingService.storage.vsam.nonRls",
        "rls { storageClass } (record-level sharing), or mode infinispan, when instances run on more than one system",
      ],
    ]);
    expect(err.problems[0]!.message).toContain("instances on 3 systems");
    const one = parseTopology(nonRls.replace("instances: [SYSA, SYSB, SYSC]", "instances: [SYSA]"), { fileName: EXAMPLE });
    expect(one.cachingService?.storage.vsam?.nonRls?.volume).toBe("ZOSVOL");
  });
});
