import { systemField } from "../../templates/topology-fields";
import type { PortSharing, Topology } from "../../topology";

/** One PORT reservation the member makes, and what PORTLIST must show for it. */
export interface Reservation {
  readonly port: number;
  readonly protocol: "TCP" | "UDP";
  readonly jobPrefix: string;
  /** null for an outbound port only one server listens on. */
  readonly share: "SHAREPORT" | "SHAREPORTWLM" | null;
  readonly bind: string | null;
  /** The portSharing entry it comes from, for messages. */
  readonly entry: string;
}

export interface PortEntryVariables {
  readonly name: string;
  readonly port: number;
  readonly protocol: "TCP" | "UDP";
  readonly jobPrefix: string;
  readonly mode: "SHAREPORT" | "SHAREPORTWLM";
  /** null when the port is not bound to one address; every optional value is null, never absent, for strict templates. */
  readonly bind: string | null;
  readonly outboundPort: number | null;
  /** Every server binds the outbound port too, so with several servers it is shared as well. */
  readonly outboundShare: "SHAREPORT" | null;
  readonly servers: string;
}

export interface PortMemberVariables {
  readonly system: string;
  readonly entries: readonly PortEntryVariables[];
}

export { portSharingSystems } from "../../tcpip/obey-members";

function entriesOn(t: Topology, system: string): PortSharing[] {
  return (t.portSharing ?? []).filter((p) => p.system === system);
}

export function portMemberVariables(t: Topology, system: string): PortMemberVariables {
  return {
    system,
    entries: entriesOn(t, system).map((p) => ({
      name: p.name,
      port: p.port,
      protocol: p.protocol,
      jobPrefix: p.jobPrefix,
      mode: p.mode,
      bind: p.bind ?? null,
      outboundPort: p.outboundPort ?? null,
      outboundShare: p.servers.length > 1 ? "SHAREPORT" : null,
      servers: p.servers.join(" "),
    })),
  };
}

/** Where each variable of portMemberVariables comes from in the topology, for refusals. */
export function portMemberFields(t: Topology, system: string): Record<string, string> {
  const fields: Record<string, string> = { system: `${systemField(t, system)}.name` };
  entriesOn(t, system).forEach((p, k) => {
    const at = `portSharing[${(t.portSharing ?? []).indexOf(p)}]`;
    for (const key of ["name", "port", "protocol", "jobPrefix", "mode", "bind", "outboundPort"])
      fields[`entries[${k}].${key}`] = `${at}.${key}`;
  });
  return fields;
}

/** Every reservation the system's member makes: the shared port, then the outbound port when there is one. */
export function reservationsOf(vars: PortMemberVariables): Reservation[] {
  return vars.entries.flatMap((e): Reservation[] => [
    { port: e.port, protocol: e.protocol, jobPrefix: e.jobPrefix, share: e.mode, bind: e.bind, entry: e.name },
    // Outgoing API requests get a port of their own, for separate security and audit records (seed 000).
    ...(e.outboundPort !== null
      ? [{ port: e.outboundPort, protocol: e.protocol, jobPrefix: e.jobPrefix, share: e.outboundShare, bind: null, entry: e.name }]
      : []),
  ]);
}

export function describeReservation(r: Reservation): string {
  return `PORT ${r.port} ${r.protocol} ${r.jobPrefix}${r.share ? ` ${r.share}` : ""}${r.bind ? ` BIND ${r.bind}` : ""}`;
}
