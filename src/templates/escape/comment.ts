import { asText, Refusal, refuseUnprintable } from "./refusal";

const ALLOWED = "printable characters without /* or */";

/**
 * Text in a comment the template wrote (`//* ...`, `; ...`, `/* ... *\/`). A new line would end
 * the comment and make the rest a statement, `*\/` would close a PARMLIB comment: refused.
 */
export function commentText(value: string | number): string {
  const text = asText(value, ALLOWED);
  refuseUnprintable(text, ALLOWED);
  const bad = /\/\*|\*\//.exec(text);
  if (bad) throw new Refusal(`contains ${bad[0]} at position ${bad.index + 1}`, ALLOWED);
  return text;
}
