import { asText, Refusal, refuseUnprintable } from "./refusal";

const QUOTED = "printable characters without apostrophes, & (a system symbol), /* or */";
const WORD = "at most 44 characters A-Z, 0-9, @, #, $ and periods";

/**
 * A value inside the apostrophes a PARMLIB statement's template wrote (`HOSTNAME('{{parmlib x}}')`).
 * IZUPRMxx documents no way to write an apostrophe inside a quoted value, so one is refused,
 * as are comment delimiters and characters outside printable ASCII. The system replaces static
 * system symbols (`&SYSNAME.`) when it reads a PARMLIB member, quoted or not, so `&` is refused too.
 */
export function parmlibQuotedText(value: string | number): string {
  const text = asText(value, QUOTED);
  refuseUnprintable(text, QUOTED);
  const bad = /'|&|\/\*|\*\//.exec(text);
  if (bad) throw new Refusal(`contains ${bad[0]} at position ${bad.index + 1}`, QUOTED);
  return text;
}

/** An unquoted PARMLIB operand (a procedure name, a port): name characters only. */
export function parmlibWord(value: string | number): string {
  const text = asText(value, WORD);
  if (!/^[A-Za-z0-9@#$.]{1,44}$/.test(text))
    throw new Refusal(text === "" ? "is empty" : "contains a character PARMLIB would read as syntax", WORD);
  return text;
}
