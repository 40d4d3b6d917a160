import { asText, Refusal, refuseUnprintable } from "./refusal";

const ALLOWED = "printable characters, not starting with - (the value is written as one shell word)";
/** Characters no POSIX shell gives a meaning to anywhere in a word: such a value needs no quotes. */
const PLAIN = /^[A-Za-z0-9_./:@%+=,-]+$/;

/**
 * One shell word. A value of plain characters only is written as it is (so ordinary paths keep
 * the room a JCL record has); any other goes in single quotes, each `'` written as `'\''`.
 * Inside single quotes the shell gives no character a meaning (`;`, `$(...)`, backticks,
 * `${IFS}` stay text), so the value is one argument whatever it holds. Refused: characters
 * outside printable ASCII, since a new line or NUL would end the command line (BPXBATCH) or
 * the JCL record around it, and a leading `-`, which the command would read as an option
 * whether quoted or not.
 */
export function shellWord(value: string | number): string {
  const text = asText(value, ALLOWED);
  refuseUnprintable(text, ALLOWED);
  if (text.startsWith("-")) throw new Refusal("starts with -, which the command would read as an option", ALLOWED);
  return PLAIN.test(text) ? text : `'${text.replace(/'/g, "'\\''")}'`;
}
