import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { loadWorkflow } from "../../../src/provision/workflow-loader";

const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function workflowsDir(yaml: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), "zha-wf-"));
  made.push(dir);
  mkdirSync(path.join(dir, "demo"));
  writeFileSync(path.join(dir, "demo", "workflow.yaml"), yaml);
  return dir;
}

describe("workflow file", () => {
  it("loads a step without the observes/changes descriptions, which only its reader uses", async () => {
    const dir = workflowsDir(
      [
        "name: demo",
        "title: Demo",
        "idPrefix: demo",
        "steps:",
        "  - id: member",
        "    title: Write the member",
        "    kind: parmlib-member",
        "    scope: system",
        "",
      ].join("\n"),
    );
    const wf = await loadWorkflow("demo", { builtinDir: dir });
    expect(wf.step("member").title).toBe("Write the member");
  });
});
