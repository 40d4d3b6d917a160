/**
 * What a started procedure is, read from its JCL in PROCLIB: the PROC statement's
 * symbolic defaults, whether it is a z/OSMF server or an angel (by content, not name),
 * and the listeners a plain procedure declares (convention in tcpip/forms.ts).
 */
import type { EmulatorState } from "../state";
import { LISTEN_CARD } from "../tcpip/forms";
import { findInConcatenation } from "../tcpip/records";
import { keywordOperands, splitOperands } from "./operands";

export interface ProcInfo {
  name: string;
  library: string;
  jcl: string;
  kind: "zosmf" | "angel" | "listener";
  /** Symbolic defaults on the PROC statement, keys upper-cased, quotes removed. */
  defaults: Record<string, string>;
  /** `//* LISTEN` cards. */
  listenCards: { port?: string; addr?: string }[];
}

export function findProc(state: EmulatorState, name: string): ProcInfo | null {
  const found = findInConcatenation(state, state.proclibs, name);
  if (!found) return null;
  const jcl = found.text;
  const upper = jcl.toUpperCase();
  // The angel runs bbgzangl (IBM's IZUANG1 names it in its PARM); a z/OSMF server runs BPXBATSL
  // or names its IZUPRMxx members.
  const kind = /BBGZANGL|IZUANGEL/.test(upper) ? "angel" : /BPXBATSL|IZUSVR|IZUPRM=/.test(upper) ? "zosmf" : "listener";
  return { name: name.toUpperCase(), library: found.library, jcl, kind, defaults: procDefaults(jcl), listenCards: listenCards(jcl) };
}

function unquote(v: string): string {
  return v.replace(/^'(.*)'$/, "$1");
}

/** The PROC statement, joined across continuation cards (an operand field ending in a comma continues). */
function procDefaults(jcl: string): Record<string, string> {
  const cards = jcl.split(/\r?\n/).map((l) => l.slice(0, 71));
  const at = cards.findIndex((c) => /^\/\/\S*\s+PROC(\s|$)/i.test(c));
  if (at < 0) return {};
  // Operands end at the first blank; what follows is a comment.
  const field = (text: string) => text.trim().split(/\s+/)[0] ?? "";
  let operands = field(cards[at].replace(/^\/\/\S*\s+PROC/i, ""));
  for (let i = at + 1; operands.endsWith(",") && i < cards.length && /^\/\/\s+\S/.test(cards[i]); i++) {
    operands += field(cards[i].slice(2));
  }
  const { keywords } = keywordOperands(splitOperands(operands).filter(Boolean));
  return Object.fromEntries(Object.entries(keywords).map(([k, v]) => [k, unquote(v)]));
}

function listenCards(jcl: string): { port?: string; addr?: string }[] {
  const out: { port?: string; addr?: string }[] = [];
  for (const card of jcl.split(/\r?\n/)) {
    const m = LISTEN_CARD.exec(card.slice(0, 71).trim());
    if (!m) continue;
    const entry: { port?: string; addr?: string } = {};
    for (const word of m[1].trim().split(/[\s,]+/)) {
      const kv = /^(PORT|ADDR)=(\S+)$/i.exec(word);
      if (kv) entry[kv[1].toLowerCase() as "port" | "addr"] = kv[2];
    }
    out.push(entry);
  }
  return out;
}
