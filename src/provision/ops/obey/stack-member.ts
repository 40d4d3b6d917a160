import { createHash } from "node:crypto";
import { assertValidObey } from "../../../templates/obey-check";
import { renderWithValues } from "../../../templates/render";
import type { Topology } from "../../../topology";
import type { LoadedWorkflow } from "../../workflow-loader";

/**
 * `<prefix>` + the system name (HP for port sharing, HD for distributed services, RP/RD
 * for their removal), so each workflow's member on a stack is found by name and never
 * collides with the hot-standby `HA<sys>` member; a hash when two system names would
 * give the same member.
 */
export function stackMemberName(t: Topology, prefix: string, system: string): string {
  const room = 8 - prefix.length;
  const plain = (name: string) => `${prefix}${name.slice(0, room)}`;
  const clash = t.systems.some((s) => s.name !== system && plain(s.name) === plain(system));
  if (!clash) return plain(system);
  return `${prefix}${createHash("sha256")
    .update(system)
    .digest("hex")
    .slice(0, room)
    .toUpperCase()
    .replace(/^[0-9]/, "X")}`;
}

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
