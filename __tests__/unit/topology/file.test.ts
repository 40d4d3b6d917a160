import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { exitCodeFor } from "../../../src/errors";
import { loadTopologyFile } from "../../../src/run/topology-file";
import { parseTopology, TopologyError } from "../../../src/topology";
import { firstInvalidUtf8 } from "../../../src/topology/file";
import { set, twoSystemText, variant } from "./variants";

const dir = mkdtempSync(join(tmpdir(), "ha-topology-file-"));
let n = 0;
const path = (name = `t${++n}.yaml`) => join(dir, name);

async function refusal(file: string): Promise<TopologyError> {
  const err = await loadTopologyFile(file).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(TopologyError);
  expect(exitCodeFor(err)).toBe(3);
  const e = err as TopologyError;
  expect(e.message).toContain(file);
  return e;
}

describe("only a regular file of at most 1 MB of UTF-8 is read", () => {
  test("a named pipe is refused without waiting for a writer", async () => {
    const fifo = path("pipe.yaml");
    execFileSync("mkfifo", [fifo]);
    const e = await refusal(fifo);
    expect(e.problems[0].message).toMatch(/^is a named pipe; allowed: a regular file/);
  });

  test("a directory is refused", async () => {
    const d = path("dir.yaml");
    mkdirSync(d);
    expect((await refusal(d)).problems[0].message).toMatch(/^is a directory/);
  });

  test("a device is refused", async () => {
    expect((await refusal("/dev/zero")).problems[0].message).toMatch(/^is a device/);
  });

  test("a file over 1 MB is refused by its size, before it is read", async () => {
    const big = path();
    writeFileSync(big, `${twoSystemText()}\n#${"x".repeat(1024 * 1024)}\n`);
    expect((await refusal(big)).problems[0].message).toMatch(/larger than 1048576 bytes .*at most 1 MB/);
  });

  test("a missing file exits 3 and says so", async () => {
    expect((await refusal(path("absent.yaml"))).problems[0].message).toMatch(/does not exist/);
  });

  test("a loop of symbolic links exits 3 and says so", async () => {
    const a = path("loop-a.yaml");
    const b = path("loop-b.yaml");
    symlinkSync(b, a);
    symlinkSync(a, b);
    expect((await refusal(a)).problems[0].message).toMatch(/loop of symbolic links/);
  });

  test("a symbolic link to a good file is followed", async () => {
    const real = path();
    writeFileSync(real, twoSystemText());
    const link = path("link.yaml");
    symlinkSync(real, link);
    expect((await loadTopologyFile(link)).topology.sysplex).toBe("PLEX1");
  });

  test("invalid UTF-8 is refused with the offset of the first bad byte, not replaced", async () => {
    const text = twoSystemText();
    const at = Buffer.byteLength(text.slice(0, text.indexOf("PLEX1")));
    const bytes = Buffer.from(text);
    bytes[at + 2] = 0xff;
    const bad = path();
    writeFileSync(bad, bytes);
    expect((await refusal(bad)).problems[0].message).toContain(`first bad byte at offset ${at + 2}, 0xff`);
  });

  test.each([
    ["UTF-16 little-endian", Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("version: 1\n", "utf16le")])],
    ["UTF-16 big-endian", Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from("version: 1\n", "utf16le").swap16()])],
    ["UTF-32 little-endian", Buffer.from([0xff, 0xfe, 0, 0, 0x76, 0, 0, 0])],
  ])("a %s file is refused naming its encoding", async (encoding, bytes) => {
    const file = path();
    writeFileSync(file, bytes);
    expect((await refusal(file)).problems[0].message).toBe(
      `the file is ${encoding} (it starts with that byte-order mark); allowed: UTF-8 text (save the file as UTF-8)`,
    );
  });

  test("a 50 MB file is refused by its size without being read", async () => {
    const big = path();
    // Sparse: 50 MB long, no data blocks; reading it all would still take the time and memory.
    execFileSync("truncate", ["-s", "50M", big]);
    expect((await refusal(big)).problems[0].message).toMatch(/larger than 1048576 bytes \(52428800 bytes\)/);
  });

  test("a file of 1 MB and one byte is refused", async () => {
    const big = path();
    writeFileSync(big, Buffer.alloc(1024 * 1024 + 1, 0x23));
    expect((await refusal(big)).problems[0].message).toMatch(/larger than 1048576 bytes/);
  });

  test("a byte-order mark is allowed", async () => {
    const bom = path();
    writeFileSync(bom, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(twoSystemText())]));
    expect((await loadTopologyFile(bom)).topology.sysplex).toBe("PLEX1");
  });

  test.each([
    [[0x41, 0xc3, 0xa9, 0x42], 4],
    [[0x41, 0xc0, 0x80], 1], // overlong
    [[0xed, 0xa0, 0x80], 0], // surrogate
    [[0x41, 0xe2, 0x82], 1], // cut short
    [[0xf4, 0x90, 0x80, 0x80], 0], // above U+10FFFF
    [[0xf0, 0x9f, 0x98, 0x80, 0x80], 4], // stray continuation
  ])("firstInvalidUtf8(%j) = %i", (bytes, offset) => {
    expect(firstInvalidUtf8(Uint8Array.from(bytes))).toBe(offset);
  });
});

