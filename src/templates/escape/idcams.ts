import { asText, Refusal } from "./refusal";

const ALLOWED = "at most 44 characters A-Z, 0-9, @, #, $ and periods (a data set name, volume, class name or number)";

/**
 * An operand of an IDCAMS control statement (a name, a volume, a number). IDCAMS gives
 * blanks, commas, parentheses, apostrophes, `-`/`+` (continuation), `;` and `/*` meanings of
 * their own, so only name characters are accepted and the value is returned unchanged.
 */
export function idcamsOperand(value: string | number): string {
  const text = asText(value, ALLOWED);
  if (!/^[A-Za-z0-9@#$.]{1,44}$/.test(text))
    throw new Refusal(text === "" ? "is empty" : "contains a character IDCAMS would read as syntax", ALLOWED);
  return text;
}
