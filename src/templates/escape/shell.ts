import { asText, refuseUnprintable } from "./refusal";

const ALLOWED = "printable characters (the value is written as one single-quoted shell word)";

/**
 * One shell word: the value in single quotes, each `'` written as `'\''`. Inside single quotes
 * the shell gives no character a meaning (`;`, `$(...)`, backticks, `${IFS}` stay text), so the
 * value is one argument whatever it holds. Refused: characters outside printable ASCII, since a
 * new line or NUL would end the command line (BPXBATCH) or the JCL record around it.
 */
export function shellWord(value: string | number): string {
  const text = asText(value, ALLOWED);
  refuseUnprintable(text, ALLOWED);
  return `'${text.replace(/'/g, "'\\''")}'`;
}
