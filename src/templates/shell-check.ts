import type { JclProblem, JclStructure } from "./jcl-statement";
import { keywordOperand } from "./jcl-statement";

/**
 * What a shell reads in a BPXBATCH command line outside quotes: anything here would end the
 * command and start another (`;`, `&`, `|`, new line), run one (`` ` ``, `$(`), redirect
 * (`<`, `>`) or expand (`$`). Our templates write one plain command a line.
 */
const UNQUOTED_SYNTAX = /[;&|`$<>()\n#*?[\]~{}!]/;

/** Problems of the shell command lines that BPXBATCH steps run: PARM='SH ...' and STDPARM records. */
export function findShellProblems(jcl: JclStructure): JclProblem[] {
  const problems: JclProblem[] = [];
  jcl.statements.forEach((s, index) => {
    if (s.operation !== "EXEC" || !/^PGM=BPXBATCH(,|$)/i.test(s.operands)) return;
    const commands: { line: number; text: string }[] = [];
    const parm = keywordOperand(s.operands, "PARM");
    if (parm !== null) commands.push({ line: s.line, text: jclParmValue(parm) });
    const nextStep = jcl.statements.findIndex((x, j) => j > index && x.operation === "EXEC");
    const stepEnd = nextStep < 0 ? Infinity : jcl.statements[nextStep]!.line;
    for (const d of jcl.instream) {
      // BPXBATCH reads STDPARM's records as one command line, each record an argument joined by a blank.
      if (d.ddname === "STDPARM" && d.firstLine > s.line && d.firstLine < stepEnd) {
        commands.push({
          line: d.firstLine,
          text: d.records
            .map((r) => r.trimEnd())
            .filter((r) => r !== "")
            .join(" "),
        });
      }
    }
    for (const c of commands) {
      const script = /^\s*SH\s+(.*)$/is.exec(c.text)?.[1];
      if (script === undefined) continue;
      const rule = shellLineProblem(script);
      if (rule) problems.push({ line: c.line, rule, text: c.text });
    }
  });
  return problems;
}

/**
 * Reads one command line as the shell does: outside quotes nothing but words and blanks;
 * the first word (the command) written plainly by the template, never quoted or built from a value.
 */
export function shellLineProblem(line: string): string | null {
  let quote: "'" | '"' | null = null;
  let outside = "";
  let escaped = false;
  for (const c of line) {
    if (escaped) {
      // A backslash outside quotes makes the next character plain text (how `'\''` writes an apostrophe).
      escaped = false;
      outside += " ";
      continue;
    }
    if (!quote && c === "\\") {
      escaped = true;
      outside += " ";
      continue;
    }
    if (quote) {
      if (c === quote) quote = null;
      else if (quote === '"' && /[$`\\]/.test(c)) return `${JSON.stringify(c)} inside double quotes: the shell would expand it`;
      continue;
    }
    if (c === "'" || c === '"') quote = c;
    outside += quote ? " " : c;
  }
  if (quote) return "a shell quote is not closed";
  const bad = UNQUOTED_SYNTAX.exec(outside);
  if (bad)
    return `${JSON.stringify(bad[0])} outside quotes in a shell command line: the shell would read it as syntax (another command, a substitution or a redirection)`;
  if (!/^\s*[a-z][a-z0-9_./-]*(\s|$)/.test(line)) return "the shell command is not a plain word written by the template";
  return null;
}

/** PARM's value as the program gets it: outer parentheses and apostrophes removed, doubled apostrophes single. */
export function jclParmValue(parm: string): string {
  let p = parm.trim();
  if (/^\(.*\)$/s.test(p)) p = p.slice(1, -1).trim();
  if (/^'.*'$/s.test(p)) p = p.slice(1, -1).replace(/''/g, "'");
  return p;
}