describe("the parser is bounded", () => {
  test("more than 100 alias references are refused", () => {
    const text = `${twoSystemText()}\nx-anchor: &v 1\nx-refs: [${Array(150).fill("*v").join(", ")}]\n`;
    const err = (() => {
      try {
        parseTopology(text);
      } catch (e) {
        return e;
      }
    })() as TopologyError;
    expect(err.problems[0].message).toMatch(/at most 100 alias references/);
  });

  test.each([
    ["10,000 [ in a row", `version: 1\nx: ${"[".repeat(10_000)}${"]".repeat(10_000)}\n`],
    ["10,000 { in a row", `version: 1\nx: ${"{a: ".repeat(10_000)}1${"}".repeat(10_000)}\n`],
    ["a block list 1,000 deep", `version: 1\nx:\n${Array.from({ length: 1000 }, (_, i) => `${" ".repeat(i + 1)}- `).join("\n")}a\n`],
  ])("data nested %s is refused as too deep, not a crash", (_what, text) => {
    const err = (() => {
      try {
        parseTopology(text);
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(TopologyError);
    expect(exitCodeFor(err)).toBe(3);
    expect((err as TopologyError).problems[0].message).toMatch(/^the YAML is nested too deeply to read; allowed: /);
  });

  // A key named like a member every object inherits must be an unknown field, not a crash (exit 1).
  test.each([
    ["__proto__", "__proto__: { polluted: 1 }\n", "__proto__"],
    ["constructor", "constructor: { prototype: { polluted: 1 } }\n", "constructor"],
  ])("a top-level key %s is refused as an unknown field with exit code 3", (_key, extra, path) => {
    const err = (() => {
      try {
        parseTopology(`${twoSystemText()}\n${extra}`);
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(TopologyError);
    expect(exitCodeFor(err)).toBe(3);
    expect((err as TopologyError).problems.map((p) => p.path)).toEqual([path]);
    expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined();
  });

  test("an alias bomb is refused, not expanded", () => {
    const levels = ["a: &a [x, x, x, x, x, x, x, x, x, x]"];
    for (let i = 1; i < 9; i++)
      levels.push(
        `l${i}: &l${i} [${Array(10)
          .fill(i === 1 ? "*a" : `*l${i - 1}`)
          .join(", ")}]`,
      );
    const text = `${twoSystemText()}\n${levels.join("\n")}\n`;
    const err = (() => {
      try {
        parseTopology(text);
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(TopologyError);
    expect((err as TopologyError).problems[0].message).toMatch(/at most 100 alias references/);
  });

  test("a key written twice is refused", () => {
    const err = (() => {
      try {
        parseTopology(`${twoSystemText()}\nsysplex: PLEX2\n`);
      } catch (e) {
        return e;
      }
    })() as TopologyError;
    expect(err.problems[0].message).toMatch(/YAML syntax error: .*unique/i);
  });

  test("a long bad value is quoted to 60 characters", () => {
    const long = `IZU${"K".repeat(5000)} x`;
    const err = (() => {
      try {
        parseTopology(variant(set(["zosmfHa", "keyring"], long)));
      } catch (e) {
        return e;
      }
    })() as TopologyError;
    const problem = err.problems[0];
    expect(problem.message).toContain(`(given "${long.slice(0, 60)}…")`);
    expect(problem.message.length).toBeLessThan(400);
    expect(problem.given).toBe(`${long.slice(0, 60)}…`);
  });

  test("a long unknown field name is quoted to 60 characters", () => {
    const key = `k${"e".repeat(3000)}`;
    const err = (() => {
      try {
        parseTopology(variant(set([key], 1)));
      } catch (e) {
        return e;
      }
    })() as TopologyError;
    expect(err.problems[0].path).toBe(`${key.slice(0, 60)}…`);
  });
});
