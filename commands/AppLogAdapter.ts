import { Logger } from "@zowe/imperative";
import { redactSecrets } from "../src/engine/redact";
import type { LogSink } from "../src/engine/types";

/** The part of an imperative logger the adapter writes to. */
export type DebugLogger = Pick<Logger, "debug">;

/**
 * Writes the engine's diagnostic lines to the Zowe app log (`~/.zowe/logs/zowe.log`) at debug
 * level, so support can read what was sent when: `ZOWE_APP_LOG_LEVEL=debug` shows them. The
 * lines pass the same secret filter as every other text that leaves the command.
 */
export class AppLogAdapter implements LogSink {
  /** @param logger the app logger unless given; taken when the first line comes. */
  constructor(private logger?: DebugLogger) {}

  debug(line: string): void {
    // As a value, not as the format: a `%` in a path must not be read as a placeholder.
    (this.logger ??= Logger.getAppLogger()).debug("%s", redactSecrets(line));
  }
}
