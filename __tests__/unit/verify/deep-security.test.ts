import { readFileSync } from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { securityChecks } from "../../../src/verify/checks/zosmf-ha/deep";
import type { Snapshot } from "../../../src/verify/types";
import { parseTopology } from "../../../src/topology";

const topology = parseTopology(readFileSync(path.join(__dirname, "../../../examples/two-system.yaml"), "utf8"), {
  fileName: "two-system.yaml",
});

function snapshotWith(systsprt: string): Snapshot {
  return {
    topology,
    systems: new Map(),
    sysplex: new Map([["deep.security-listing", { ok: true, value: systsprt }]]),
    down: new Map(),
  };
}

describe("verify --deep security checks", () => {
  it("reports an answer it cannot read as an error showing the lines, never as defined or missing", () => {
    const systsprt = ["READY", " LISTGRP IZUADMIN", "XYZ0001X SOMETHING UNEXPECTED", "READY", "END"].join("\n");
    const c = securityChecks(snapshotWith(systsprt)).find((x) => x.id === "zosmf.security.group.IZUADMIN")!;
    expect(c.notRun).toBe(true);
    expect(c.reason).toContain("XYZ0001X SOMETHING UNEXPECTED");
  });

  it("fails a group whose listing says it does not exist, naming it", () => {
    const systsprt = ["READY", " LISTGRP IZUUSER", "ICH51003I NAME NOT FOUND IN RACF DATA SET", "READY", "END"].join("\n");
    const c = securityChecks(snapshotWith(systsprt)).find((x) => x.id === "zosmf.security.group.IZUUSER")!;
    expect(c.verdict).toBe("failed");
    expect(c.notRun).toBeUndefined();
    expect(c.reason).toContain("group IZUUSER");
  });
});
