/** Splitting console command operands: commas separate, except inside quotes or parentheses. */
export function splitOperands(text: string): string[] {
  const out: string[] = [];
  let cur = "";
  let depth = 0;
  let quoted = false;
  for (const c of text) {
    if (c === "'") quoted = !quoted;
    else if (!quoted && c === "(") depth++;
    else if (!quoted && c === ")") depth = Math.max(0, depth - 1);
    if (c === "," && depth === 0 && !quoted) {
      out.push(cur);
      cur = "";
    } else cur += c;
  }
  out.push(cur);
  return out.map((s) => s.trim());
}

/** `KEY=VALUE` operands as a map (keys upper-cased), plus the positional ones. */
export function keywordOperands(ops: string[]): { positional: string[]; keywords: Record<string, string> } {
  const positional: string[] = [];
  const keywords: Record<string, string> = {};
  for (const op of ops) {
    const m = /^([A-Za-z0-9_@#$]+)=(.*)$/.exec(op);
    if (m) keywords[m[1].toUpperCase()] = m[2];
    else positional.push(op);
  }
  return { positional, keywords };
}
