import { describe, expect, it } from "vitest";
import { fromRecordLines, toRecordLines } from "../../../src/runs/record-lines";

/** What z/OS does to a member of 80-byte records: every line padded with blanks to 80, then trailing blanks removed on read. */
const throughZos = (text: string, pad: boolean) =>
  text
    .split("\n")
    .map((l) => (pad ? l.padEnd(80) : l.trimEnd()))
    .join("\n");

describe("a run record as 80-byte records", () => {
  const record = {
    diff: "@@ -1,2 +1,2 @@\n-  HOSTNAME('a')   \n+  HOSTNAME('b')\n",
    // A piece boundary right after blanks, a marker character in the data, text outside EBCDIC's printable set.
    padded: `${"x".repeat(70)}         |  tail`,
    word: "Zürich – 東京 🙂\ttab",
  };

  it("has no line longer than 80 and no character outside printable ASCII", () => {
    const text = toRecordLines(record);
    for (const line of text.split("\n")) expect(line.length).toBeLessThanOrEqual(80);
    expect(text).toMatch(/^[\x20-\x7e\n]*$/);
  });

  it("reads back equal, whether z/OS pads the records or trims their blanks", () => {
    const text = toRecordLines(record);
    expect(fromRecordLines(throughZos(text, true))).toEqual(record);
    expect(fromRecordLines(throughZos(text, false))).toEqual(record);
  });

  it("refuses a member cut short instead of reading half of it", () => {
    const lines = toRecordLines(record).split("\n");
    lines[1] = lines[1]!.slice(0, 40);
    expect(() => fromRecordLines(lines.join("\n"))).toThrow(/line 2 does not end with/);
  });
});
