import { asText, Refusal, refuseUnprintable } from "./refusal";

const ALLOWED = "one record of printable characters not starting with // or /*";

/**
 * A whole record of in-stream data (a SYSTSIN or SYSIN line made by the plug-in). A record
 * starting with `//` or `/*` would end the data and be read as JCL or a JES2 statement.
 */
export function instreamRecord(value: string | number): string {
  const text = asText(value, ALLOWED);
  refuseUnprintable(text, ALLOWED);
  if (/^(\/\/|\/\*)/.test(text)) throw new Refusal(`starts with ${text.slice(0, 2)}, which would end the in-stream data`, ALLOWED);
  return text;
}
