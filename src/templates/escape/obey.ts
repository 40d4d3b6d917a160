import { asText, Refusal, refuseUnprintable } from "./refusal";

const ALLOWED = "one token of A-Z, a-z, 0-9, '.', ':', '_', '-', @, #, $ and the job-name wildcards * and ?";

/**
 * One operand token of a TCP/IP profile statement (an address, a mask, a port, a job name or
 * prefix, a keyword). The profile reads tokens separated by blanks, `;` starts a comment,
 * quotes start a quoted value, and TCP/IP replaces MVS system symbols (`&SYSNAME.`) in the
 * profile and in obey members (IP Configuration Guide, "MVS system symbols"). None of the
 * tokens our statements take needs anything beyond address, name and wildcard characters, so
 * only those are accepted: a value cannot end its token, hide the rest of the statement or be
 * replaced by another value.
 */
export function obeyToken(value: string | number): string {
  const text = asText(value, ALLOWED);
  refuseUnprintable(text, ALLOWED);
  if (text === "") throw new Refusal("is empty", ALLOWED);
  const bad = /[^A-Za-z0-9.:_@#$*?-]/.exec(text);
  if (bad) throw new Refusal(`contains ${bad[0] === " " ? "a blank" : JSON.stringify(bad[0])} at position ${bad.index + 1}`, ALLOWED);
  return text;
}
