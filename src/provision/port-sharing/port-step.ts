import type { PlannedStep } from "../../engine/types";
import type { StepSpec } from "../context";
import { memberStepBase } from "../ops/obey/member-step";
import { planObeyStep, type DisplayRecord } from "../ops/obey/step";
import { readPortlist } from "../ops/stack-state";
import { missingReservations, otherReservations, strayReservations } from "./portlist-state";
import { serversAlikeWarnings } from "../servers-alike-warnings";
import { portMemberFields, portMemberVariables, reservationsOf } from "./port-variables";

import { PORT_MEMBER_PREFIX } from "../../tcpip/obey-members";

/**
 * The PORT reservations of every portSharing entry of one system, in one obey member:
 * SYNTAXCHECK, OBEYFILE, then PORTLIST must show each reservation with its sharing flag.
 */
export async function planPortSharing(spec: StepSpec, system: string): Promise<PlannedStep> {
  const vars = portMemberVariables(spec.env.topology, system);
  const wanted = reservationsOf(vars);
  const base = memberStepBase(spec, system, PORT_MEMBER_PREFIX, vars, portMemberFields(spec.env.topology, system));
  const m = base.member;
  const read = (record?: DisplayRecord) => readPortlist({ client: m.client, system, proc: m.proc, delayMs: m.delayMs, record });
  const now = await read();
  const alike = await serversAlikeWarnings(spec.env, (g) => g.system === system);

  return planObeyStep({
    step: { ...base.step, warnings: [...new Set([...otherReservations(now, wanted), ...strayReservations(now, wanted)]), ...alike] },
    member: m,
    check: {
      planned: { lines: missingReservations(now, wanted), notes: [] },
      outstanding: async (record) => ({ lines: missingReservations(await read(record), wanted), notes: [] }),
    },
    words: {
      purpose: "reserve the ports for the servers' job names; then PORTLIST must show them",
      doneText: `${wanted.length} reservation(s) in force`,
      confirmNote: `${wanted.length} port reservation(s) in force on ${system}; PORTLIST confirms them`,
    },
  });
}
