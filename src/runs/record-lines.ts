/**
 * A JSON value as card images that come back unchanged from any partitioned data set of
 * 80-byte or longer records, whatever z/OSMF does to trailing blanks and code pages:
 *
 * - compact JSON (no blank outside a string), with every character outside printable
 *   ASCII written as a \u escape, so the text converts to IBM-1047 and back byte for byte;
 * - cut into pieces of at most 79 characters, each followed by `|`, so a piece that ends in a
 *   blank keeps it when the record is padded or trimmed.
 *
 * A reader joins the pieces in order; a line without its `|` means the member was cut short
 * or edited, and is refused rather than half read.
 */

const PIECE = 79;
const END = "|";

export function toRecordLines(value: unknown): string {
  const json = JSON.stringify(value).replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
  const lines: string[] = [];
  for (let at = 0; at < json.length; at += PIECE) lines.push(json.slice(at, at + PIECE) + END);
  return lines.join("\n");
}

export function fromRecordLines(text: string): unknown {
  const lines = text.split(/\r?\n/);
  while (lines.length > 0 && lines[lines.length - 1]!.trim() === "") lines.pop();
  const pieces = lines.map((line, i) => {
    // Only the padding z/OS adds after the marker is dropped; blanks before it are data.
    const trimmed = line.replace(/ +$/, "");
    if (!trimmed.endsWith(END)) throw new Error(`line ${i + 1} does not end with "${END}"; the member was cut short or edited`);
    return trimmed.slice(0, -1);
  });
  return JSON.parse(pieces.join(""));
}
