/** An escaping function's answer to a value it cannot write safely in its language. */
export class Refusal extends Error {
  constructor(
    /** What is wrong with the value, e.g. `contains a new line`. */
    readonly reason: string,
    /** What the place accepts, in words. */
    readonly allowed: string,
  ) {
    super(`${reason}; allowed: ${allowed}`);
  }
}

/** At most 60 characters of a value for a message, control characters shown as escapes. */
export function preview(value: string): string {
  const shown = JSON.stringify(value.length > 60 ? `${value.slice(0, 60)}` : value);
  return value.length > 60 ? `${shown} (${value.length} characters, first 60 shown)` : shown;
}

/** Names the first character outside printable ASCII (z/OS converts to EBCDIC; control characters end records or commands). */
export function refuseUnprintable(value: string, allowed: string): void {
  const bad = /[^\x20-\x7e]/.exec(value);
  if (!bad) return;
  const c = bad[0];
  const what =
    c === "\n"
      ? "a new line"
      : c === "\r"
        ? "a carriage return"
        : c === "\0"
          ? "a NUL character"
          : c === "\t"
            ? "a tab"
            : `the character U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`;
  throw new Refusal(`contains ${what} at position ${bad.index + 1}`, allowed);
}

/** The value as text: numbers only when they are whole numbers. */
export function asText(value: string | number, allowed: string): string {
  if (typeof value === "number") {
    if (!Number.isSafeInteger(value)) throw new Refusal(`is the number ${value}, not a whole number`, allowed);
    return String(value);
  }
  return value;
}
