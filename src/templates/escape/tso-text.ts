import { asText, Refusal, refuseUnprintable } from "./refusal";

const ALLOWED = "printable characters (apostrophes are doubled)";

/**
 * Text inside the apostrophes a TSO command's template wrote (`MOUNTPOINT('{{tsotext x}}')`):
 * apostrophes doubled, as TSO reads a quoted string; characters outside printable ASCII refused
 * (a new line would start another SYSTSIN command).
 */
export function tsoQuotedText(value: string | number): string {
  const text = asText(value, ALLOWED);
  refuseUnprintable(text, ALLOWED);
  return text.replace(/'/g, "''");
}

const WORD = "at most 255 characters A-Z, a-z, 0-9, @, #, $, periods, hyphens and underscores";

/**
 * An unquoted TSO operand inside a command the plug-in builds (a profile name part, a ring
 * name, an address): blanks, commas, parentheses and quotes would start another operand, so
 * only word characters are accepted and the value is returned unchanged.
 */
export function tsoWord(value: string | number): string {
  const text = asText(value, WORD);
  if (!/^[A-Za-z0-9@#$._-]{1,255}$/.test(text)) throw new Refusal(text === "" ? "is empty" : "contains a character TSO would read as syntax", WORD);
  return text;
}
