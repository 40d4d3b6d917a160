import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import * as path from "node:path";
import { parse as parseYaml } from "yaml";
import { z } from "zod";
import { HaError } from "../errors";
import type { TemplateSource } from "../templates/render";
import { builtinWorkflowsDir } from "../templates/workflows-dir";

/** The code that carries out a step; a workflow file names one per step. */
export const STEP_KINDS = [
  "security-job",
  "filesystem-job",
  "parmlib-member",
  "procedure-copy",
  "obey-apply",
  "start-server",
  "vsam-job",
  "zowe-yaml",
  "port-reserve",
  "distribute-apply",
  // ipl-persistence: what a system reads at IPL or stack start
  "profile-include",
  "bpxprm-mount",
  "ieasys-izu",
] as const;
export type StepKind = (typeof STEP_KINDS)[number];

const stepSchema = z.strictObject({
  id: z.string().regex(/^[a-z][a-z0-9-]*$/, { error: "a step id: lower case letters, digits and -" }),
  title: z.string().min(1),
  kind: z.enum(STEP_KINDS),
  scope: z.enum(["sysplex", "system"]),
  /** A run option that must be on for the step to be planned at all. */
  when: z.enum(["startServers", "vsamMode"]).optional(),
  dependsOn: z.array(z.string()).default([]),
  maxRc: z.number().int().min(0).max(4095).optional(),
  /** Handlebars text; rendered with the step's variables, then checked as a job name. */
  jobname: z.string().optional(),
  listJobname: z.string().optional(),
  /** Role → template file under templates/. */
  templates: z.record(z.string(), z.string()).default({}),
  /**
   * What the step reads and what it changes, in words, for the person reading or editing the workflow file.
   * The plug-in does not read them: the plan shows what was actually observed and every change in full.
   */
  observes: z.string().min(1).optional(),
  changes: z.string().min(1).optional(),
});

const workflowSchema = z.strictObject({
  name: z.string().min(1),
  title: z.string().min(1),
  idPrefix: z.string().regex(/^[a-z][a-z0-9-]*$/),
  steps: z.array(stepSchema).min(1),
});

export type WorkflowStep = z.infer<typeof stepSchema>;

export interface LoadedWorkflow {
  readonly name: string;
  readonly title: string;
  readonly idPrefix: string;
  readonly steps: readonly WorkflowStep[];
  /** Partials every template of the workflow may include, by name (`jobcard`). */
  readonly partials: Readonly<Record<string, TemplateSource>>;
  /** Files taken from the site's folder instead of the plug-in's. */
  readonly siteFiles: readonly string[];
  step(id: string): WorkflowStep;
  /** The template a step names for `role`. */
  template(step: WorkflowStep, role: string): TemplateSource;
}

export interface LoadWorkflowOptions {
  /** A site's copy of the workflows folder; any file it has replaces the plug-in's. */
  readonly workflowsDir?: string;
  /** @default the plug-in's own workflows folder */
  readonly builtinDir?: string;
}

const PARTIALS = ["jobcard"] as const;

type WorkflowDefinition = z.infer<typeof workflowSchema>;

/** Finds a workflow's files; a site file wins file by file, so a site can change one job card and keep the rest current. */
function workflowFiles(name: string, builtin: string, workflowsDir: string | undefined) {
  if (workflowsDir && !existsSync(workflowsDir)) {
    throw new HaError(`The workflows folder ${workflowsDir} does not exist.`, { failureClass: "invalid-input" });
  }
  const siteFiles: string[] = [];
  const locate = (relative: string): string | undefined => {
    if (workflowsDir) {
      const site = path.join(workflowsDir, name, relative);
      if (existsSync(site)) {
        siteFiles.push(site);
        return site;
      }
    }
    const own = path.join(builtin, name, relative);
    return existsSync(own) ? own : undefined;
  };
  return { locate, siteFiles };
}

