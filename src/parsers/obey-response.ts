/**
 * Classifies the response to `V TCPIP,<proc>,OBEYFILE,DSN=...` or `V TCPIP,<proc>,SYNTAXCHECK,DSN=...`.
 *
 * Keyed on message ids only: the exact wording of these messages is not reliably known.
 * OBEYFILE can report EZZ0053I (completed) although statements were ignored, so the result
 * carries both facts and `clean` is true only when nothing went wrong.
 */
import { isErrorMessage, parseMessageLine, splitLines, type ConsoleMessage } from "./frame";

export type ObeyCommand = "OBEYFILE" | "SYNTAXCHECK";

export interface ObeyResponse {
  /** From the caller, else inferred from the messages; null when neither says. */
  command: ObeyCommand | null;
  /** EZZ0053I (OBEYFILE) or EZZ0065I (SYNTAXCHECK) was seen. */
  completed: boolean;
  /** EZZ0064I: SYNTAXCHECK found syntax errors. */
  syntaxErrors: boolean;
  /** EZZ0059I: the command failed (e.g. the data set could not be read). */
  failed: boolean;
  /** Profile errors (EZZ08xx, EZZ01xx) and EZZ0059I, each with its continuation text. */
  statementErrors: ConsoleMessage[];
  /** IEE345I, IEE618I, ...: the command never reached TCP/IP. */
  rejection: ConsoleMessage | null;
  /** Completed, with no syntax error, statement error, failure or rejection. */
  clean: boolean;
  /** At least one known message id was found; false means the response is not understood. */
  recognised: boolean;
  messages: ConsoleMessage[];
  /** Lines before the first message or not belonging to one. */
  otherLines: string[];
}

const STATEMENT_ERROR_RE = /^EZZ0(1\d\d|8\d\d)[A-Z]$/;
const OBEY_IDS = new Set(["EZZ0053I", "EZZ0059I", "EZZ0060I", "EZZ0061I", "EZZ0064I", "EZZ0065I"]);
const ROUTING_IDS = new Set(["IEE345I", "IEE618I", "IEE305I", "IEE341I"]);

function inferCommand(messages: ConsoleMessage[]): ObeyCommand | null {
  const ids = new Set(messages.map((m) => m.id));
  if (ids.has("EZZ0061I") || ids.has("EZZ0064I") || ids.has("EZZ0065I")) return "SYNTAXCHECK";
  if (messages.some((m) => m.id === "EZZ0060I" && /SYNTAXCHECK/i.test(m.text))) return "SYNTAXCHECK";
  if (ids.has("EZZ0053I") || messages.some((m) => m.id === "EZZ0060I" && /\bOBEY/i.test(m.text))) return "OBEYFILE";
  return null;
}

export function parseObeyResponse(text: string, command?: ObeyCommand): ObeyResponse {
  const messages: ConsoleMessage[] = [];
  const otherLines: string[] = [];
  for (const line of splitLines(text ?? "")) {
    if (line.trim() === "") continue;
    const message = parseMessageLine(line);
    if (message) {
      messages.push(message);
    } else if (messages.length > 0 && /^\s{2,}/.test(line)) {
      // An indented line continues the message above (console continuation lines).
      const last = messages[messages.length - 1];
      last.text = `${last.text} ${line.trim()}`.trim();
    } else {
      otherLines.push(line.trim());
    }
  }

  const ids = new Set(messages.map((m) => m.id));
  const cmd = command ?? inferCommand(messages);
  const completed =
    cmd === "OBEYFILE" ? ids.has("EZZ0053I") : cmd === "SYNTAXCHECK" ? ids.has("EZZ0065I") : ids.has("EZZ0053I") || ids.has("EZZ0065I");
  const syntaxErrors = ids.has("EZZ0064I");
  const failed = ids.has("EZZ0059I");
  const statementErrors = messages.filter((m) => STATEMENT_ERROR_RE.test(m.id) || m.id === "EZZ0059I");
  const rejection = messages.find((m) => ROUTING_IDS.has(m.id)) ?? null;
  const recognised = messages.some(
    (m) => OBEY_IDS.has(m.id) || STATEMENT_ERROR_RE.test(m.id) || ROUTING_IDS.has(m.id) || isErrorMessage(m.id),
  );
  return {
    command: cmd,
    completed,
    syntaxErrors,
    failed,
    statementErrors,
    rejection,
    clean: completed && !syntaxErrors && !failed && statementErrors.length === 0 && rejection === null,
    recognised,
    messages,
    otherLines,
  };
}
