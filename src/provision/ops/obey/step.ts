import type { ApplyContext, Change, PlannedStep, StepResult } from "../../../engine/types";
import { HaError } from "../../../errors";
import type { ZosmfClient } from "../../../zosmf";
import { sameRecords, unifiedDiff } from "../diff";
import { readMember, type Observed } from "../read-current";
import { safeWriteMember } from "../safe-write";
import type { DisplayRecord } from "../stack-state";
import { applyObeyMember, obeyCommands, type ObeyFields } from "./commands";

export type { DisplayRecord } from "../stack-state";

export interface Outstanding {
  /** What is not yet as the member wants it, one line each; empty = in force. */
  readonly lines: readonly string[];
  /** What could not be read, in words. */
  readonly notes: readonly string[];
}

/** The step as the plan shows it. */
export interface ObeyStepHead {
  readonly id: string;
  readonly workflow: string;
  readonly title: string;
  readonly system: string;
  readonly dependsOn: readonly string[];
  readonly warnings?: readonly string[];
  /** The step's fingerprint (see makeStep); rollback's removal steps have none. */
  readonly fingerprint?: string;
}

/** The obey member, where it goes and how it is applied. */
export interface ObeyMemberPart {
  readonly client: ZosmfClient;
  readonly proc: string;
  readonly dsn: string;
  readonly member: string;
  /** The member as it should be. */
  readonly text: string;
  readonly backupDsn: string;
  readonly runToken: string;
  readonly delayMs: number;
  /** When false, a member that differs while the stack already shows everything is left alone (rollback). */
  readonly rewriteWhenInForce: boolean;
  /** The topology fields of the procedure and the obey data set, for a refused operand. */
  readonly fields?: ObeyFields;
}

/** How the stack is read to say what is still outstanding. */
export interface StackCheck {
  /**
   * Reads the stack with displays only and says, one line each, what is not yet as the
   * member wants it; empty = in force. Called while planning and again after OBEYFILE.
   */
  readonly outstanding: (record?: DisplayRecord) => Promise<Outstanding>;
  /** What the plan's own read found, when the caller read the stack already (for its warnings). */
  readonly planned?: Outstanding;
  /** How the stack is named in the plan. @default `stack <proc>` */
  readonly label?: string;
}

/** What the plan and the result say. */
export interface ObeyWords {
  /** What OBEYFILE does here, for the plan. */
  readonly purpose: string;
  /** What the display shows when the work is done, for the plan's summary line. */
  readonly doneText: string;
  readonly confirmNote: string;
  /** Ends the error when the display does not confirm OBEYFILE. @default "the stack does not show the result" */
  readonly notShown?: string;
}

export interface ObeyStepOptions {
  readonly step: ObeyStepHead;
  readonly member: ObeyMemberPart;
  readonly check: StackCheck;
  readonly words: ObeyWords;
}

interface Decision {
  readonly target: string;
  readonly current: Observed;
  readonly writeMember: boolean;
  readonly changes: readonly Change[];
  readonly observed: string;
}

/** What the plan will do: write the member only when it differs, obey only when something is outstanding. */
async function decide(o: ObeyStepOptions): Promise<Decision> {
  const m = o.member;
  const target = `${m.dsn}(${m.member})`;
  const current = await readMember(m.client, m.dsn, m.member);
  const before = o.check.planned ?? (await o.check.outstanding());
  const memberEqual = current.text !== null && sameRecords(current.text, m.text);
  const needsObey = before.lines.length > 0 || (m.rewriteWhenInForce && !memberEqual);
  const writeMember = needsObey && !memberEqual;

  const changes: Change[] = [];
  if (writeMember) {
    changes.push({
      kind: "member",
      dsn: m.dsn,
      member: m.member,
      action: current.text === null ? "create" : "update",
      diff: unifiedDiff(target, current.text, m.text),
    });
  }
  const { syntaxCheck, obey } = obeyCommands(m.proc, target, m.fields);
  if (needsObey) {
    changes.push({
      kind: "command",
      system: o.step.system,
      command: syntaxCheck,
      purpose: "check the member's syntax without applying it",
    });
    changes.push({ kind: "command", system: o.step.system, command: obey, purpose: o.words.purpose });
  }
  const label = o.check.label ?? `stack ${m.proc}`;
  const observed = [
    `${target} ${current.text === null ? "does not exist" : memberEqual ? "is as planned" : "differs"}`,
    before.lines.length ? `${label}: ${before.lines.join("; ")}` : `${label}: ${o.words.doneText}`,
    ...before.notes,
  ].join("; ");
  return { target, current, writeMember, changes, observed };
}

/**
 * One obey member on one stack, the way every TCP/IP step of the plug-in works: the
 * member is written only when it differs (backed up, ETag-guarded), SYNTAXCHECK goes
 * before OBEYFILE, and a display must confirm the result, since OBEYFILE reports
 * success even for statements it ignored. Nothing is varied when the member is as
 * planned and the stack already shows it.
 */
export async function planObeyStep(o: ObeyStepOptions): Promise<PlannedStep> {
  const { step, member: m } = o;
  const d = await decide(o);

  const apply = async (ctx: ApplyContext): Promise<StepResult> => {
    if (d.changes.length === 0) return { state: "unchanged", notes: ["already in place"] };
    const record = { ctx, stepId: step.id };
    if (d.writeMember) {
      await safeWriteMember({
        client: m.client,
        ctx,
        stepId: step.id,
        runToken: m.runToken,
        dsn: m.dsn,
        member: m.member,
        observed: d.current,
        text: m.text,
        backupDsn: m.backupDsn,
      });
    }
    await applyObeyMember({
      client: m.client,
      system: step.system,
      proc: m.proc,
      target: d.target,
      delayMs: m.delayMs,
      record,
      ...(m.fields ? { fields: m.fields } : {}),
    });
    const after = await o.check.outstanding(record);
    if (after.lines.length) {
      throw new HaError(
        `OBEYFILE of ${d.target} on ${step.system} completed, but ${o.words.notShown ?? "the stack does not show the result"}.`,
        { failureClass: "zos-failure", details: after.lines },
      );
    }
    return { state: "changed", notes: [o.words.confirmNote] };
  };

  return {
    id: step.id,
    workflow: step.workflow,
    title: step.title,
    system: step.system,
    dependsOn: step.dependsOn,
    observed: d.observed,
    changes: d.changes,
    ...(step.warnings?.length ? { warnings: step.warnings } : {}),
    ...(step.fingerprint !== undefined ? { fingerprint: step.fingerprint } : {}),
    apply,
  };
}
