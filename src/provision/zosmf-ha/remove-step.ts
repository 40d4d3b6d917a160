import type { PlannedStep } from "../../engine/types";
import { definitionsLeft } from "../../tcpip/in-force";
import { removalStepBase, type RemovalOptions } from "../ops/obey/removal-step";
import { planObeyStep, type DisplayRecord } from "../ops/obey/step";
import { readStack } from "../ops/stack-state";
import { obeyFields, obeyVariables } from "./obey-member";

/** Member prefix of the removal member (HR + system). */
export const HOT_STANDBY_REMOVE_PREFIX = "HR";

/** True when the system's stack got VIPADEFINE, VIPABACKUP or VIPADISTRIBUTE from the workflow. */
export function hasHotStandbyDefinitions(o: Pick<RemovalOptions, "topology" | "system">): boolean {
  return Boolean(o.topology.zosmfHa && obeyVariables(o.topology, o.system).vipa);
}

/**
 * Takes the hot-standby distribution and the DVIPA off one stack (VIPADISTRIBUTE DELETE,
 * VIPADELETE); VIPADCFG must then show nothing for the DVIPA. DYNAMICXCF stays: the
 * stack may serve other distributions.
 */
export async function planHotStandbyRemoval(o: RemovalOptions): Promise<PlannedStep> {
  const vars = obeyVariables(o.topology, o.system);
  const dvipa = vars.vipa!.dvipa;
  const base = removalStepBase(o, {
    kind: "tcpip",
    title: `Remove the hot-standby distribution and DVIPA on ${o.system}`,
    stepId: "tcpip",
    prefix: HOT_STANDBY_REMOVE_PREFIX,
    vars,
    fields: obeyFields(o.topology, o.system),
  });
  const outstanding = async (record?: DisplayRecord) => {
    const stack = await readStack({ client: o.client, system: o.system, proc: base.member.proc, delayMs: o.delayMs, record });
    return { lines: definitionsLeft(stack.cfg, dvipa).map((x) => `${x} is still in force`), notes: stack.notes };
  };
  return planObeyStep({
    ...base,
    check: { outstanding },
    words: {
      purpose: "remove the hot-standby distribution and the DVIPA from this stack; then VIPADCFG must show nothing for it",
      doneText: `no definition for ${dvipa}`,
      confirmNote: `${dvipa} removed from ${o.system}; VIPADCFG confirms it`,
    },
  });
}
