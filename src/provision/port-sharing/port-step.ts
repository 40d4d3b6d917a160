import type { PlannedStep } from "../../engine/types";
import { systemByName } from "../../topology";
import type { StepSpec } from "../context";
import { planObeyStep, type DisplayRecord } from "../distributed/obey-step";
import { renderStackMember, stackMemberName } from "../distributed/stack-member";
import { missingReservations, otherReservations, readPortlist, strayReservations } from "./portlist-state";
import { portMemberVariables, reservationsOf } from "./port-variables";

/** Member prefix of the port-sharing member on each stack (HP + system). */
export const PORT_MEMBER_PREFIX = "HP";

/**
 * The PORT reservations of every portSharing entry of one system, in one obey member:
 * SYNTAXCHECK, OBEYFILE, then PORTLIST must show each reservation with its sharing flag.
 */
export async function planPortSharing(spec: StepSpec, system: string): Promise<PlannedStep> {
  const { env } = spec;
  const t = env.topology;
  const proc = systemByName(t, system).tcpip.proc;
  const vars = portMemberVariables(t, system);
  const wanted = reservationsOf(vars);
  const text = renderStackMember({ workflow: spec.workflow, stepId: spec.stepId, role: "member", vars, system });
  const read = (record?: DisplayRecord) => readPortlist({ client: env.client, system, proc, delayMs: env.consoleDelayMs, ...(record ? { record } : {}) });
  const now = await read();

  return planObeyStep({
    id: spec.id,
    workflow: spec.workflow.name,
    title: `${spec.workflow.step(spec.stepId).title} on ${system}`,
    system,
    dependsOn: spec.dependsOn,
    client: env.client,
    proc,
    dsn: t.datasets.obey,
    member: stackMemberName(t, PORT_MEMBER_PREFIX, system),
    text,
    backupDsn: t.datasets.backup,
    runToken: env.runToken,
    delayMs: env.consoleDelayMs,
    planned: { lines: missingReservations(now, wanted), notes: [] },
    outstanding: async (record) => ({ lines: missingReservations(await read(record), wanted), notes: [] }),
    purpose: "reserve the ports for the servers' job names; then PORTLIST must show them",
    doneText: `${wanted.length} reservation(s) in force`,
    confirmNote: `${wanted.length} port reservation(s) in force on ${system}; PORTLIST confirms them`,
    rewriteWhenInForce: true,
    warnings: [...new Set([...otherReservations(now, wanted), ...strayReservations(now, wanted)])],
  });
}
