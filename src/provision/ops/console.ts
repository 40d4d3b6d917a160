import { isDisplayCommand } from "../../engine/sent";
import type { ApplyContext } from "../../engine/types";
import { HaError } from "../../errors";
import { consoleOperand, preview, Refusal, type ConsoleOperandFormat } from "../../templates/escape";
import { CONSOLE_MAX_FOLLOW_UPS_WHEN_CHECKED, type ConsoleResponse, type ZosmfClient } from "../../zosmf";

export interface ConsoleCall {
  readonly client: ZosmfClient;
  readonly system: string;
  readonly command: string;
  readonly delayMs: number;
  /** Says when the response is whole, so collection stops without waiting out every follow-up. */
  readonly isComplete?: (text: string) => boolean;
  /** Set while applying: the command and its response go into the run record. */
  readonly record?: { readonly ctx: ApplyContext; readonly stepId: string };
}

/**
 * A value for an operand of a console command we build, checked against the operand's format
 * (./templates/escape/console.ts); a refusal names `field`, where the value came from.
 */
export function commandOperand(value: string, format: ConsoleOperandFormat, field: string): string {
  try {
    return consoleOperand(value, format);
  } catch (err) {
    if (!(err instanceof Refusal)) throw err;
    throw new HaError(`${field} ${err.reason}; in a console command it may be ${err.allowed}. Nothing was sent.`, {
      failureClass: "invalid-input",
      details: [`value: ${preview(value)}`],
    });
  }
}

/** Issues one command routed to `system`. Only D commands are repeatable after a lost answer. */
export async function issueCommand(call: ConsoleCall): Promise<ConsoleResponse> {
  let response: ConsoleResponse;
  try {
    response = await call.client.console.issue(call.command, {
      system: call.system,
      safeToRepeat: isDisplayCommand(call.command),
      collect: {
        delayMs: call.delayMs,
        maxFollowUps: call.isComplete ? CONSOLE_MAX_FOLLOW_UPS_WHEN_CHECKED : 8,
        ...(call.isComplete ? { isComplete: call.isComplete } : {}),
      },
    });
  } catch (err) {
    // A command whose answer was lost may have run: the run no longer says nothing was sent.
    if (call.record && !isDisplayCommand(call.command))
      call.record.ctx.sent?.note({ stepId: call.record.stepId, kind: "command", what: `${call.command} on ${call.system} (no answer)` });
    throw err;
  }
  await call.record?.ctx.record.command({
    stepId: call.record.stepId,
    system: call.system,
    command: call.command,
    response: [...response.lines],
  });
  return response;
}
