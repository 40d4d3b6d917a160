import type { RunRecordData } from "../engine/run-record";
import { currentStepId } from "./recorded-step-ids";

const OBEYFILE = /OBEYFILE/i;

/**
 * Systems whose stack a run's steps of one kind (`stepPrefix`, e.g. "zosmf-ha/tcpip/")
 * may have changed: the step ended "changed", or it issued OBEYFILE whatever its end.
 * OBEYFILE applies every statement that passes even when others fail, and a step that
 * failed afterwards (statement errors, VIPADCFG not confirming) or a run cut short may
 * have left definitions in force. Removal steps read the stack first, so naming a stack
 * that holds nothing costs displays only. A record written before a feature took its
 * current name is read by the current step ids.
 */
export function stacksTouched(record: Pick<RunRecordData, "outcomes" | "commands">, stepPrefix: string): string[] {
  const systems = new Set<string>();
  for (const x of record.outcomes) {
    if (currentStepId(x.id).startsWith(stepPrefix) && x.state === "changed" && x.system) systems.add(x.system);
  }
  for (const c of record.commands) {
    if (currentStepId(c.stepId).startsWith(stepPrefix) && OBEYFILE.test(c.command)) systems.add(c.system);
  }
  return [...systems];
}
