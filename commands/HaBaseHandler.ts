import type { ICommandHandler, IHandlerParameters } from "@zowe/imperative";
import { ImperativeError } from "@zowe/imperative";
import { redactMessage, redactSecrets } from "../src/engine/redact";
import { EXIT_CODES, HaError, exitCodeFor, type FailureClass } from "../src/errors";
import type { ZosmfConnection } from "../src/zosmf";
import { AppLogAdapter } from "./AppLogAdapter";
import { connectionFromArguments, resolveNamedConnection } from "./connection";
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
  /** Aborted on SIGINT or SIGTERM: the run ends cleanly and its record says "interrupted". */
  readonly signal: AbortSignal;
}

/**
 * Ctrl-C (SIGINT) or a CI runner's SIGTERM while a command runs: steps in flight stop
 * waiting, nothing new starts, and the run record is closed as "interrupted". A second
 * signal is left to Node's default (the process ends at once).
 */
function interruptOn(params: IHandlerParameters): { signal: AbortSignal; dispose(): void } {
  const controller = new AbortController();
  const onSignal = (name: NodeJS.Signals) => {
    dispose();
    params.response.console.error(
      `${name}: stopping; the steps in flight end and the run record is marked interrupted. Press Ctrl-C again to quit at once.`,
    );
    controller.abort(new HaError(`Interrupted by ${name}`, { failureClass: "tool-failure" }));
  };
  const dispose = () => {
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
  };
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);
  return { signal: controller.signal, dispose };
}

/**
 * Owns what every ha command shares: connection, progress bar, output (text and
 * --rfj data), exit codes and error wrapping. Subclasses only turn arguments into
 * one engine call.
 */
export abstract class HaBaseHandler implements ICommandHandler {
  protected abstract run(ctx: HaHandlerContext): Promise<HaCommandResult>;

  async process(params: IHandlerParameters): Promise<void> {
    const progress = new ProgressAdapter(params.response);
    const interrupt = interruptOn(params);
    let own: Promise<ZosmfConnection> | undefined;
    const ctx: HaHandlerContext = {
      params,
      progress,
      log: new AppLogAdapter(),
      connection: () => (own ??= connectionFromArguments(params)),
      namedConnection: async (profile) => resolveNamedConnection(profile, params),
      signal: interrupt.signal,
    };
    let result: HaCommandResult;
    try {
      result = await this.run(ctx);
    } catch (err) {
      interrupt.dispose();
      progress.end();
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
