import { existsSync, readdirSync } from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { IPL_PERSISTENCE, WORKFLOWS } from "../../../src/provision/plan";
import { loadWorkflow } from "../../../src/provision/workflow-loader";
import { builtinWorkflowsDir } from "../../../src/templates/workflows-dir";
import { topologyJsonSchema } from "../../../src/topology";
import { CHECK_MODULES } from "../../../src/verify/checks";

const PROVISION = path.join(__dirname, "..", "..", "..", "src", "provision");
const kebab = (key: string) => key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

describe("one name per feature", () => {
  it.each(Object.entries(WORKFLOWS))(
    "%s is its workflow folder, workflow name, step-id prefix and provision folder",
    async (key, folder) => {
      expect(Object.keys(topologyJsonSchema().properties as object)).toContain(key);
      expect(folder).toBe(kebab(key));
      const wf = await loadWorkflow(folder);
      expect(wf.name).toBe(folder);
      expect(wf.idPrefix).toBe(folder);
      expect(existsSync(path.join(PROVISION, folder))).toBe(true);
      // The verify family of the feature carries the same name (its configuration family a suffix of it).
      expect(CHECK_MODULES.map((m) => m.name)).toContain(folder);
    },
  );

  it("ipl-persistence, which follows per-system fields, is its workflow folder, name, step-id prefix, provision folder and verify family prefix", async () => {
    const wf = await loadWorkflow(IPL_PERSISTENCE);
    expect([wf.name, wf.idPrefix]).toEqual([IPL_PERSISTENCE, IPL_PERSISTENCE]);
    expect(existsSync(path.join(PROVISION, IPL_PERSISTENCE))).toBe(true);
    expect(CHECK_MODULES.some((m) => m.name.startsWith(`${IPL_PERSISTENCE}-`))).toBe(true);
  });

  it("has no workflow folder that is not a feature's", () => {
    const folders = readdirSync(builtinWorkflowsDir(), { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => d.name);
    expect(folders.sort()).toEqual([...Object.values(WORKFLOWS), IPL_PERSISTENCE].sort());
  });
});
