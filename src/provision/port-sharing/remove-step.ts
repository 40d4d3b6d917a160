import type { PlannedStep } from "../../engine/types";
import { systemByName, type Topology } from "../../topology";
import type { ZosmfClient } from "../../zosmf";
import { planObeyStep, type DisplayRecord } from "../distributed/obey-step";
import { renderStackMember, stackMemberName } from "../distributed/stack-member";
import type { LoadedWorkflow } from "../workflow-loader";
import { readPortlist, reservationsInForce } from "./portlist-state";
import { portMemberFields, portMemberVariables, reservationsOf } from "./port-variables";

export interface RemovalOptions {
  readonly topology: Topology;
  readonly client: ZosmfClient;
  readonly workflow: LoadedWorkflow;
  readonly system: string;
  readonly runToken: string;
  readonly delayMs: number;
}

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
  const t = o.topology;
  const proc = systemByName(t, o.system).tcpip.proc;
  const vars = portMemberVariables(t, o.system);
  const wanted = reservationsOf(vars);
  const text = renderStackMember({ workflow: o.workflow, stepId: "reserve", role: "remove", vars, fields: portMemberFields(t, o.system), system: o.system });
  const read = (record?: DisplayRecord) => readPortlist({ client: o.client, system: o.system, proc, delayMs: o.delayMs, ...(record ? { record } : {}) });
  const remaining = async (record?: DisplayRecord) => {
    const left = reservationsInForce(await read(record), wanted);
    return { lines: left.map((r) => `${r} is still reserved`), notes: [] };
  };
  return planObeyStep({
    id: `rollback/ports/${o.system}`,
    workflow: "rollback",
    title: `Remove the shared port reservations on ${o.system}`,
    system: o.system,
    dependsOn: [],
    client: o.client,
    proc,
    dsn: t.datasets.obey,
    member: stackMemberName(t, PORT_REMOVE_PREFIX, o.system),
    text,
    backupDsn: t.datasets.backup,
    runToken: o.runToken,
    delayMs: o.delayMs,
    outstanding: remaining,
    purpose: "delete the port reservations the provision run made; then PORTLIST must no longer show them",
    doneText: `no reservation of ${[...new Set(wanted.map((r) => r.port))].join(", ")} for ${[...new Set(wanted.map((r) => r.jobPrefix))].join(", ")}`,
    confirmNote: `port reservations removed from ${o.system}; PORTLIST confirms it`,
    rewriteWhenInForce: false,
  });
}
