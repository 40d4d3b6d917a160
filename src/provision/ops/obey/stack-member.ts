import { assertValidObey } from "../../../templates/obey-check";
import { renderWithValues } from "../../../templates/render";
import type { LoadedWorkflow } from "../../workflow-loader";

export { stackMemberName } from "../../../tcpip/obey-members";

export interface RenderStackMember {
  readonly workflow: LoadedWorkflow;
  readonly stepId: string;
  /** The template role of the step: `member` to provision, `remove` to roll back. */
  readonly role: string;
  readonly vars: object;
  /** Variable path → topology field, so a refused value is named by its field. */
  readonly fields?: Readonly<Record<string, string>>;
  readonly system: string;
}

/** Renders an obey member from the workflow's template and refuses any record TCP/IP would misread or cut short. */
export function renderStackMember(o: RenderStackMember): string {
  const template = o.workflow.template(o.workflow.step(o.stepId), o.role);
  const { text, values } = renderWithValues(template, o.vars, { partials: o.workflow.partials, ...(o.fields ? { fields: o.fields } : {}) });
  assertValidObey(text, template.name, o.system, values);
  return text;
}

/** Splits a port list into groups that keep each obey record well inside column 71. */
export function portLines(ports: readonly number[], perLine = 8): number[][] {
  const lines: number[][] = [];
  for (let i = 0; i < ports.length; i += perLine) lines.push(ports.slice(i, i + perLine));
  return lines;
}
