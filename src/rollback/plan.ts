import type { RecordedBackup, RunRecordData } from "../engine/run-record";
import type { PlannedStep } from "../engine/types";
import { hasServiceDefinitions, planServicesRemoval } from "../provision/distributed-services/remove-step";
import { planDatasets } from "../provision/ops/dataset-plan";
import { planProblems, refusePlan } from "../provision/ops/plan-problems";
import { WORKFLOWS } from "../provision/plan";
import type { RemovalOptions } from "../provision/ops/obey/removal-step";
import { planPortRemoval } from "../provision/port-sharing/remove-step";
import { loadWorkflow } from "../provision/workflow-loader";
import { hasHotStandbyDefinitions, planHotStandbyRemoval } from "../provision/zosmf-ha/remove-step";
import type { Topology } from "../topology";
import type { ZosmfClient } from "../zosmf";
import { leftAloneStep } from "./left-alone";
import { stacksTouched } from "./stacks-touched";
import { restoreProfilesFirst } from "./restore-order";
import { keyOf, planRestore } from "./restore-step";

export interface RollbackPlanOptions {
  readonly topology: Topology;
  /** The command's own client. */
  readonly client: ZosmfClient;
  /** A system's own client (its topology `connection`), for undoing that system's steps. @default client */
  readonly clientFor?: (system: string) => ZosmfClient;
  /** The provision run to undo. */
  readonly record: RunRecordData;
  /** Restore even what someone changed after the run. @default false */
  readonly force: boolean;
  readonly runToken: string;
  readonly workflowsDir?: string;
  /** @default 1000 */
  readonly consoleDelayMs?: number;
}

/** Each workflow that changes TCP/IP stacks: the steps whose change rollback undoes, and how. */
const STACK_REMOVALS = [
  {
    workflow: WORKFLOWS.zosmfHa,
    stepPrefix: `${WORKFLOWS.zosmfHa}/tcpip/`,
    applies: hasHotStandbyDefinitions,
    plan: planHotStandbyRemoval,
  },
  {
    workflow: WORKFLOWS.portSharing,
    stepPrefix: `${WORKFLOWS.portSharing}/reserve/`,
    applies: (o: Pick<RemovalOptions, "topology" | "system">) => (o.topology.portSharing ?? []).some((p) => p.system === o.system),
    plan: planPortRemoval,
  },
  // A stack that is only a target got dynamic XCF and nothing else; that stays.
  {
    workflow: WORKFLOWS.distributedServices,
    stepPrefix: `${WORKFLOWS.distributedServices}/distribute/`,
    applies: hasServiceDefinitions,
    plan: planServicesRemoval,
  },
] as const;

/**
 * Undoes a provision run from its record (a resumed run: the merged records of its chain):
 * the TCP/IP definitions it added are removed through obey members, on stacks whose step
 * changed them or issued OBEYFILE, then every member and file is put back as it was
 * before the run. What jobs made and servers the run started stay, and the plan says so.
 */
export async function planRollback(o: RollbackPlanOptions): Promise<PlannedStep[]> {
  const steps: PlannedStep[] = [];
  const known = new Set(o.topology.systems.map((s) => s.name));
  const delayMs = o.consoleDelayMs ?? 1000;
  for (const removal of STACK_REMOVALS) {
    const systems = stacksTouched(o.record, removal.stepPrefix).filter(
      (system) => known.has(system) && removal.applies({ topology: o.topology, system }),
    );
    if (systems.length === 0) continue;
    const workflow = await loadWorkflow(removal.workflow, { workflowsDir: o.workflowsDir });
    for (const system of systems)
      steps.push(
        await removal.plan({
          topology: o.topology,
          client: o.clientFor?.(system) ?? o.client,
          workflow,
          system,
          runToken: o.runToken,
          delayMs,
        }),
      );
  }
  // The first backup of a target (oldest run first) holds what was there before the run.
  const firstBackups = new Map<string, RecordedBackup>();
  for (const b of o.record.backups) if (!firstBackups.has(keyOf(b.target))) firstBackups.set(keyOf(b.target), b);
  // A per-system step's id ends with its system: its restore goes through that system's connection.
  const systemOf = (stepId: string) => stepId.split("/").find((part, i, all) => i === all.length - 1 && known.has(part));
  for (const backup of firstBackups.values()) {
    const system = systemOf(backup.stepId);
    steps.push(await planRestore(system && o.clientFor ? { ...o, client: o.clientFor(system) } : o, backup));
  }
  // A restore keeps what is there now in the backup library first, as every member write does.
  const ordered = restoreProfilesFirst(steps, [...firstBackups.values()]);
  const datasets = await planDatasets({ topology: o.topology, client: o.client, steps: ordered });
  const problems = planProblems();
  problems.add(...datasets.problems);
  refusePlan(problems);
  const leftAlone = leftAloneStep(o.record);
  return leftAlone ? [...datasets.steps, leftAlone] : datasets.steps;
}
