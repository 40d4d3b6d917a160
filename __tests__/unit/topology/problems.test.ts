import { join } from "node:path";
import { parseDocument } from "yaml";
import { describe, expect, test } from "vitest";
import { exitCodeFor, HaError } from "../../../src/errors";
import { formatProblems, loadTopology, parseTopology, TopologyError } from "../../../src/topology";
import { all, problemsOf, set, twoSystemText, variant } from "./variants";

/** 1-based line of the first line containing `needle`, after `after` if given. */
function lineOf(text: string, needle: string, after = ""): number {
  const lines = text.split("\n");
  const start = after === "" ? 0 : lines.findIndex((l) => l.includes(after));
  return lines.findIndex((l, i) => i >= start && l.includes(needle)) + 1;
}

describe("every problem is reported at once", () => {
  test("schema problems and rule problems together", () => {
    const problems = problemsOf(
      variant(
        all(
          set(["datasets", "volume"], "TOOLONGVOL"), // schema
          set(["zosmfHa", "port"], 0), // schema
          set(["systems", 1, "zosmf", "serverProc"], "IZUSVRA"), // rule: unique
          set(["zosmfHa", "preferred"], "SYSC"), // rule: known system
          set(["portSharing", 0, "outboundPort"], 9443), // rule: differs from port
        ),
      ),
    );
    expect(problems.map((p) => p.path).sort()).toEqual(
      ["datasets.volume", "portSharing[0].outboundPort", "systems[1].zosmf.serverProc", "zosmfHa.port", "zosmfHa.preferred"].sort(),
    );
  });

  test("problems come in file order, each with the line it is on", () => {
    const text = variant(all(set(["zosmfHa", "safPrefix"], "TOO_LONG_PREFIX"), set(["systems", 1, "zosmf", "zfs"], "IZU.SIZUUSRD.ZOSMFA")));
    const problems = problemsOf(text);
    expect(problems.map((p) => [p.path, p.line])).toEqual([
      ["systems[1].zosmf.zfs", lineOf(text, "zfs:", "name: SYSB")],
      ["zosmfHa.safPrefix", lineOf(text, "safPrefix:")],
    ]);
  });

  test("a missing field points at the line of the mapping that lacks it", () => {
    const text = variant((doc) => doc.deleteIn(["systems", 1, "zosmf", "userDir"]));
    const [problem] = problemsOf(text);
    expect(problem.path).toBe("systems[1].zosmf.userDir");
    expect(problem.line).toBe(lineOf(text, "zosmf:", "name: SYSB"));
    expect(problem.message).toMatch(/^is required; allowed: an absolute, normalised z\/OS UNIX path/);
    expect(problem).not.toHaveProperty("given");
  });
});

describe("what was given", () => {
  test("is reported as written, not as normalised", () => {
    const [problem] = problemsOf(variant(set(["systems", 1, "zosmf", "serverProc"], "izusvra")));
    expect(problem.given).toBe("izusvra");
    expect(problem.message).toContain('(given "izusvra")');
  });

  test("a Redis password never appears", () => {
    const text = variant(
      all(
        set(["cachingService", "platform"], "off-platform"),
        set(["cachingService", "storage", "mode"], "redis"),
        (doc) => doc.deleteIn(["cachingService", "storage", "infinispan"]),
        set(["cachingService", "storage", "redis"], { masterNodeUri: "cache:s3cret@redis host:6379" }),
      ),
    );
    const problems = problemsOf(text);
    expect(problems.map((p) => p.path)).toEqual(["cachingService.storage.redis.masterNodeUri"]);
    expect(JSON.stringify(problems)).not.toContain("s3cret");
    expect(problems[0].message).toContain("cache:****@");
  });

  // Passwords the address format refuses are still passwords: a blank, an @ or a bare secret@host is never shown.
  test.each([
    "cache:pa ss-s3cret@redis.example.com:6379",
    "cache:p@s3cret@redis.example.com:6379",
    " cache:s3cret@redis.example.com:6379",
    "s3cret@redis.example.com:6379 ",
  ])("a refused Redis address %j never shows its password, in the message or in the JSON problem", (uri) => {
    const text = variant(
      all(
        set(["cachingService", "platform"], "off-platform"),
        set(["cachingService", "storage", "mode"], "redis"),
        (doc) => doc.deleteIn(["cachingService", "storage", "infinispan"]),
        set(["cachingService", "storage", "redis"], { masterNodeUri: uri, sentinel: { masterInstance: "m", nodes: [uri] } }),
      ),
    );
    const problems = problemsOf(text);
    expect(problems.map((p) => p.path)).toContain("cachingService.storage.redis.masterNodeUri");
    expect(JSON.stringify(problems)).not.toContain("s3cret");
  });
});

