/**
 * Which data set a starting stack reads as its profile (facts §10.4; DOC: CS IP Configuration
 * Guide, "PROFILE.TCPIP search order"): the PROFILE DD of its procedure first, else
 * jobname.nodename.TCPIP, TCPIP.nodename.TCPIP, jobname.PROFILE.TCPIP, TCPIP.PROFILE.TCPIP.
 */
import { sysclone } from "../ipl-members";
import type { EmulatorState } from "../state";
import { findInConcatenation, readMember } from "./records";

export type ProfileSource = { text: string; name: string } | { error: string; name: string } | null;

/**
 * Static system symbols in a DD's DSN (INF: &SYSCLONE. and &SYSNAME. as IEASYMxx usually
 * defines them; the trailing period ends the symbol, as in JCL).
 */
function substituteSymbols(text: string, system: string): string {
  const symbols: Record<string, string> = { SYSCLONE: sysclone(system), SYSNAME: system.toUpperCase() };
  return text.replace(/&([A-Z@#$][A-Z0-9@#$]{0,7})\.?/gi, (whole, name: string) => symbols[name.toUpperCase()] ?? whole);
}

/** The DSN= of the `//PROFILE DD` statement, joined across continuation cards (a trailing comma continues). */
export function profileDdDsn(jcl: string): string | null {
  const cards = jcl.split(/\r?\n/).map((c) => c.slice(0, 71));
  const at = cards.findIndex((c) => /^\/\/PROFILE\s+DD\s/i.test(c));
  if (at < 0) return null;
  const field = (text: string) => text.trim().split(/\s+/)[0] ?? "";
  let operands = field(cards[at].replace(/^\/\/PROFILE\s+DD/i, ""));
  for (let i = at + 1; operands.endsWith(",") && i < cards.length && /^\/\/\s+\S/.test(cards[i]); i++) operands += field(cards[i].slice(2));
  const m = /(?:^|,)DSN(?:AME)?=([^,]+)/i.exec(operands);
  return m ? m[1] : null;
}

/** The profile text the stack of `system` reads when it starts, or why it cannot, or null when there is none. */
export function locateProfile(state: EmulatorState, system: string): ProfileSource {
  const proc = state.systems[system].tcpip.proc;
  const found = findInConcatenation(state, state.proclibs, proc);
  const dd = found ? profileDdDsn(found.text) : null;
  if (dd) {
    const member = readMember(state, substituteSymbols(dd, system));
    // The DD names what it names: a data set the allocation cannot find stops there (INF: no fall-back to the search order).
    return "error" in member ? member : { text: member.text, name: "DD:PROFILE" };
  }
  // INF: nodename is the system name (the usual NJE/VMCF node name of a system).
  const node = system.toUpperCase();
  for (const dsn of [`${proc}.${node}.TCPIP`, `TCPIP.${node}.TCPIP`, `${proc}.PROFILE.TCPIP`, "TCPIP.PROFILE.TCPIP"]) {
    const member = readMember(state, dsn);
    if (!("error" in member)) return { text: member.text, name: `'${dsn}'` };
  }
  return null;
}
