import type { PlannedStep } from "../../engine/types";
import { removalStepBase, type RemovalOptions } from "../ops/obey/removal-step";
import { planObeyStep, type DisplayRecord } from "../ops/obey/step";
import { readPortlist } from "../ops/stack-state";
import { reservationsInForce } from "./portlist-state";
import { portMemberFields, portMemberVariables, reservationsOf } from "./port-variables";

/** Member prefix of the removal member (RP + system). */
export const PORT_REMOVE_PREFIX = "RP";

/**
 * Takes the port reservations a provision run made off one stack with `DELETE PORT`
 * statements, then PORTLIST must no longer show them.
 *
 * DELETE PORT is how the emulator removes a reservation (emulator/tcpip/forms.ts). On a
 * real stack, check the removal against the IP Configuration Reference of the release
 * (DELETE statement, and how OBEYFILE treats PORT statements) before relying on it.
 */
export async function planPortRemoval(o: RemovalOptions): Promise<PlannedStep> {
  const vars = portMemberVariables(o.topology, o.system);
  const wanted = reservationsOf(vars);
  const base = removalStepBase(o, {
    kind: "ports",
    title: `Remove the shared port reservations on ${o.system}`,
    stepId: "reserve",
    prefix: PORT_REMOVE_PREFIX,
    vars,
    fields: portMemberFields(o.topology, o.system),
  });
  const remaining = async (record?: DisplayRecord) => {
    const entries = await readPortlist({ client: o.client, system: o.system, proc: base.member.proc, delayMs: o.delayMs, record });
    return { lines: reservationsInForce(entries, wanted).map((r) => `${r} is still reserved`), notes: [] };
  };
  return planObeyStep({
    ...base,
    check: { outstanding: remaining },
    words: {
      purpose: "delete the port reservations the provision run made; then PORTLIST must no longer show them",
      doneText: `no reservation of ${[...new Set(wanted.map((r) => r.port))].join(", ")} for ${[...new Set(wanted.map((r) => r.jobPrefix))].join(", ")}`,
      confirmNote: `port reservations removed from ${o.system}; PORTLIST confirms it`,
    },
  });
}
