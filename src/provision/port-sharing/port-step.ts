import type { PlannedStep } from "../../engine/types";
import type { StepSpec } from "../context";
import { memberStepBase } from "../distributed/member-step";
import { planObeyStep, type DisplayRecord } from "../distributed/obey-step";
import { missingReservations, otherReservations, readPortlist, strayReservations } from "./portlist-state";
import { portMemberFields, portMemberVariables, reservationsOf } from "./port-variables";

/** Member prefix of the port-sharing member on each stack (HP + system). */
export const PORT_MEMBER_PREFIX = "HP";

/**
 * The PORT reservations of every portSharing entry of one system, in one obey member:
 * SYNTAXCHECK, OBEYFILE, then PORTLIST must show each reservation with its sharing flag.
 */
export async function planPortSharing(spec: StepSpec, system: string): Promise<PlannedStep> {
  const vars = portMemberVariables(spec.env.topology, system);
  const wanted = reservationsOf(vars);
  const base = memberStepBase(spec, system, PORT_MEMBER_PREFIX, vars, portMemberFields(spec.env.topology, system));
  const read = (record?: DisplayRecord) => readPortlist({ client: base.client, system, proc: base.proc, delayMs: base.delayMs, ...(record ? { record } : {}) });
  const now = await read();

  return planObeyStep({
    ...base,
    planned: { lines: missingReservations(now, wanted), notes: [] },
    outstanding: async (record) => ({ lines: missingReservations(await read(record), wanted), notes: [] }),
    purpose: "reserve the ports for the servers' job names; then PORTLIST must show them",
    doneText: `${wanted.length} reservation(s) in force`,
    confirmNote: `${wanted.length} port reservation(s) in force on ${system}; PORTLIST confirms them`,
    warnings: [...new Set([...otherReservations(now, wanted), ...strayReservations(now, wanted)])],
  });
}