describe("text that is not a topology", () => {
  test("a YAML syntax error gives its line and column", () => {
    const text = "version: 1\nsysplex: PLEX1\nsystems:\n  - name: SYSA\n   hostname: sysa.example.com\n";
    const problems = problemsOf(text);
    expect(problems.length).toBeGreaterThan(0);
    expect(problems[0]).toMatchObject({ path: "", line: 5 });
    expect(problems[0].column).toBeGreaterThan(0);
    expect(problems[0].message).toMatch(/^YAML syntax error: /);
  });

  test("a field written twice is a syntax error on its second line", () => {
    const text = twoSystemText().replace("sysplex: PLEX1", "sysplex: PLEX1\nsysplex: PLEX2");
    const [problem] = problemsOf(text);
    expect(problem.line).toBe(lineOf(text, "sysplex: PLEX2"));
    expect(problem.message).toContain("unique");
  });

  test("JSON problems also carry lines", () => {
    const data = parseDocument(twoSystemText()).toJS() as { zosmfHa: { port: unknown } };
    data.zosmfHa.port = "https";
    const text = JSON.stringify(data, null, 2);
    const [problem] = problemsOf(text, "site.json");
    expect(problem).toMatchObject({ path: "zosmfHa.port", given: "https", line: lineOf(text, '"port": "https"') });
  });

  test("an empty file", () => {
    expect(problemsOf("", "empty.yaml")[0].message).toContain("allowed: a topology starting with version: 1");
  });

  test("a list instead of a mapping", () => {
    const [problem] = problemsOf("- SYSA\n- SYSB\n");
    expect(problem.path).toBe("");
    expect(problem.allowed).toContain("a mapping with the fields $schema, version, sysplex");
  });
});

describe("the error the CLI shows", () => {
  const error = (() => {
    try {
      parseTopology(variant(all(set(["sysplex"], "PLEX_1"), set(["zosmfHa", "preferred"], "SYSQ"))), { fileName: "site.yaml" });
    } catch (err) {
      return err as TopologyError;
    }
    throw new Error("accepted");
  })();

  test("is an input error that names the file and says nothing was sent", () => {
    expect(error).toBeInstanceOf(HaError);
    expect(error.failureClass).toBe("invalid-input");
    expect(exitCodeFor(error)).toBe(3);
    expect(error.message).toBe("site.yaml: the topology has 2 problems; nothing was sent to z/OS");
  });

  test("has one line per problem: file, line, column, path, message", () => {
    expect(error.details).toEqual(formatProblems(error.problems, "site.yaml"));
    expect(error.details).toHaveLength(2);
    expect(error.details[0]).toMatch(/^site\.yaml:\d+:\d+: sysplex: is not valid \(given "PLEX_1"\); allowed: a sysplex name/);
    expect(error.details[1]).toMatch(
      /^site\.yaml:\d+:\d+: zosmfHa\.preferred: is not a system defined in systems\[\] \(given "SYSQ"\); allowed: one of SYSA, SYSB$/,
    );
  });

  test("formatProblems leaves out what it does not know", () => {
    expect(formatProblems([{ path: "sysplex", message: "is required" }])).toEqual(["sysplex: is required"]);
    expect(formatProblems([{ path: "", message: "no HA section", line: 1, column: 1 }], "a.yaml")).toEqual(["a.yaml:1:1: no HA section"]);
  });

  test("a file that cannot be read is an input error too", async () => {
    const missing = join(__dirname, "no-such-topology.yaml");
    await expect(loadTopology(missing)).rejects.toMatchObject({ failureClass: "invalid-input", message: expect.stringContaining(missing) });
  });
});
