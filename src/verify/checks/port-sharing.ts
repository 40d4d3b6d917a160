import { listenersOn, type ConnEntry, type PortlistEntry } from "../../parsers";
import { sameAddress } from "../../tcpip/addresses";
import { sharingOf } from "../../tcpip/in-force";
import { GATEWAY_NAME, systemByName, type PortSharing, type Topology, type TopologySystem } from "../../topology";
import type { Check, CheckModule, ReadSpec, Snapshot } from "../types";
import { degraded, failed, healthy, type CheckHead as Head } from "../verdict";
import { displayProblem, queryDisplay, queryRead, truncationNote, type Display, type NetstatQuery } from "./netstat";

/*
 * TCP/IP port sharing on one system: the PORT statement reserves the port for the servers'
 * job-name prefix with SHAREPORT or SHAREPORTWLM, every named server listens on it, and the
 * servers take outgoing API requests on a port of their own.
 */

const portlistQuery = (port: number): NetstatQuery<"PORTLIST"> => ({ report: "PORTLIST", options: [`PORT=${port}`] });
// CONN rather than ALLCONN: closed connections add records (and a chance of hitting MAX) but no listeners.
const connQuery = (port: number): NetstatQuery<"CONN"> => ({ report: "CONN", options: [`PORT=${port}`] });

/** `ZCHA*` and `APPL?X` as TCP/IP reads them: `*` any characters, `?` exactly one. */
function jobNameMatches(pattern: string, job: string): boolean {
  const body = [...pattern.toUpperCase()]
    .map((c) => (c === "*" ? ".*" : c === "?" ? "." : c.replace(/[$^.|+()[\]{}\\]/g, "\\$&")))
    .join("");
  return new RegExp(`^${body}$`).test(job.toUpperCase());
}

const FLAG_OF = { SHAREPORT: "S", SHAREPORTWLM: "W" } as const;

function describeReservation(e: PortlistEntry): string {
  return `${e.port} ${e.protocol} ${e.user} flags ${e.flags === "" ? "(none)" : e.flags}${e.bindAddress ? ` BIND ${e.bindAddress}` : ""}`;
}

function reservationCheck(ps: PortSharing, system: TopologySystem, list: Display<"PORTLIST">): Check {
  const head: Head = {
    id: `ports.${ps.name}.reservation`,
    system: ps.system,
    title: `Port ${ps.port} reserved for sharing (${ps.name})`,
    expected: `PORT ${ps.port} ${ps.protocol} ${ps.jobPrefix} ${ps.mode}${ps.bind ? ` BIND ${ps.bind}` : ""} (flag ${FLAG_OF[ps.mode]})`,
  };
  if (list.state !== "ok") return displayProblem(head, list, system);
  const onPort = list.data.entries.filter((e) => e.port === ps.port && e.protocol === ps.protocol);
  if (onPort.length === 0)
    return failed(
      head,
      "not reserved",
      `${ps.system}: PORTLIST shows no reservation of ${ps.port} ${ps.protocol}: any job may bind it and no sharing is set up`,
    );
  const found = onPort.map(describeReservation).join("; ");
  const mine = onPort.find((e) => e.user === ps.jobPrefix.toUpperCase());
  if (mine === undefined) {
    return failed(
      head,
      found,
      `${ps.system}: ${ps.port} ${ps.protocol} is reserved for ${onPort.map((e) => e.user).join(", ")}, not for ${ps.jobPrefix}`,
    );
  }
  const sharing = sharingOf(mine) ?? "no sharing flag";
  if (sharing !== ps.mode) {
    const what = sharing === "no sharing flag" ? "without SHAREPORT or SHAREPORTWLM, so only one server can listen" : `with ${sharing}`;
    return failed(head, found, `${ps.system}: ${ps.port} ${ps.protocol} ${ps.jobPrefix} is reserved ${what}; the topology says ${ps.mode}`);
  }
  if (ps.bind !== undefined && !sameAddress(mine.bindAddress, ps.bind)) {
    return failed(
      head,
      found,
      `${ps.system}: the reservation binds ${mine.bindAddress ?? "no address"}, the topology says BIND ${ps.bind}`,
    );
  }
  return healthy(head, describeReservation(mine));
}

function listenerNames(entries: readonly ConnEntry[]): string {
  return entries.length === 0 ? "none" : [...new Set(entries.map((e) => e.user))].join(", ");
}

