import { HaError } from "../../errors";
import { assertValidJcl } from "../../templates/jcl-check";
import { renderTemplate, renderWithValues } from "../../templates/render";
import { splitMember } from "../../topology";
import type { StepSpec } from "../context";
import { jobToken, withToken } from "./submit-once";
import { readMember } from "./read-current";

/** A job ready to submit: checked JCL with its token line. */
export interface PreparedJob {
  readonly jobname: string;
  readonly jcl: string;
  readonly token: string;
  readonly symbols?: Readonly<Record<string, string>>;
  /** Where the JCL came from, for the plan. */
  readonly source: string;
}

const JOBNAME = /^[A-Z@#$][A-Z0-9@#$]{0,7}$/;

/** Renders a step's JCL template with the shared job card, adds the token and checks the columns. */
export function prepareTemplateJob(
  spec: StepSpec,
  role: string,
  jobnameField: "jobname" | "listJobname",
  vars: object,
  tokenSuffix = "",
  /** Variable path → topology field, so a refused value is named by its field. */
  fields: Readonly<Record<string, string>> = {},
): PreparedJob {
  const step = spec.workflow.step(spec.stepId);
  const jobnameText = step[jobnameField];
  if (!jobnameText)
    throw new HaError(`Step ${step.id} of ${spec.workflow.name} names no ${jobnameField}.`, { failureClass: "invalid-input" });
  const jobname = renderTemplate({ name: `${spec.workflow.name} step ${step.id} ${jobnameField}`, text: jobnameText }, vars, { fields })
    .trim()
    .toUpperCase();
  if (!JOBNAME.test(jobname))
    throw new HaError(`Job name "${jobname}" of step ${step.id} is not 1-8 characters A-Z, 0-9, @, #, $.`, {
      failureClass: "invalid-input",
    });
  const template = spec.workflow.template(step, role);
  const rendered = renderWithValues(template, { ...vars, jobname }, { partials: spec.workflow.partials, fields });
  const token = jobToken(spec.env.runToken, `${spec.id}${tokenSuffix}`);
  const jcl = withToken(trimRecords(rendered.text), token);
  // Our templates end their in-stream data with /*: a // line inside it can only come from a value.
  assertValidJcl(jcl, template.name, rendered.values, { closedInstream: true });
  return { jobname, jcl, token, source: template.name };
}

/** The site's own member (`DSN(MEMBER)`), read now and submitted as text with JCL symbols and our token. */
export async function prepareSiteJob(spec: StepSpec, ref: string, symbols: Readonly<Record<string, string>>): Promise<PreparedJob> {
  const { dataSet, member } = splitMember(ref);
  const current = await readMember(spec.env.client, dataSet, member);
  if (current.text === null)
    throw new HaError(`The site JCL ${ref} named in the topology does not exist.`, { failureClass: "invalid-input" });
  const jobname = /^\/\/(\S+)\s+JOB(\s|$)/m.exec(current.text)?.[1]?.toUpperCase();
  if (!jobname || !JOBNAME.test(jobname))
    throw new HaError(`The site JCL ${ref} has no valid JOB statement.`, { failureClass: "invalid-input" });
  const token = jobToken(spec.env.runToken, spec.id);
  const jcl = withToken(trimRecords(current.text), token);
  assertValidJcl(jcl, ref);
  return { jobname, jcl, token, symbols, source: ref };
}

function trimRecords(text: string): string {
  return text
    .replace(/\r\n/g, "\n")
    .split("\n")
    .map((l) => l.trimEnd())
    .join("\n")
    .replace(/\n+$/, "\n");
}
