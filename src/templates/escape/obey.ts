import { asText, Refusal, refuseUnprintable } from "./refusal";

const ALLOWED = "one token of printable characters without blanks, ; (a comment), quotes or /*";

/**
 * One operand token of a TCP/IP profile statement (an address, a port, a job name, a mask).
 * The profile reads tokens separated by blanks, `;` starts a comment and quotes start a
 * quoted value, so any of these in a value would change the statement: refused, as are
 * characters outside printable ASCII and `/*`. The statements we write take no quoted values.
 */
export function obeyToken(value: string | number): string {
  const text = asText(value, ALLOWED);
  refuseUnprintable(text, ALLOWED);
  if (text === "") throw new Refusal("is empty", ALLOWED);
  const bad = /[\s;'"]|\/\*/.exec(text);
  if (bad) throw new Refusal(`contains ${bad[0] === " " ? "a blank" : JSON.stringify(bad[0])} at position ${bad.index + 1}`, ALLOWED);
  return text;
}
