/**
 * Applies parsed profile statements to one system's stack, then lets the sysplex settle
 * (DVIPA ownership, distributor takeover, HOTSTANDBY active target).
 */
import type { Distribution, EmulatorState, TcpipStack } from "../state";
import { isDestipAll } from "./distribution";
import { reconcile } from "./dvipa";
import type { Statement } from "./profile-parser";

export function applyStatements(state: EmulatorState, system: string, statements: Statement[], now: number): void {
  const stack = state.systems[system].tcpip;
  for (const st of statements) applyOne(stack, st);
  reconcile(state, now, system);
}

function applyOne(stack: TcpipStack, st: Statement): void {
  switch (st.kind) {
    case "IPCONFIG":
      if (st.sysplexRouting !== undefined) stack.sysplexRouting = st.sysplexRouting;
      if (st.dynamicXcf !== undefined) stack.dynamicXcf = st.dynamicXcf;
      return;
    case "VIPADEFINE":
      for (const address of st.addresses) {
        // One DVIPA is either defined or backed up on a stack, the last statement wins.
        stack.vipaBackup = stack.vipaBackup.filter((b) => b.address !== address);
        stack.vipaDefine = stack.vipaDefine.filter((d) => d.address !== address);
        stack.vipaDefine.push({ address, mask: st.mask, moveable: st.moveable });
      }
      return;
    case "VIPABACKUP":
      for (const address of st.addresses) {
        stack.vipaDefine = stack.vipaDefine.filter((d) => d.address !== address);
        stack.vipaBackup = stack.vipaBackup.filter((b) => b.address !== address);
        stack.vipaBackup.push(st.mask ? { address, mask: st.mask, rank: st.rank } : { address, rank: st.rank });
      }
      return;
    case "VIPADELETE":
      for (const address of st.addresses) {
        stack.vipaDefine = stack.vipaDefine.filter((d) => d.address !== address);
        stack.vipaBackup = stack.vipaBackup.filter((b) => b.address !== address);
      }
      return;
    case "VIPADISTRIBUTE":
      if (st.action === "DEFINE") defineDistribution(stack, st.dist);
      else deleteDistribution(stack, st.dist);
      return;
    case "PORT":
      for (const e of st.entries) {
        stack.ports = stack.ports.filter((p) => !(p.port === e.port && p.protocol === e.protocol && p.jobName === e.jobName));
        stack.ports.push(e);
      }
      return;
    case "HOME":
      // INF (halz001 HOME statement, as recalled, not in the facts): a HOME statement replaces the whole home list.
      stack.homeAddresses = st.entries.map((e) => ({ ...e }));
      return;
    case "DELETEPORT":
      for (const e of st.entries) {
        stack.ports = stack.ports.filter((p) => !(p.port === e.port && p.protocol === e.protocol && p.jobName === e.jobName));
      }
      return;
  }
}

function sharesPorts(a: number[], b: number[]): boolean {
  return a.length === 0 || b.length === 0 || a.some((p) => b.includes(p));
}

/** A DEFINE replaces what the stack has for the same DVIPA and ports (keeping the active target if it is still a target). */
function defineDistribution(stack: TcpipStack, p: Distribution): void {
  const replaced = stack.distributions.filter((d) => d.dvipa === p.dvipa && sharesPorts(d.ports, p.ports));
  stack.distributions = stack.distributions.filter((d) => !replaced.includes(d));
  const dist: Distribution = { ...p };
  const previousActive = replaced.find((d) => d.activeTarget)?.activeTarget;
  if (p.method === "HOTSTANDBY") dist.activeTarget = p.targets.some((t) => t.xcf === previousActive) ? previousActive : null;
  stack.distributions.push(dist);
}

/** DELETE removes the named ports and/or targets; with neither, everything for the DVIPA. */
function deleteDistribution(stack: TcpipStack, p: Distribution): void {
  const all = isDestipAll(p);
  const keep: Distribution[] = [];
  for (const d of stack.distributions) {
    if (d.dvipa !== p.dvipa) {
      keep.push(d);
      continue;
    }
    if (p.ports.length === 0 && p.targets.length === 0) continue;
    const ports = p.ports.length ? d.ports.filter((x) => !p.ports.includes(x)) : d.ports;
    const targets = all ? [] : p.targets.length ? d.targets.filter((t) => !p.targets.some((x) => x.xcf === t.xcf)) : d.targets;
    const portsGone = p.ports.length > 0 && ports.length === 0;
    const targetsGone = targets.length === 0;
    if (portsGone || targetsGone) continue;
    keep.push({ ...d, ports, targets });
  }
  stack.distributions = keep;
}
