import type { RecordedBackup } from "../engine/run-record";
import type { PlannedStep } from "../engine/types";
import { IPL_PERSISTENCE } from "../provision/plan";
import { keyOf } from "./restore-step";

/**
 * A restored TCP/IP profile no longer INCLUDEs the obey members the run created, so those
 * members are deleted only after every profile restore succeeded: deleted first, a stack
 * restart in between would find an INCLUDE of a member that is gone, and a profile that
 * cannot be restored keeps its INCLUDE and therefore its member.
 */
export function restoreProfilesFirst(steps: readonly PlannedStep[], backups: readonly RecordedBackup[]): PlannedStep[] {
  const restoreId = (b: RecordedBackup) => `rollback/restore/${keyOf(b.target)}`;
  const planned = new Set(steps.map((s) => s.id));
  const fromProfileStep = (b: RecordedBackup) => b.stepId.startsWith(`${IPL_PERSISTENCE}/tcpip-profile/`);
  const profiles = backups.filter((b) => fromProfileStep(b) && planned.has(restoreId(b))).map(restoreId);
  if (profiles.length === 0) return [...steps];
  const created = new Set(backups.filter((b) => !b.existed && !fromProfileStep(b)).map(restoreId));
  return steps.map((s) => (created.has(s.id) ? { ...s, dependsOn: [...new Set([...s.dependsOn, ...profiles])] } : s));
}
