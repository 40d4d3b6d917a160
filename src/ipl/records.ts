/**
 * What the IPL-time PARMLIB members share: 80-byte records of which the system reads columns
 * 1-71 (72-80 hold sequence numbers), and a refusal that names the lines it could not accept.
 * (DOC: MVS Initialization and Tuning Reference, "General syntax rules for the creation of members".)
 */

export const DATA_COLUMNS = 71;

/** A member the plug-in cannot read as the system does, or cannot change safely; nothing is written. */
export class IplMemberRefusal extends Error {
  constructor(
    message: string,
    /** The records concerned, as `line N: text`. */
    readonly lines: readonly string[] = [],
  ) {
    super(message);
    this.name = "IplMemberRefusal";
  }
}

/** The member's records; a final line break does not make an extra record. */
export function recordsOf(text: string): { readonly records: string[]; readonly finalBreak: boolean } {
  const normal = text.replace(/\r\n/g, "\n");
  const finalBreak = normal.endsWith("\n");
  const records = normal.split("\n");
  if (finalBreak) records.pop();
  return { records, finalBreak };
}

export function joinRecords(records: readonly string[], finalBreak: boolean): string {
  return records.join("\n") + (finalBreak ? "\n" : "");
}

/** `line N: text` for a refusal, with the record as it stands. */
export function showRecord(records: readonly string[], index: number): string {
  return `line ${index + 1}: ${records[index]?.trimEnd() ?? ""}`;
}

/**
 * Replaces columns [start, end) of a record's data with `replacement`. What follows on the record
 * keeps its bytes: a comment stays in its column while blanks before it can absorb the growth
 * (moving right only as far as column 71 allows), and columns 72-80 are never touched.
 * Returns undefined when the result would not fit in columns 1-71.
 */
export function replaceInRecord(record: string, start: number, end: number, dataEnd: number, replacement: string): string | undefined {
  const area = record.slice(0, DATA_COLUMNS);
  const tail = record.slice(DATA_COLUMNS);
  const data = area.slice(0, start) + replacement + area.slice(end, dataEnd);
  const rest = area.slice(dataEnd);
  const comment = rest.trim();
  let next: string;
  if (comment === "") {
    if (data.length > DATA_COLUMNS) return undefined;
    next = data;
  } else {
    const column = dataEnd + (rest.length - rest.trimStart().length);
    const at = Math.max(column, data.length + 1);
    if (at + comment.length > DATA_COLUMNS) return undefined;
    next = data.padEnd(at) + comment;
  }
  if (tail !== "") return next.padEnd(DATA_COLUMNS) + tail;
  return next.length < area.length ? next.padEnd(area.length) : next;
}
