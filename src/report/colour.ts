/**
 * Colour for people at a terminal, never for programs: the commands layer decides from
 * --rfj, NO_COLOR and whether stdout is a terminal; renderers only take the palette.
 */
export interface Palette {
  /** A step's or check's state word: changed, failed, skipped, degraded. */
  state(word: string): string;
  /** One line of a unified diff: `+` added, `-` removed. */
  diffLine(line: string): string;
}

export interface ColourFacts {
  /** --rfj: the output is JSON for a program. */
  readonly json: boolean;
  /** The NO_COLOR environment variable (no-color.org: present and not empty turns colour off). */
  readonly noColor: string | undefined;
  /** Whether stdout is a terminal; a pipe or file gets no escape codes. */
  readonly isTTY: boolean;
}

export function colourWanted(f: ColourFacts): boolean {
  return !f.json && (f.noColor === undefined || f.noColor === "") && f.isTTY;
}

const RED = 31;
const GREEN = 32;
const YELLOW = 33;
const CYAN = 36;

const paint = (code: number, text: string) => `\u001b[${code}m${text}\u001b[39m`;

/** Which colour a state word gets; words not named here stay plain. */
const STATE_COLOUR: Readonly<Record<string, number>> = {
  changed: CYAN,
  failed: RED,
  FAILED: RED,
  skipped: YELLOW,
  interrupted: YELLOW,
  DEGRADED: YELLOW,
};

export const PLAIN: Palette = { state: (w) => w, diffLine: (l) => l };

const COLOURED: Palette = {
  state: (w) => (STATE_COLOUR[w] !== undefined ? paint(STATE_COLOUR[w], w) : w),
  diffLine: (l) => {
    // The file headers (`---`, `+++`) name the two sides; only content lines are coloured.
    if (l.startsWith("+++") || l.startsWith("---")) return l;
    if (l.startsWith("+")) return paint(GREEN, l);
    if (l.startsWith("-")) return paint(RED, l);
    return l;
  },
};

export function palette(enabled: boolean): Palette {
  return enabled ? COLOURED : PLAIN;
}
