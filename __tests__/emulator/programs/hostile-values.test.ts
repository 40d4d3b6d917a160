/** A value the topology checks might let through still reaches the emulated z/OS only as data. */
import { describe, expect, it } from "vitest";
import { readJcl } from "../../../emulator/jes/jcl";
import type { JclStep, ProgramContext } from "../../../emulator/jes/types";
import { programs } from "../../../emulator/programs";
import { prepareTemplateJob } from "../../../src/provision/ops/job-source";
import { loadWorkflow } from "../../../src/provision/workflow-loader";
import { exampleTopology } from "../../unit/provision/fixtures/topology";
import { job, newState, NOW } from "./helpers";

describe("hostile userDir in the IZUMKFS job", () => {
  it("reaches BPXBATCH as one quoted word: mkdir makes that directory and no second command runs", async () => {
    const t = exampleTopology("two-system.yaml");
    const wf = await loadWorkflow("zosmf-ha");
    const spec = {
      env: { topology: t, runToken: "R1" } as never,
      workflow: wf,
      stepId: "filesystem",
      id: "zosmf-ha/filesystem/SYSA",
      dependsOn: [],
    };
    const userDir = "/a;rm${IFS}x'";
    const prepared = prepareTemplateJob(spec, "job", "jobname", {
      system: { name: "SYSA", jes2Member: "SYSA", zosmf: t.systems[0]!.zosmf },
      define: false,
      zfs: "IZU.SIZUUSRD.ZOSMFA",
      volume: "ZOSVOL",
      primaryCyl: 25,
      secondaryCyl: 10,
      userDir,
    });
    const read = readJcl(prepared.jcl);
    expect(read.errors).toEqual([]);
    const mkdir = (read.parsed!.steps as JclStep[]).find((s) => s.name === "MKDIR")!;
    const state = newState();
    const ctx: ProgramContext = { state, job: job("IZUMKF0A"), step: mkdir, system: "SYSA", user: "IBMUSER", nowIso: NOW };
    const result = programs.BPXBATCH!(ctx);
    expect(result.completion).toEqual({ cc: 0 });
    expect(result.outputs?.STDERR ?? "").toBe("");
    expect(state.uss.dirs).toContain(userDir);
    expect(state.uss.dirs.filter((d) => d.startsWith("/a"))).toEqual([userDir]);
  });

  it("a userDir with a new line is refused before any JCL exists, naming the field", async () => {
    const t = exampleTopology("two-system.yaml");
    const wf = await loadWorkflow("zosmf-ha");
    const spec = {
      env: { topology: t, runToken: "R1" } as never,
      workflow: wf,
      stepId: "filesystem",
      id: "zosmf-ha/filesystem/SYSA",
      dependsOn: [],
    };
    const vars = {
      system: { name: "SYSA", jes2Member: "SYSA", zosmf: t.systems[0]!.zosmf },
      define: false,
      zfs: "IZU.SIZUUSRD.ZOSMFA",
      volume: "ZOSVOL",
      primaryCyl: 25,
      secondaryCyl: 10,
      userDir: "/u/a\n//EVIL JOB",
    };
    expect(() => prepareTemplateJob(spec, "job", "jobname", vars, "", { userDir: "systems[0].zosmf.userDir" })).toThrowError(
      /^systems\[0\]\.zosmf\.userDir contains a new line/,
    );
  });
});
