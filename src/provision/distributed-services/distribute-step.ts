import type { PlannedStep } from "../../engine/types";
import type { StepSpec } from "../context";
import { memberStepBase } from "../ops/obey/member-step";
import { planObeyStep, type DisplayRecord } from "../ops/obey/step";
import { readServiceStack, servicesOutstanding } from "./service-state";
import { servicesMemberFields, servicesMemberVariables } from "./service-variables";
import { serviceWarnings } from "./service-warnings";
import { serversAlikeWarnings } from "../servers-alike-warnings";

import { SERVICES_MEMBER_PREFIX } from "../../tcpip/obey-members";

/**
 * One stack's part in every distributed service: dynamic XCF on all of them, and on the
 * distributor VIPADEFINE + VIPADISTRIBUTE, on its backup VIPABACKUP + the same
 * VIPADISTRIBUTE (so the distribution survives a takeover). Confirmed with VIPADCFG DETAIL.
 */
export async function planDistribute(spec: StepSpec, system: string): Promise<PlannedStep> {
  const t = spec.env.topology;
  const vars = servicesMemberVariables(t, system);
  const base = memberStepBase(spec, system, SERVICES_MEMBER_PREFIX, vars, servicesMemberFields(t, system));
  const m = base.member;
  const read = (record?: DisplayRecord) => readServiceStack({ client: m.client, system, proc: m.proc, delayMs: m.delayMs, record });
  const roles = vars.services.map((s) => `${s.role} of ${s.name}`);
  const distributes = new Set((t.distributedServices ?? []).filter((s) => s.distributor === system).map((s) => `services.${s.name}.alike`));
  const alike = await serversAlikeWarnings(spec.env, (g) => distributes.has(g.id));

  return planObeyStep({
    step: { ...base.step, warnings: [...serviceWarnings(t, system), ...alike] },
    member: m,
    check: { outstanding: async (record) => servicesOutstanding(vars, await read(record)) },
    words: {
      purpose: `apply the member (${roles.length ? roles.join(", ") : "target only"}); then VIPADCFG must show it`,
      doneText: roles.length ? `${roles.join(", ")}: configuration in force` : "dynamic XCF in force (target only)",
      confirmNote: `${roles.length ? roles.join(", ") : "target"} on ${system}; VIPADCFG confirms it`,
    },
  });
}
