import { HaError } from "../../errors";
import { operandField } from "../../templates/jcl-check";

/**
 * Sets the default of one symbolic parameter on a procedure's PROC statement
 * (`IZUPRM=0A`), leaving every other line and parameter as it is.
 */
export function setProcDefault(text: string, name: string, value: string, procName: string): string {
  const lines = text.replace(/\r\n/g, "\n").split("\n");
  const first = lines.findIndex((l) => /^\/\/\S*\s+PROC(\s|$)/.test(l));
  if (first < 0) throw new HaError(`${procName} has no PROC statement, so ${name}= cannot be set.`, { failureClass: "zos-failure" });
  // The statement's lines: the PROC line and its continuations.
  const stmt = [first];
  while (true) {
    const last = stmt[stmt.length - 1]!;
    const body = lines[last]!.slice(2, 71);
    const ops = last === first ? body.replace(/^\S*\s+PROC\s*/, "") : body.trimStart();
    if (!operandField(ops).endsWith(",") || last + 1 >= lines.length || !/^\/\/\s/.test(lines[last + 1]!)) break;
    stmt.push(last + 1);
  }
  const re = new RegExp(`(^|[\\s,])(${name}=)(\\([^)]*\\)|'[^']*'|[^,\\s]*)`, "i");
  for (const i of stmt) {
    const line = lines[i]!;
    const data = line.slice(0, 71);
    const m = re.exec(data);
    if (!m) continue;
    const at = (m.index ?? 0) + m[1]!.length + m[2]!.length;
    const updated = data.slice(0, at) + value + data.slice(at + m[3]!.length);
    if (updated.trimEnd().length > 71) throw new HaError(`${procName}: ${name}=${value} does not fit in columns 1-71.`, { failureClass: "zos-failure" });
    lines[i] = updated + line.slice(71);
    return lines.join("\n");
  }
  // Not coded: add it as the last parameter, on a continuation line when it does not fit.
  const lastIndex = stmt[stmt.length - 1]!;
  const line = lines[lastIndex]!;
  const prefixLen = lastIndex === first ? (/^\/\/\S*\s+PROC\s*/.exec(line)?.[0].length ?? 2) : (/^\/\/\s+/.exec(line)?.[0].length ?? 3);
  const ops = operandField(line.slice(prefixLen, 71));
  const end = prefixLen + ops.length;
  const addition = ops ? `,${name}=${value}` : `${name}=${value}`;
  if (end + addition.length <= 71) {
    lines[lastIndex] = line.slice(0, end) + addition + line.slice(end);
  } else {
    lines[lastIndex] = line.slice(0, end) + "," + line.slice(end);
    lines.splice(lastIndex + 1, 0, `//             ${name}=${value}`);
  }
  return lines.join("\n");
}
