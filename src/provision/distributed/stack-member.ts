import { createHash } from "node:crypto";
import { HaError } from "../../errors";
import { renderTemplate } from "../../templates/render";
import type { Topology } from "../../topology";
import type { LoadedWorkflow } from "../workflow-loader";

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
  return `${prefix}${createHash("sha256").update(system).digest("hex").slice(0, room).toUpperCase().replace(/^[0-9]/, "X")}`;
}

export interface RenderStackMember {
  readonly workflow: LoadedWorkflow;
  readonly stepId: string;
  /** The template role of the step: `member` to provision, `remove` to roll back. */
  readonly role: string;
  readonly vars: object;
  readonly system: string;
}

/** TCP/IP reads columns 1-71 of a profile record; anything further would be lost silently. */
export const OBEY_COLUMNS = 71;

/** Renders an obey member from the workflow's template and refuses any record TCP/IP would cut short. */
export function renderStackMember(o: RenderStackMember): string {
  const template = o.workflow.template(o.workflow.step(o.stepId), o.role);
  const text = renderTemplate(template, o.vars, { partials: o.workflow.partials });
  const long = text.split("\n").findIndex((l) => l.trimEnd().length > OBEY_COLUMNS);
  if (long >= 0) {
    throw new HaError(`${template.name} renders line ${long + 1} for ${o.system} longer than ${OBEY_COLUMNS} columns; TCP/IP would not read the rest.`, {
      failureClass: "invalid-input",
    });
  }
  return text;
}

/** Splits a port list into groups that keep each obey record well inside column 71. */
export function portLines(ports: readonly number[], perLine = 8): string[] {
  const lines: string[] = [];
  for (let i = 0; i < ports.length; i += perLine) lines.push(ports.slice(i, i + perLine).join(" "));
  return lines;
}
