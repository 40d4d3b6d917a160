import type { Change, StepResult } from "../../engine/types";
import type { StepSpec } from "../context";
import type { StepParts } from "../step";
import { unifiedDiff } from "./diff";
import type { Observed } from "./read-current";
import { safeWriteMember } from "./safe-write";

export interface MemberWrite {
  readonly dsn: string;
  readonly member: string;
  /** The member as the plan read it (text null: absent, so it is created). */
  readonly observed: Observed;
  /** The member as it should be. */
  readonly text: string;
  /** What the step says once the member is written. */
  readonly note: string;
}

/**
 * The change and the apply of a step that writes one member: a diff of the member as read, and
 * a write with its backup and If-Match (safeWriteMember). `changed: false` plans no change.
 */
export function memberWrite(spec: StepSpec, w: MemberWrite, changed: boolean): Pick<StepParts, "changes" | "apply"> {
  const { env } = spec;
  const target = `${w.dsn}(${w.member})`;
  const change: Change = {
    kind: "member",
    dsn: w.dsn,
    member: w.member,
    action: w.observed.text === null ? "create" : "update",
    diff: unifiedDiff(target, w.observed.text, w.text),
  };
  return {
    changes: changed ? [change] : [],
    apply: async (ctx): Promise<StepResult> => {
      await safeWriteMember({
        client: env.client,
        ctx,
        stepId: spec.id,
        runToken: env.runToken,
        dsn: w.dsn,
        member: w.member,
        observed: w.observed,
        text: w.text,
        backupDsn: env.topology.datasets.backup,
      });
      return { state: "changed", notes: [w.note] };
    },
  };
}