/** Reads workflow.yaml and checks it against the workflow schema. */
async function readDefinition(definitionFile: string): Promise<WorkflowDefinition> {
  let raw: unknown;
  try {
    raw = parseYaml(await readFile(definitionFile, "utf8"));
  } catch (err) {
    throw new HaError(`${definitionFile} is not valid YAML: ${(err as Error).message}`, { failureClass: "invalid-input" });
  }
  const parsed = workflowSchema.safeParse(raw);
  if (!parsed.success) {
    throw new HaError(`${definitionFile} does not describe a workflow.`, {
      failureClass: "invalid-input",
      details: parsed.error.issues.map((i) => `${i.path.join(".") || "(top)"}: ${i.message}`),
    });
  }
  return parsed.data;
}

/** A dependency on a step of another workflow, written `workflow/step`. */
export function isOtherWorkflowStep(dep: string): boolean {
  return /^[a-z][a-z0-9-]*\/[a-z][a-z0-9-]*$/.test(dep);
}

/** Step ids that repeat and dependencies on steps the workflow does not have. */
function stepProblems(wf: WorkflowDefinition): string[] {
  const ids = new Set(wf.steps.map((s) => s.id));
  const problems: string[] = [];
  if (ids.size !== wf.steps.length) problems.push("step ids must be unique");
  for (const step of wf.steps) {
    for (const dep of step.dependsOn) {
      // workflow/step: a step of another workflow, planned before this one (see plan.ts).
      if (isOtherWorkflowStep(dep)) continue;
      if (!ids.has(dep)) problems.push(`step ${step.id} depends on ${dep}, which is not a step of this workflow`);
    }
  }
  return problems;
}

/** Reads every template the steps name, once each; a template that is missing is added to `problems`. */
async function readTemplates(
  wf: WorkflowDefinition,
  locate: (relative: string) => string | undefined,
  problems: string[],
): Promise<Map<string, TemplateSource>> {
  const templates = new Map<string, TemplateSource>();
  for (const step of wf.steps) {
    for (const file of Object.values(step.templates)) {
      if (templates.has(file)) continue;
      const found = locate(path.join("templates", file));
      if (!found) {
        problems.push(`step ${step.id} names template ${file}, which is not in templates/`);
        continue;
      }
      templates.set(file, { name: found, text: await readFile(found, "utf8") });
    }
  }
  return templates;
}

async function readPartials(locate: (relative: string) => string | undefined): Promise<Record<string, TemplateSource>> {
  const partials: Record<string, TemplateSource> = {};
  for (const partial of PARTIALS) {
    const found = locate(path.join("templates", `${partial}.hbs`));
    if (found) partials[partial] = { name: found, text: await readFile(found, "utf8") };
  }
  return partials;
}

export async function loadWorkflow(name: string, options: LoadWorkflowOptions = {}): Promise<LoadedWorkflow> {
  const { locate, siteFiles } = workflowFiles(name, options.builtinDir ?? builtinWorkflowsDir(), options.workflowsDir);
  const definitionFile = locate("workflow.yaml");
  if (!definitionFile) throw new HaError(`Workflow ${name} has no workflow.yaml.`, { failureClass: "invalid-input" });
  const wf = await readDefinition(definitionFile);
  const problems = stepProblems(wf);
  const templates = await readTemplates(wf, locate, problems);
  if (problems.length) {
    throw new HaError(`${definitionFile} is not consistent.`, { failureClass: "invalid-input", details: problems });
  }
  const partials = await readPartials(locate);

  return {
    name: wf.name,
    title: wf.title,
    idPrefix: wf.idPrefix,
    steps: wf.steps,
    partials,
    siteFiles,
    step(id) {
      const step = wf.steps.find((s) => s.id === id);
      if (!step) throw new HaError(`Workflow ${name} has no step ${id}.`, { failureClass: "invalid-input" });
      return step;
    },
    template(step, role) {
      const file = step.templates[role];
      const source = file ? templates.get(file) : undefined;
      if (!source) throw new HaError(`Step ${step.id} of workflow ${name} names no "${role}" template.`, { failureClass: "invalid-input" });
      return source;
    },
  };
}
