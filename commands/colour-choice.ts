import type { IHandlerParameters } from "@zowe/imperative";
import { colourWanted, palette, type Palette } from "../src/report/colour";

/** Colour only for a person at a terminal: not under --rfj, not with NO_COLOR set, not into a pipe. */
export function colourFor(params: IHandlerParameters): Palette {
  return palette(
    colourWanted({
      json: params.arguments.responseFormatJson === true,
      noColor: process.env.NO_COLOR,
      isTTY: process.stdout.isTTY === true,
    }),
  );
}

/** The width text is laid out for: the terminal's, else 80. */
export function outputWidth(): number {
  return process.stdout.isTTY ? process.stdout.columns || 80 : 80;
}
