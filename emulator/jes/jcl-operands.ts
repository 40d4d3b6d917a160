/**
 * Small pieces of JCL syntax: the operand field, JCL symbols and the name rules.
 * Kept apart from the reader so each rule can be read (and tested) on its own.
 */

const NAME = /^[A-Z@#$][A-Z0-9@#$]{0,7}$/;

export function isValidName(name: string): boolean {
  return NAME.test(name);
}

/** The operand field of one line: text up to the first blank outside apostrophes. */
export function operandField(text: string): { operands: string; rest: string } {
  let inQuote = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === "'") inQuote = !inQuote;
    else if (c === " " && !inQuote) return { operands: text.slice(0, i), rest: text.slice(i) };
  }
  return { operands: text, rest: "" };
}

export interface Operand {
  /** Upper-case keyword, or null for a positional operand. */
  keyword: string | null;
  value: string;
}

/** Split at commas outside parentheses and apostrophes; null when they do not balance. */
export function splitOperands(text: string): Operand[] | null {
  const parts: string[] = [];
  let depth = 0;
  let inQuote = false;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === "'") inQuote = !inQuote;
    else if (inQuote) continue;
    else if (c === "(") depth++;
    else if (c === ")") {
      depth--;
      if (depth < 0) return null;
    } else if (c === "," && depth === 0) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  if (inQuote || depth !== 0) return null;
  parts.push(text.slice(start));
  return parts
    .filter((p) => p.length > 0)
    .map((p) => {
      const eq = p.indexOf("=");
      const head = eq > 0 ? p.slice(0, eq) : "";
      // A keyword is a plain name before "="; anything else (quotes, parentheses first) is positional.
      if (eq > 0 && /^[A-Za-z][A-Za-z0-9]*$/.test(head)) return { keyword: head.toUpperCase(), value: p.slice(eq + 1) };
      return { keyword: null, value: p };
    });
}

/** Remove one level of apostrophes ('' stands for one apostrophe) or parentheses from a value. */
export function unwrapValue(value: string): string {
  if (value.length >= 2 && value.startsWith("'") && value.endsWith("'")) return value.slice(1, -1).replace(/''/g, "'");
  if (value.length >= 2 && value.startsWith("(") && value.endsWith(")")) return value.slice(1, -1);
  return value;
}

/**
 * Replace `&NAME` and `&NAME.` with defined symbols. `&&NAME` (temporary data set) and
 * undefined symbols stay as written: JES does not treat them as errors at this point.
 */
export function substituteSymbols(text: string, symbols: Record<string, string>): string {
  if (!text.includes("&")) return text;
  return text.replace(
    /(&)?&([A-Za-z@#$][A-Za-z0-9@#$]{0,7})(\.)?/g,
    (whole, doubled: string | undefined, name: string, period: string | undefined) => {
      if (doubled) return whole;
      const value = symbols[name.toUpperCase()];
      if (value === undefined) return whole;
      // The period only ends the name; it is consumed with it.
      void period;
      return value;
    },
  );
}

/** Split `A.B.C(MEM)` into its data set name and member, both as written (JCL does not fold case). */
export function splitDsn(spec: string): { dsn: string; member?: string } {
  const m = /^([^()]+)\(([^()]*)\)$/.exec(spec.trim());
  if (m) return { dsn: m[1], member: m[2] };
  return { dsn: spec.trim() };
}
