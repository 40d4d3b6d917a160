import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { HaError } from "../../../src/errors";
import { assertValidJcl, findJclProblems } from "../../../src/templates/jcl-check";
import { renderTemplate } from "../../../src/templates/render";
import { loadWorkflow } from "../../../src/provision/workflow-loader";
import { prepareTemplateJob } from "../../../src/provision/ops/job-source";
import { exampleTopology } from "./fixtures/topology";

const GOOD = [
  "//ZHAJOB JOB (ACCT),'X',CLASS=A,",
  "//             MSGCLASS=H",
  "//STEP1 EXEC PGM=IEFBR14",
  "//SYSIN DD *",
  " data",
  "/*",
].join("\n");

describe("renderTemplate", () => {
  it("renders with partials and without HTML escaping", () => {
    const out = renderTemplate(
      { name: "t.hbs", text: "{{> jobcard}}\n//* {{comment note}}" },
      { jobname: "A", note: "x'&y" },
      { partials: { jobcard: { name: "jobcard.hbs", text: "//{{jclname jobname}} JOB" } } },
    );
    expect(out).toBe("//A JOB\n//* x'&y");
  });

  it("names the template and the variable that has no value", () => {
    expect(() => renderTemplate({ name: "site/izumkfs.jcl.hbs", text: "line\n{{zfs.name}}" }, { zfs: {} })).toThrowError(
      /site\/izumkfs\.jcl\.hbs.*"name".*line 2/,
    );
  });
});

describe("JCL column check", () => {
  it("accepts well-formed JCL", () => {
    expect(findJclProblems(GOOD)).toEqual([]);
  });

  it("refuses a record longer than 80 characters, naming template and line", () => {
    const jcl = GOOD.replace("//STEP1 EXEC PGM=IEFBR14", `//STEP1 EXEC PGM=IEFBR14,PARM='${"X".repeat(70)}'`);
    try {
      assertValidJcl(jcl, "my/template.hbs");
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(HaError);
      expect((err as HaError).message).toMatch(/my\/template\.hbs.*line 3/);
      expect((err as HaError).details.join("\n")).toMatch(/80/);
    }
  });

  it("refuses a continuation that starts after column 16", () => {
    const jcl = GOOD.replace("//             MSGCLASS=H", "//                   MSGCLASS=H");
    expect(findJclProblems(jcl)).toEqual([expect.objectContaining({ line: 2, rule: expect.stringMatching(/columns 4 and 16/) })]);
  });

  it("refuses text past column 71 and a bad name field", () => {
    const problems = findJclProblems(`${GOOD}\n//TOOLONGNAME DD DUMMY\n//X DD DSN=A.B,DISP=SHR${" ".repeat(48)}SEQ00001`);
    expect(problems.map((p) => p.line)).toEqual([7, 8]);
  });

  it("refuses a bad job name", () => {
    expect(findJclProblems("//1JOB JOB (A)\n//S EXEC PGM=IEFBR14")[0]?.rule).toMatch(/job name/);
  });
});

describe("workflow templates", () => {
  it("every shipped JCL template renders to valid JCL", async () => {
    const t = exampleTopology("two-system.yaml");
    const wf = await loadWorkflow("zosmf-ha");
    const env = { topology: t, runToken: "PLEX1-20250101T000000-abcd" } as never;
    const spec = { env, workflow: wf, stepId: "filesystem", id: "zosmf-ha/filesystem/SYSA", dependsOn: [] };
    const job = prepareTemplateJob(spec, "job", "jobname", {
      system: { name: "SYSA", jes2Member: "SYSA", zosmf: t.systems[0]!.zosmf },
      define: true,
      zfs: "IZU.SIZUUSRD.ZOSMFA",
      volume: "ZOSVOL",
      primaryCyl: 25,
      secondaryCyl: 10,
      userDir: "/global/zosmf/zosmfa",
    });
    expect(job.jobname).toBe("IZUMKF0A");
    expect(job.jcl).toMatch(/^\/\/IZUMKF0A JOB .*\n\/\/ .*\n\/\/\* ZHA-TOKEN PLEX1-20250101T000000-abcd-zosmf.ha.filesystem.SYSA\n/);
    expect(job.jcl).toContain("/*JOBPARM SYSAFF=SYSA");
    expect(findJclProblems(job.jcl)).toEqual([]);
  });

  it("a site --workflows-dir job card replaces the plug-in's, file by file", async () => {
    const wf = await loadWorkflow("zosmf-ha", { workflowsDir: path.join(__dirname, "fixtures/site") });
    expect(wf.siteFiles).toEqual([expect.stringMatching(/site\/zosmf-ha\/templates\/jobcard\.hbs$/)]);
    const t = exampleTopology("two-system.yaml");
    const spec = {
      env: { topology: t, runToken: "R1" } as never,
      workflow: wf,
      stepId: "security",
      id: "zosmf-ha/security",
      dependsOn: [],
    };
    const job = prepareTemplateJob(spec, "list", "listJobname", { sysplex: "PLEX1", lines: [" LISTGRP IZUADMIN"] }, "/list");
    expect(job.jcl).toContain("//IZUSECL JOB (SITE01),'SITE CARD',CLASS=S,MSGCLASS=X,");
    // The token goes after the whole JOB statement, continuation included.
    expect(job.jcl.split("\n")[2]).toBe("//* ZHA-TOKEN R1-zosmf.ha.security.list");
  });
});
