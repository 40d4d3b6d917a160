import type { RunRecordData } from "../engine/run-record";
import type { ProgressSink } from "../engine/types";
import { HaError } from "../errors";
import { IPL_PERSISTENCE, plansIplPersistence, WORKFLOWS } from "../provision/plan";
import { checkStepScope, describeScope, isLimited, sameScope, type StepScope } from "../provision/step-filter";
import type { Topology } from "../topology";

/** The workflows this topology plans, by their names in --only. */
export function topologyWorkflows(t: Topology): string[] {
  return [
    ...(t.zosmfHa ? [WORKFLOWS.zosmfHa] : []),
    ...(t.cachingService ? [WORKFLOWS.cachingService] : []),
    ...((t.portSharing ?? []).length > 0 ? [WORKFLOWS.portSharing] : []),
    ...((t.distributedServices ?? []).length > 0 ? [WORKFLOWS.distributedServices] : []),
    ...(plansIplPersistence(t) ? [IPL_PERSISTENCE] : []),
  ];
}

/**
 * The --limit/--only of this run, checked against the topology. A --resume continues the run
 * it resumes as that run was scoped: given no scope it keeps that run's (and says so); given
 * another, it refuses, since a different window would either leave that run's steps half done
 * or reach systems its window did not cover.
 */
export function scopeOfRun(
  o: { readonly limit?: readonly string[]; readonly only?: readonly string[] },
  topology: Topology,
  resumed: RunRecordData | undefined,
  sink: ProgressSink | undefined,
): StepScope | undefined {
  const known = { systems: topology.systems.map((s) => s.name.toUpperCase()), workflows: topologyWorkflows(topology) };
  const given = o.limit !== undefined || o.only !== undefined ? checkStepScope({ systems: o.limit, workflows: o.only }, known) : undefined;
  if (!resumed) return given;
  const before = resumed.limit ? checkStepScope(resumed.limit, known) : undefined;
  if (given === undefined) {
    if (isLimited(before))
      sink?.onEvent({
        type: "message",
        level: "info",
        text: `--resume keeps the window of run ${resumed.runId}: ${describeScope(before)}`,
      });
    return before;
  }
  if (!sameScope(given, before)) {
    throw new HaError(
      `--resume continues run ${resumed.runId}, which ran ${isLimited(before) ? `with ${describeScope(before)}` : "with every step"}; this command asks for ${describeScope(given)}. Nothing was sent.`,
      {
        failureClass: "invalid-input",
        details: [
          isLimited(before)
            ? `give the same ${describeScope(before)}, or neither option, to continue it`
            : "give neither --limit nor --only to continue it",
          "or run without --resume for a new window",
        ],
      },
    );
  }
  return given;
}
