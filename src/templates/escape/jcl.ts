import { asText, Refusal, refuseUnprintable } from "./refusal";

const QUOTED = "printable characters without & (JCL would substitute a symbol); apostrophes are doubled";

/**
 * Text inside apostrophes the template wrote around a JCL operand (`PARM='...{{jcl x}}'`):
 * apostrophes doubled, as JCL reads them. Refused: characters outside printable ASCII (a new
 * line would start a statement; EBCDIC has no code for the rest) and `&`, which JCL reads as a
 * symbol even inside apostrophes. Line length is the column check's business.
 */
export function jclQuotedText(value: string | number): string {
  const text = asText(value, QUOTED);
  refuseUnprintable(text, QUOTED);
  if (text.includes("&")) throw new Refusal("contains &, which JCL reads as the start of a symbol", QUOTED);
  return text.replace(/'/g, "''");
}

const NAME = /^[A-Z@#$][A-Z0-9@#$]{0,7}$/;
const NAME_ALLOWED = "1-8 characters A-Z, 0-9, @, #, $, not starting with a digit";

/** A JCL name (job name, step name, SYSAFF system): JCL has no quoting for names, so anything else is refused. */
export function jclName(value: string | number): string {
  const text = asText(value, NAME_ALLOWED);
  if (!NAME.test(text)) throw new Refusal(text === "" ? "is empty" : "is not a JCL name", NAME_ALLOWED);
  return text;
}

const PART_ALLOWED = "1-8 characters A-Z, 0-9, @, #, $";

/** Part of a JCL name (a suffix the template puts after its own letters); the whole name is checked again. */
export function jclNamePart(value: string | number): string {
  const text = asText(value, PART_ALLOWED);
  if (!/^[A-Z0-9@#$]{1,8}$/.test(text)) throw new Refusal(text === "" ? "is empty" : "is not made of name characters", PART_ALLOWED);
  return text;
}

const DSN_ALLOWED =
  "a data set name: qualifiers of 1-8 characters A-Z, 0-9, @, #, $, - (not starting with a digit or -) joined by periods, at most 44 characters";

/**
 * A data set name, wherever it is written (JCL, IDCAMS, a TSO or program operand). A name
 * has no quoting anywhere, so the value must be exactly a name and is returned unchanged.
 */
export function dataSetName(value: string | number): string {
  const text = asText(value, DSN_ALLOWED);
  if (text.length > 44 || !/^[A-Z@#$][A-Z0-9@#$-]{0,7}(\.[A-Z@#$][A-Z0-9@#$-]{0,7})*$/.test(text)) {
    throw new Refusal(
      text === "" ? "is empty" : text.length > 44 ? `is ${text.length} characters long` : "is not a data set name",
      DSN_ALLOWED,
    );
  }
  return text;
}
