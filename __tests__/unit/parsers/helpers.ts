import { readFileSync } from "node:fs";
import { join } from "node:path";

/** A hand-made sample, as z/OSMF sends it: lines separated by `\r`. */
export function sample(name: string): string {
  return readFileSync(join(__dirname, "samples", name), "utf8")
    .replace(/\n$/, "")
    .split("\n")
    .join("\r");
}

/**
 * Splits a console response after `atLine` body lines into two follow-up pieces, the second
 * repeating the frame header as a later solicited message would, joined by the caller.
 */
export function splitWithRepeatedHeader(text: string, atLine: number, header: string): string {
  const lines = text.split("\r");
  return [...lines.slice(0, atLine), header, ...lines.slice(atLine)].join("\r");
}
