/** Breaks at blanks; a word longer than the line is cut where the line ends. */
export function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (let word of text.split(/\s+/).filter(Boolean)) {
    while (word.length > width) {
      if (line) lines.push(line);
      lines.push(word.slice(0, width));
      word = word.slice(width);
      line = "";
    }
    if (!line) line = word;
    else if (line.length + 1 + word.length <= width) line += ` ${word}`;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line || lines.length === 0) lines.push(line);
  return lines;
}

/** A long sentence on lines of at most `width`, the lines after the first indented by `indent`. */
export function wrapSentence(text: string, width: number, indent = "  "): string[] {
  const [first = "", ...rest] = wrap(text, width);
  return [first, ...(rest.length ? wrap(rest.join(" "), width - indent.length).map((l) => indent + l) : [])];
}

/** One line cut to `width` with an ellipsis: a status that must never wrap onto a second line. */
export function fitLine(text: string, width: number): string {
  const flat = text.replace(/\s+/g, " ").trim();
  if (flat.length <= width) return flat;
  return width <= 1 ? flat.slice(0, Math.max(0, width)) : `${flat.slice(0, width - 1)}…`;
}

/**
 * Columns the progress bar draws before its status text: " " + a 10-wide bar + "| " +
 * up to "100%" + "  " + the spinner + " | " (imperative's template), and one spare so the
 * cursor never reaches the last column, where a terminal wraps.
 */
const BAR_PREFIX = 23;

/** The bar's status text cut so that bar and text fit one terminal line. */
export function barStatus(text: string, columns: number): string {
  return fitLine(text, Math.max(10, columns - BAR_PREFIX));
}
