import { createHash } from "node:crypto";
import type { Topology } from "../topology";

/*
 * Which obey members the plug-in keeps on which stack, and their names: one place, read by
 * the obey steps that write them, the profile step that includes them, and verify.
 */

/** Member prefix of each workflow's obey member (prefix + system name). */
export const HOT_STANDBY_MEMBER_PREFIX = "HA";
export const PORT_MEMBER_PREFIX = "HP";
export const SERVICES_MEMBER_PREFIX = "HD";

/**
 * `<prefix>` + the system name (HP for port sharing, HD for distributed services, RP/RD
 * for their removal), so each workflow's member on a stack is found by name and never
 * collides with the hot-standby `HA<sys>` member; a hash when two system names would
 * give the same member.
 */
export function stackMemberName(t: Topology, prefix: string, system: string): string {
  const room = 8 - prefix.length;
  const plain = (name: string) => `${prefix}${name.slice(0, room)}`;
  const clash = t.systems.some((s) => s.name !== system && plain(s.name) === plain(system));
  if (!clash) return plain(system);
  return `${prefix}${createHash("sha256")
    .update(system)
    .digest("hex")
    .slice(0, room)
    .toUpperCase()
    .replace(/^[0-9]/, "X")}`;
}

/** Systems whose stacks get a hot-standby member: every hot-standby target, the distributor and its backup. */
export function obeySystems(t: Topology): string[] {
  const ha = t.zosmfHa;
  if (!ha) return [];
  const names = [ha.preferred, ...ha.backups.map((b) => b.system), ha.distributor, ...(ha.distributorBackup ? [ha.distributorBackup] : [])];
  return t.systems.map((s) => s.name).filter((n) => names.includes(n));
}

/** Systems with at least one portSharing entry, in topology order. */
export function portSharingSystems(t: Topology): string[] {
  const named = new Set((t.portSharing ?? []).map((p) => p.system));
  return t.systems.map((s) => s.name).filter((n) => named.has(n));
}

/** Systems that distribute, back up or serve any distributed service, in topology order. */
export function serviceSystems(t: Topology): string[] {
  const named = new Set(
    (t.distributedServices ?? []).flatMap((s) => [
      s.distributor,
      ...(s.distributorBackup ? [s.distributorBackup] : []),
      ...s.targets.map((x) => x.system),
    ]),
  );
  return t.systems.map((s) => s.name).filter((n) => named.has(n));
}

/** One obey member the plug-in keeps on a stack, and the provisioning step (workflow/step) that writes and applies it. */
export interface StackObeyMember {
  readonly workflow: "zosmf-ha" | "port-sharing" | "distributed-services";
  readonly stepId: string;
  readonly dsn: string;
  readonly member: string;
}

const OBEY_WORKFLOWS = [
  { workflow: "zosmf-ha", stepId: "tcpip", prefix: HOT_STANDBY_MEMBER_PREFIX, systems: obeySystems },
  { workflow: "port-sharing", stepId: "reserve", prefix: PORT_MEMBER_PREFIX, systems: portSharingSystems },
  { workflow: "distributed-services", stepId: "distribute", prefix: SERVICES_MEMBER_PREFIX, systems: serviceSystems },
] as const;

/** Every obey member this topology applies on a system's stack, in the order the workflows apply them. */
export function stackObeyMembers(t: Topology, system: string): StackObeyMember[] {
  return OBEY_WORKFLOWS.filter((w) => w.systems(t).includes(system)).map((w) => ({
    workflow: w.workflow,
    stepId: w.stepId,
    dsn: t.datasets.obey,
    member: stackMemberName(t, w.prefix, system),
  }));
}
