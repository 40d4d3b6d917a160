import { asText, Refusal } from "./refusal";

/** The operand formats our MVS commands carry. */
export type ConsoleOperandFormat = "name" | "dataset-member";

const FORMATS: Record<ConsoleOperandFormat, { pattern: RegExp; allowed: string }> = {
  // Procedure, job and system names.
  name: { pattern: /^[A-Z@#$][A-Z0-9@#$]{0,7}$/i, allowed: "a name of 1-8 characters A-Z, 0-9, @, #, $, not starting with a digit" },
  // DSN=dsn(member) of VARY TCPIP,,OBEYFILE.
  "dataset-member": {
    pattern: /^(?=[^(]{1,44}\()[A-Z@#$][A-Z0-9@#$-]{0,7}(\.[A-Z@#$][A-Z0-9@#$-]{0,7})*\([A-Z@#$][A-Z0-9@#$]{0,7}\)$/i,
    allowed:
      "a data set name of at most 44 characters (qualifiers of 1-8 characters A-Z, 0-9, @, #, $, -) and a member name in parentheses",
  },
};

/**
 * An operand of an MVS console command. A console command has no quoting that would make a
 * comma, blank or apostrophe harmless (each starts another operand, a comment or a second
 * command through the command delimiter), so only the operand's own format is accepted and
 * the value is returned unchanged.
 */
export function consoleOperand(value: string | number, format: ConsoleOperandFormat): string {
  const { pattern, allowed } = FORMATS[format];
  const text = asText(value, allowed);
  if (!pattern.test(text))
    throw new Refusal(text === "" ? "is empty" : `is not ${format === "name" ? "a name" : "a data set and member name"}`, allowed);
  return text;
}
