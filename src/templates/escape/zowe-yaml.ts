import { asText, Refusal, refuseUnprintable } from "./refusal";

const ALLOWED = "printable characters without ${ (zowe.yaml reads ${{ ... }} as an expression and runs it)";

/**
 * A string value set into zowe.yaml. The value goes in as a YAML node, so YAML quoting is the
 * library's business; what YAML cannot protect is Zowe's own reading: it evaluates `${{ ... }}`
 * in any string of zowe.yaml as a JavaScript expression when the file is loaded, so a value
 * holding `${` is refused, as are characters outside printable ASCII.
 */
export function zoweYamlText(value: string | number): string {
  const text = asText(value, ALLOWED);
  refuseUnprintable(text, ALLOWED);
  const at = text.indexOf("${");
  if (at >= 0) throw new Refusal(`contains \${ at position ${at + 1}, which Zowe reads as the start of an expression`, ALLOWED);
  return text;
}
