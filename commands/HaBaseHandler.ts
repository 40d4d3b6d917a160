import type { ICommandHandler, IHandlerParameters } from "@zowe/imperative";
import { ImperativeError } from "@zowe/imperative";
import { redactMessage, redactSecrets } from "../src/engine/redact";
import { EXIT_CODES, HaError, exitCodeFor, type FailureClass } from "../src/errors";
import type { ZosmfConnection } from "../src/zosmf";
import { AppLogAdapter } from "./AppLogAdapter";
import { connectionFromArguments, resolveNamedConnection } from "./connection";
import { guardOutput, INTERRUPT_GRACE_MS, interruptOn } from "./interrupt";
import { ProgressAdapter } from "./ProgressAdapter";

/** What a command hands back: data for --rfj, text for people, and how the run ended. */
export interface HaCommandResult {
  readonly data: unknown;
  readonly text: string;
  /** Set when the command did its work but the outcome is a failure (a job RC, a failed check). */
  readonly failure?: { failureClass: FailureClass; message: string };
  /** A success with its own exit code: a dry run with changes pending under --detailed-exit-code. */
  readonly outcome?: "changes-pending";
}

export interface HaHandlerContext {
  readonly params: IHandlerParameters;
  readonly progress: ProgressAdapter;
  /** Diagnostic lines to the Zowe app log (debug level). */
  readonly log: AppLogAdapter;
  /** The connection of the command's own profile, flags and environment (prompts only on a terminal). */
  connection(): Promise<ZosmfConnection>;
  /** A connection named in the topology (another zosmf profile). */
  namedConnection(profile: string): Promise<ZosmfConnection>;
  /** Aborted on SIGINT or SIGTERM (or a closed output pipe): the run ends cleanly and its record says "interrupted". */
  readonly signal: AbortSignal;
  /** Lines printed if the process is ended before the run stops (second Ctrl-C, grace over); empty clears them. */
  onForcedExit(lines: readonly string[]): void;
}

/**
 * Owns what every ha command shares: connection, progress bar, output (text and
 * --rfj data), exit codes and error wrapping. Subclasses only turn arguments into
 * one engine call.
 */
export abstract class HaBaseHandler implements ICommandHandler {
  protected abstract run(ctx: HaHandlerContext): Promise<HaCommandResult>;

  /** How long a run may take to stop after a first interrupt before the process ends anyway. */
  protected interruptGraceMs(_params: IHandlerParameters): number {
    return INTERRUPT_GRACE_MS;
  }

  async process(params: IHandlerParameters): Promise<void> {
    guardOutput();
    const progress = new ProgressAdapter(params.response);
    const interrupt = interruptOn((line) => params.response.console.error(line), this.interruptGraceMs(params));
    let own: Promise<ZosmfConnection> | undefined;
    const ctx: HaHandlerContext = {
      params,
      progress,
      log: new AppLogAdapter(),
      connection: () => (own ??= connectionFromArguments(params)),
      namedConnection: async (profile) => resolveNamedConnection(profile, params),
      signal: interrupt.signal,
      onForcedExit: (lines) => interrupt.onForcedExit(lines),
    };
    let result: HaCommandResult;
    try {
      result = await this.run(ctx);
    } catch (caught) {
      interrupt.dispose();
      progress.end();
      const err = interrupted(caught, interrupt.signal);
      params.response.data.setExitCode(exitCodeFor(err));
      if (err instanceof ImperativeError) throw err;
      // Every text that leaves the command passes the same filter as the run record.
      if (err instanceof HaError) {
        // Our own errors already say everything; imperative would print a cause as "Response From Service".
        throw new ImperativeError({
          msg: redactMessage(err.message),
          additionalDetails: err.details.length > 0 ? redactSecrets(err.details.join("\n")) : undefined,
        });
      }
      // The cause is not passed on: imperative would print it whole, unfiltered.
      throw new ImperativeError({ msg: redactMessage((err as Error).message ?? String(err)) });
    }
    interrupt.dispose();
    progress.end();
    for (const warning of progress.warnings) params.response.console.error(`Warning: ${warning}`);
    params.response.data.setObj(result.data);
    params.response.console.log(redactSecrets(result.text));
    if (result.failure) {
      params.response.data.setExitCode(EXIT_CODES[result.failure.failureClass]);
      throw new ImperativeError({ msg: redactMessage(result.failure.message) });
    }
    params.response.data.setExitCode(EXIT_CODES[result.outcome ?? "success"]);
  }
}

/** A failure caused by the interrupt itself (a request cut short) is reported as the interrupt, with what it cut short. */
function interrupted(err: unknown, signal: AbortSignal): unknown {
  if (!signal.aborted || !(signal.reason instanceof HaError) || err === signal.reason) return err;
  const cut = redactMessage(err instanceof Error ? err.message : String(err));
  return new HaError(signal.reason.message, { failureClass: signal.reason.failureClass, details: [`Cut short: ${cut}`] });
}
