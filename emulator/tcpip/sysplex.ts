/**
 * Who is in the sysplex and where addresses live. A stack is a member of the TCP/IP
 * sysplex group while its system is up and it has a dynamic XCF address (the emulator's
 * reading of §5.3: EZZ2502I is issued otherwise).
 */
import type { EmulatorState, SystemState, TcpipStack } from "../state";

export function inSysplexGroup(sys: SystemState): boolean {
  return sys.up && sys.tcpip.dynamicXcf !== null;
}

export function systems(state: EmulatorState): SystemState[] {
  return Object.values(state.systems);
}

export function systemByXcf(state: EmulatorState, xcf: string): SystemState | undefined {
  return systems(state).find((s) => s.tcpip.dynamicXcf?.address === xcf);
}

export function activeDvipas(stack: TcpipStack) {
  return (stack.activeDvipas ??= []);
}

/** The system that has the DVIPA active now, if any (only members of the group hold DVIPAs). */
export function dvipaOwner(state: EmulatorState, address: string): SystemState | undefined {
  return systems(state).find((s) => inSysplexGroup(s) && (s.tcpip.activeDvipas ?? []).some((d) => d.address === address));
}

export function definesOrBacks(stack: TcpipStack, address: string): boolean {
  return stack.vipaDefine.some((d) => d.address === address) || stack.vipaBackup.some((b) => b.address === address);
}

/** Wildcard job-name match used by PORT reservations: `*` any run, `?` one character. */
export function jobMatches(pattern: string, job: string): boolean {
  const re = new RegExp(
    "^" +
      pattern
        .toUpperCase()
        .replace(/[.+^${}()|[\]\\]/g, "\\$&")
        .replace(/\*/g, ".*")
        .replace(/\?/g, ".") +
      "$",
  );
  return re.test(job.toUpperCase());
}
