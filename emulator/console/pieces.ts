/**
 * §3.3 framing: lines joined with "\r", the first line of a piece starting with one blank;
 * a long response is cut into pieces, the first answered by the PUT and the others by
 * follow-up GETs on solmsgs/<key>.
 */

export function frame(lines: string[]): string {
  // Each message's first line gets one leading blank; continuation lines already carry two.
  return lines.map((l) => (l.startsWith(" ") ? l : ` ${l}`)).join("\r");
}

/** Cut into pieces of at most `size` lines, or into exactly `count` pieces when given. */
export function cut(lines: string[], options: { size: number; count?: number }): string[][] {
  if (lines.length === 0) return [[]];
  const size = options.count && options.count > 0 ? Math.max(1, Math.ceil(lines.length / options.count)) : Math.max(1, options.size);
  const pieces: string[][] = [];
  for (let i = 0; i < lines.length; i += size) pieces.push(lines.slice(i, i + size));
  return pieces;
}

/** `sol-key` as a case-insensitive keyword, or a regular expression with solKeyReg=Y. */
export function solKeyDetected(text: string, solKey: string, regex: boolean): boolean {
  if (regex) {
    try {
      return new RegExp(solKey, "i").test(text);
    } catch {
      return false;
    }
  }
  return text.toUpperCase().includes(solKey.toUpperCase());
}