function listenersCheck(ps: PortSharing, system: TopologySystem, conn: Display<"CONN">): Check {
  const head: Head = {
    id: `ports.${ps.name}.listeners`,
    system: ps.system,
    title: `Servers listening on shared port ${ps.port} (${ps.name})`,
    expected: `LISTEN on ${ps.port} by ${ps.servers.join(", ")} (${ps.servers.length} or more jobs matching ${ps.jobPrefix})`,
  };
  if (conn.state !== "ok") return displayProblem(head, conn, system);
  const listening = listenersOn(conn.data, { port: ps.port, ...(ps.bind ? { address: ps.bind } : {}) });
  const sharing = listening.filter((e) => jobNameMatches(ps.jobPrefix, e.user));
  const found = `listening: ${listenerNames(listening)}`;
  const absent = ps.servers.filter((s) => !sharing.some((e) => e.user === s.toUpperCase()));
  if (sharing.length === 0)
    return failed(head, found, `${ps.system}: no job matching ${ps.jobPrefix} listens on ${ps.port}${truncationNote(conn)}`);
  if (absent.length > 0)
    return degraded(
      head,
      found,
      `${ps.system}: ${absent.join(", ")} ${absent.length === 1 ? "is" : "are"} not listening on ${ps.port}${truncationNote(conn)}`,
    );
  if (sharing.length < ps.servers.length)
    return degraded(
      head,
      found,
      `${ps.system}: ${sharing.length} listeners on ${ps.port}, the topology names ${ps.servers.length} servers`,
    );
  return healthy(head, found);
}

function outboundCheck(ps: PortSharing, system: TopologySystem, conn: Display<"CONN"> | undefined): Check {
  const separate = ps.outboundPort !== undefined && ps.outboundPort !== ps.port;
  const head: Head = {
    id: `ports.${ps.name}.outbound`,
    system: ps.system,
    title: `Separate port for outgoing API requests (${ps.name})`,
    expected: separate
      ? `a server listening on ${ps.outboundPort}, apart from shared port ${ps.port}`
      : `an outbound port other than ${ps.port}`,
  };
  // Sharing one port for both directions works, but mixes the two in security and audit records.
  if (!separate || conn === undefined) {
    return degraded(
      head,
      ps.outboundPort === undefined ? "no outbound port" : `outbound port ${ps.outboundPort}`,
      `${ps.system}: ${ps.servers.join(", ")} would take outgoing API requests on shared port ${ps.port}; give them an outboundPort of their own`,
    );
  }
  if (conn.state !== "ok") return displayProblem(head, conn, system);
  const listening = listenersOn(conn.data, { port: ps.outboundPort! });
  const servers = listening.filter((e) => ps.servers.some((s) => s.toUpperCase() === e.user));
  const found = `listening on ${ps.outboundPort}: ${listenerNames(listening)}`;
  if (servers.length === 0)
    return degraded(
      head,
      found,
      `${ps.system}: none of ${ps.servers.join(", ")} is listening on outbound port ${ps.outboundPort}${truncationNote(conn)}`,
    );
  return healthy(head, found);
}

function entriesOn(t: Topology, system: TopologySystem): PortSharing[] {
  return (t.portSharing ?? []).filter((ps) => ps.system === system.name);
}

function judgeEntry(snapshot: Snapshot, ps: PortSharing): Check[] {
  const system = systemByName(snapshot.topology, ps.system);
  const outbound =
    ps.outboundPort !== undefined && ps.outboundPort !== ps.port ? queryDisplay(snapshot, system, connQuery(ps.outboundPort)) : undefined;
  return [
    reservationCheck(ps, system, queryDisplay(snapshot, system, portlistQuery(ps.port))),
    listenersCheck(ps, system, queryDisplay(snapshot, system, connQuery(ps.port))),
    // The outbound port is a z/OS Connect practice (seed 000); the Zowe gateways' section has none to give.
    ...(ps.name === GATEWAY_NAME && snapshot.topology.gateway !== undefined ? [] : [outboundCheck(ps, system, outbound)]),
  ];
}

export const portSharingChecks: CheckModule = {
  name: "port-sharing",
  applies: (t) => (t.portSharing ?? []).length > 0,
  systemReads(t, system) {
    return entriesOn(t, system).flatMap((ps): ReadSpec[] => [
      queryRead(system, portlistQuery(ps.port)),
      queryRead(system, connQuery(ps.port)),
      ...(ps.outboundPort !== undefined && ps.outboundPort !== ps.port ? [queryRead(system, connQuery(ps.outboundPort))] : []),
    ]);
  },
  judge: (snapshot) => (snapshot.topology.portSharing ?? []).flatMap((ps) => judgeEntry(snapshot, ps)),
};
