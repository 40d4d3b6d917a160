/** Programs JES provides on its own. IEFBR14 does nothing and ends with CC 0. */
import type { Program } from "./types";

const iefbr14: Program = () => ({ completion: { cc: 0 }, outputs: {} });

export const builtinPrograms: Record<string, Program> = { IEFBR14: iefbr14 };
