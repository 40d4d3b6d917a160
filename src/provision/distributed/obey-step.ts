import type { ApplyContext, Change, PlannedStep, StepResult } from "../../engine/types";
import { HaError } from "../../errors";
import type { ZosmfClient } from "../../zosmf";
import { sameRecords, unifiedDiff } from "../ops/diff";
import { applyObeyMember, obeyCommands } from "../ops/obey";
import { readMember } from "../ops/read-current";
import { safeWriteMember } from "../ops/safe-write";

export type DisplayRecord = { readonly ctx: ApplyContext; readonly stepId: string };

export interface Outstanding {
  /** What is not yet as the member wants it, one line each; empty = in force. */
  readonly lines: readonly string[];
  /** What could not be read, in words. */
  readonly notes: readonly string[];
}

export interface ObeyStepOptions {
  readonly id: string;
  readonly workflow: string;
  readonly title: string;
  readonly system: string;
  readonly dependsOn: readonly string[];
  readonly client: ZosmfClient;
  readonly proc: string;
  readonly dsn: string;
  readonly member: string;
  /** The member as it should be. */
  readonly text: string;
  readonly backupDsn: string;
  readonly runToken: string;
  readonly delayMs: number;
  /**
   * Reads the stack with displays only and says, one line each, what is not yet as the
   * member wants it; empty = in force. Called while planning and again after OBEYFILE.
   */
  readonly outstanding: (record?: DisplayRecord) => Promise<Outstanding>;
  /** What the plan's own read found, when the caller read the stack already (for its warnings). */
  readonly planned?: Outstanding;
  /** What OBEYFILE does here, for the plan. */
  readonly purpose: string;
  /** What the display shows when the work is done, for the plan's summary line. */
  readonly doneText: string;
  readonly confirmNote: string;
  /** When false, a member that differs while the stack already shows everything is left alone (rollback). */
  readonly rewriteWhenInForce: boolean;
  readonly warnings?: readonly string[];
}

/**
 * One obey member on one stack, the way every TCP/IP step of the plug-in works: the
 * member is written only when it differs (backed up, ETag-guarded), SYNTAXCHECK goes
 * before OBEYFILE, and a display must confirm the result, since OBEYFILE reports
 * success even for statements it ignored. Nothing is varied when the member is as
 * planned and the stack already shows it.
 */
export async function planObeyStep(o: ObeyStepOptions): Promise<PlannedStep> {
  const target = `${o.dsn}(${o.member})`;
  const current = await readMember(o.client, o.dsn, o.member);
  const before = o.planned ?? (await o.outstanding());
  const memberEqual = current.text !== null && sameRecords(current.text, o.text);
  const needsObey = before.lines.length > 0 || (o.rewriteWhenInForce && !memberEqual);
  const writeMember = needsObey && !memberEqual;

  const changes: Change[] = [];
  if (writeMember) {
    changes.push({ kind: "member", dsn: o.dsn, member: o.member, action: current.text === null ? "create" : "update", diff: unifiedDiff(target, current.text, o.text) });
  }
  const { syntaxCheck, obey } = obeyCommands(o.proc, target);
  if (needsObey) {
    changes.push({ kind: "command", system: o.system, command: syntaxCheck, purpose: "check the member's syntax without applying it" });
    changes.push({ kind: "command", system: o.system, command: obey, purpose: o.purpose });
  }
  const observed = [
    `${target} ${current.text === null ? "does not exist" : memberEqual ? "is as planned" : "differs"}`,
    before.lines.length ? `stack ${o.proc}: ${before.lines.join("; ")}` : `stack ${o.proc}: ${o.doneText}`,
    ...before.notes,
  ].join("; ");

  const apply = async (ctx: ApplyContext): Promise<StepResult> => {
    if (changes.length === 0) return { state: "unchanged", notes: ["already in place"] };
    const record = { ctx, stepId: o.id };
    if (writeMember) {
      await safeWriteMember({ client: o.client, ctx, stepId: o.id, runToken: o.runToken, dsn: o.dsn, member: o.member, observed: current, text: o.text, backupDsn: o.backupDsn });
    }
    await applyObeyMember({ client: o.client, system: o.system, proc: o.proc, target, delayMs: o.delayMs, record });
    const after = await o.outstanding(record);
    if (after.lines.length) {
      throw new HaError(`OBEYFILE of ${target} on ${o.system} completed, but the stack does not show the result.`, { failureClass: "zos-failure", details: after.lines });
    }
    return { state: "changed", notes: [o.confirmNote] };
  };

  return {
    id: o.id,
    workflow: o.workflow,
    title: o.title,
    system: o.system,
    dependsOn: o.dependsOn,
    observed,
    changes,
    ...(o.warnings?.length ? { warnings: o.warnings } : {}),
    apply,
  };
}
