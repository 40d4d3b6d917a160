/**
 * `V TCPIP,proc,OBEYFILE,DSN=…` and `V TCPIP,proc,SYNTAXCHECK,DSN=…` (§5.2).
 * OBEYFILE applies every statement that passed and still ends with EZZ0053I when some
 * were ignored; SYNTAXCHECK applies nothing and brackets its findings with EZZ0061I and
 * EZZ0065I, with EZZ0064I when it found errors.
 */
import type { EmulatorState } from "../state";
import { applyStatements } from "./apply";
import { msg } from "./forms";
import { parseProfile } from "./profile-parser";
import { readMember } from "./records";

export function obeyFile(state: EmulatorState, system: string, echo: string, dsnSpec: string, now: number): string[] {
  const lines = [msg.processing(echo)];
  const member = readMember(state, dsnSpec);
  if ("error" in member) return [...lines, msg.obeyFailed(member.name, member.error)];
  const parsed = parseProfile(member.text, member.name);
  lines.push(...parsed.messages);
  applyStatements(state, system, parsed.statements, now);
  lines.push(msg.obeyDone());
  return lines;
}

export function syntaxCheck(state: EmulatorState, echo: string, dsnSpec: string): string[] {
  const lines = [msg.processing(echo)];
  const member = readMember(state, dsnSpec);
  if ("error" in member) return [...lines, msg.obeyFailed(member.name, member.error)];
  lines.push(msg.syntaxStart(member.name));
  const parsed = parseProfile(member.text, member.name);
  lines.push(...parsed.messages);
  if (parsed.errorCount > 0) lines.push(msg.syntaxErrors(member.name, parsed.errorCount));
  lines.push(msg.syntaxDone());
  return lines;
}
