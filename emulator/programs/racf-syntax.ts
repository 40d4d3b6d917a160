/**
 * TSO command operand handling for RACF commands: positional operands first, then
 * keywords, which TSO lets the user abbreviate to any unique prefix.
 */
import type { EmulatorState, RacfDatabase } from "../state";
import { RACF_RC, racfMsg } from "./racf-messages";
import { type Operand, render, words } from "./operands";

export interface CommandResult {
  rc: number;
  lines: string[];
}

export class CommandError extends Error {
  constructor(readonly result: CommandResult) {
    super(result.lines.join("; "));
  }
}

export const syntaxError = (detail: string): never => {
  throw new CommandError({ rc: RACF_RC.syntax, lines: [racfMsg.syntax(detail)] });
};

export interface Parsed {
  positional: Operand[];
  /** Canonical keyword → operand. */
  kw: Record<string, Operand>;
}

/**
 * Split operands into `npos` positionals and keywords from `keywords` (full names; an
 * operand matches a full name, an alias in `aliases`, or a unique prefix).
 */
export function parseCommand(ops: Operand[], npos: number, keywords: string[], aliases: Record<string, string> = {}): Parsed {
  const positional = ops.slice(0, npos);
  if (positional.length < npos) syntaxError(`MISSING OPERAND`);
  const kw: Record<string, Operand> = {};
  for (const op of ops.slice(npos)) {
    const w = op.word.toUpperCase();
    if (op.quoted || w === "") syntaxError(render(op));
    let full = keywords.includes(w) ? w : aliases[w];
    if (!full) {
      const prefix = keywords.filter((k) => k.startsWith(w));
      if (prefix.length === 1) full = prefix[0];
      else syntaxError(render(op));
    }
    kw[full!] = op;
  }
  return { positional, kw };
}

/** Names of a positional: `A` or `(A B)`, upper-cased unless `asis`. */
export function names(op: Operand, asis = false): string[] {
  const list = op.word === "" && op.sub ? words(op.sub) : [op.word];
  return list.map((n) => (asis ? n : n.toUpperCase()));
}

/** Values inside KEYWORD(...). */
export function values(op: Operand | undefined, asis = false): string[] {
  return words(op?.sub).map((v) => (asis ? v : v.toUpperCase()));
}

export function value(op: Operand | undefined, asis = false): string | undefined {
  const v = values(op, asis);
  if (op && v.length !== 1) syntaxError(render(op));
  return v[0];
}

/** Keywords inside a segment such as OMVS(...) or STDATA(...), by full name. */
export function segment(op: Operand | undefined, keywords: string[], aliases: Record<string, string> = {}): Record<string, Operand> {
  if (!op) return {};
  return parseCommand(op.sub ?? [], 0, keywords, aliases).kw;
}

export interface RacfContext {
  state: EmulatorState;
  /** Issuing user, upper case. */
  user: string;
  /** The job's time (certificate validity starts then). */
  nowIso?: string;
}

export function isSpecial(racf: RacfDatabase, user: string): boolean {
  return racf.users[user.toUpperCase()]?.special === true;
}

/** Definition commands need SPECIAL (§7.2 lists it as a prerequisite of IZUSEC). */
export function requireSpecial(ctx: RacfContext, verb: string, what: string, lines?: string[]): void {
  if (!isSpecial(ctx.state.racf, ctx.user)) {
    throw new CommandError({ rc: RACF_RC.notAuthorized, lines: lines ?? [racfMsg.notAuthorized(verb, what)] });
  }
}
