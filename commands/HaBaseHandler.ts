import type { ICommandHandler, IHandlerParameters } from "@zowe/imperative";
import { ImperativeError } from "@zowe/imperative";
import { EXIT_CODES, HaError, exitCodeFor, type FailureClass } from "../src/errors";
import type { ZosmfConnection } from "../src/zosmf";
import { connectionFromArguments, resolveNamedConnection } from "./connection";
import { ProgressAdapter } from "./ProgressAdapter";

/** What a command hands back: data for --rfj, text for people, and how the run ended. */
export interface HaCommandResult {
  readonly data: unknown;
  readonly text: string;
  /** Set when the command did its work but the outcome is a failure (a job RC, a failed check). */
  readonly failure?: { failureClass: FailureClass; message: string };
}

export interface HaHandlerContext {
  readonly params: IHandlerParameters;
  readonly progress: ProgressAdapter;
  /** The connection of the command's own profile, flags and environment (prompts only on a terminal). */
  connection(): Promise<ZosmfConnection>;
  /** A connection named in the topology (another zosmf profile). */
  namedConnection(profile: string): Promise<ZosmfConnection>;
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
    let own: Promise<ZosmfConnection> | undefined;
    const ctx: HaHandlerContext = {
      params,
      progress,
      connection: () => (own ??= connectionFromArguments(params)),
      namedConnection: (profile) => resolveNamedConnection(profile),
    };
    let result: HaCommandResult;
    try {
      result = await this.run(ctx);
    } catch (err) {
      progress.end();
      params.response.data.setExitCode(exitCodeFor(err));
      if (err instanceof ImperativeError) throw err;
      if (err instanceof HaError) {
        // Our own errors already say everything; imperative would print a cause as "Response From Service".
        throw new ImperativeError({ msg: err.message, additionalDetails: err.details.length > 0 ? err.details.join("\n") : undefined });
      }
      throw new ImperativeError({ msg: (err as Error).message ?? String(err), causeErrors: err as Error });
    }
    progress.end();
    for (const warning of progress.warnings) params.response.console.error(`Warning: ${warning}`);
    params.response.data.setObj(result.data);
    params.response.console.log(result.text);
    if (result.failure) {
      params.response.data.setExitCode(EXIT_CODES[result.failure.failureClass]);
      throw new ImperativeError({ msg: result.failure.message });
    }
    params.response.data.setExitCode(EXIT_CODES.success);
  }
}
