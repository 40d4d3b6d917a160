/**
 * z/OSMF autostart at IPL (facts §10.4, §7.1; DOC: "Autostart concepts in z/OSMF"): IEASYSxx
 * IZU= names the IZUPRMxx members (a later one overriding an earlier one). With
 * AUTOSTART(LOCAL) the system starts ANGEL_PROC and SERVER_PROC, unless a server of the same
 * AUTOSTART_GROUP is already active in the sysplex (only one per group: it holds an ENQ);
 * AUTOSTART(CONNECT) starts nothing. The starts are the `S` commands an operator would enter,
 * so the server comes up (or is refused) exactly as by hand, key ring checks included.
 * INF: without IZU= no IZUPRMxx is named and nothing autostarts (§10.4 ties autostart to IZU=).
 */
import type { EmulatorState } from "../state";
import { findInConcatenation } from "../tcpip/records";
import { parseIzuprm, setting, type IzuprmSettings } from "./izuprm";
import { startCommand } from "./start-stop";

/** INF: the console name the IPL's own commands are shown as issued from. */
const IPL_CONSOLE = "INTERNAL";

/** What the autostart decided, for the IPL log; no z/OS message id is known for these, so none is shown (not invented). */
const say = {
  notFound: (member: string) => `EMULATOR: IZU=: PARMLIB MEMBER ${member} NOT FOUND; z/OSMF IS NOT AUTOSTARTED`,
  badMember: (member: string, why: string) => `EMULATOR: ${member}: ${why}; z/OSMF IS NOT AUTOSTARTED`,
  connect: (group: string) => `EMULATOR: AUTOSTART(CONNECT): NO z/OSMF SERVER IS STARTED; THE SYSTEM USES GROUP ${group}`,
  groupServed: (group: string, job: string, sys: string) =>
    `EMULATOR: AUTOSTART GROUP ${group} IS ALREADY SERVED BY ${job} ON ${sys}; z/OSMF IS NOT AUTOSTARTED`,
};

function readMembers(state: EmulatorState, suffixes: string[]): IzuprmSettings | string {
  const merged: IzuprmSettings = { values: {}, errors: [] };
  for (const sfx of suffixes) {
    const member = `IZUPRM${sfx}`;
    const found = findInConcatenation(state, state.parmlibs, member);
    if (!found) return say.notFound(member);
    const parsed = parseIzuprm(found.text);
    if (parsed.errors.length > 0) return say.badMember(member, parsed.errors[0]);
    Object.assign(merged.values, parsed.values);
  }
  return merged;
}

/** Starts z/OSMF on `system` as its IPL would; the console lines of what happened. */
export function autostartZosmf(state: EmulatorState, system: string, izu: string[], now: number): string[] {
  if (izu.length === 0 || (izu.length === 1 && izu[0] === "NONE")) return [];
  const settings = readMembers(state, izu);
  if (typeof settings === "string") return [settings];
  const group = setting(settings, "AUTOSTART_GROUP").toUpperCase();
  if (setting(settings, "AUTOSTART").toUpperCase() !== "LOCAL") return [say.connect(group)];
  for (const other of Object.values(state.systems)) {
    if (!other.up) continue;
    const rival = Object.values(other.tasks).find((t) => t.kind === "zosmf" && t.autostartGroup === group);
    if (rival) return [say.groupServed(group, rival.jobName, other.name)];
  }
  const ctx = { system, consoleName: IPL_CONSOLE, now };
  const angel = setting(settings, "ANGEL_PROC").toUpperCase();
  const server = setting(settings, "SERVER_PROC").toUpperCase();
  // The server reads the IZU= members (the IPL passes them, INF: as IZUPRM=SYSPARM would resolve them).
  const members = izu.length === 1 ? izu[0] : `(${izu.join(",")})`;
  const lines = state.systems[system].tasks[angel] ? [] : startCommand(state, ctx, angel);
  return [...lines, ...startCommand(state, ctx, `${server},IZUPRM=${members}`)];
}
