import { HaError } from "../../errors";
import { parsePortlist, type PortlistEntry } from "../../parsers";
import type { ZosmfClient } from "../../zosmf";
import { commandOperand, issueCommand, netstatComplete } from "../ops/console";
import type { DisplayRecord } from "../distributed/obey-step";
import { describeReservation, type Reservation } from "./port-variables";

/** The stack's port reservation table, from `D TCPIP,<proc>,NETSTAT,PORTLIST` (a display only). */
export async function readPortlist(o: {
  readonly client: ZosmfClient;
  readonly system: string;
  readonly proc: string;
  readonly delayMs: number;
  readonly record?: DisplayRecord;
}): Promise<PortlistEntry[]> {
  const command = `D TCPIP,${commandOperand(o.proc, "name", `the TCP/IP procedure of ${o.system}`)},NETSTAT,PORTLIST`;
  const response = await issueCommand({ client: o.client, system: o.system, command, delayMs: o.delayMs, isComplete: netstatComplete, ...(o.record ? { record: o.record } : {}) });
  const result = parsePortlist(response.text);
  switch (result.kind) {
    case "ok":
      return result.data.entries;
    case "not-in-sysplex":
      // PORTLIST does not depend on the sysplex group; what could be read still counts.
      return result.data?.entries ?? [];
    case "error":
      throw new HaError(`${command} on ${o.system} failed: ${result.messageId} ${result.text}`, { failureClass: "zos-failure" });
    default:
      throw new HaError(`The PORTLIST display of ${o.system} was not understood.`, { failureClass: "tool-failure", details: result.firstLines });
  }
}

function sameUser(e: PortlistEntry, r: Reservation): boolean {
  return e.port === r.port && e.protocol === r.protocol && e.user === r.jobPrefix.toUpperCase();
}

/** The PORTLIST entry that is this reservation, exactly: sharing flag and BIND address included. */
export function findReservation(entries: readonly PortlistEntry[], r: Reservation): PortlistEntry | undefined {
  return entries.find((e) => {
    if (!sameUser(e, r)) return false;
    const share = e.flagSet.shareportWlm ? "SHAREPORTWLM" : e.flagSet.shareport ? "SHAREPORT" : null;
    return share === r.share && (e.bindAddress ?? null) === (r.bind ?? null);
  });
}

/** One line per reservation PORTLIST does not show as planned; empty = all in force. */
export function missingReservations(entries: readonly PortlistEntry[], wanted: readonly Reservation[]): string[] {
  return wanted.flatMap((r) => {
    if (findReservation(entries, r)) return [];
    const other = entries.find((e) => sameUser(e, r));
    if (!other) return [`${describeReservation(r)} is not reserved`];
    return [`${describeReservation(r)} is reserved with flags ${other.flags || "(none)"}${other.bindAddress ? ` BIND ${other.bindAddress}` : ""}`];
  });
}

/** Reservations that remain in PORTLIST for the planned port, protocol and job name: what a removal must clear. */
export function reservationsInForce(entries: readonly PortlistEntry[], wanted: readonly Reservation[]): string[] {
  return wanted.filter((r) => entries.some((e) => sameUser(e, r))).map((r) => `PORT ${r.port} ${r.protocol} ${r.jobPrefix}`);
}

/**
 * Reservations of the same port for other job names: they stay, and a listener of theirs
 * does not share the port with ours. Said in the plan so a person can judge it.
 */
export function otherReservations(entries: readonly PortlistEntry[], wanted: readonly Reservation[]): string[] {
  return wanted.flatMap((r) =>
    entries
      .filter((e) => e.port === r.port && e.protocol === r.protocol && e.user !== r.jobPrefix.toUpperCase())
      .map((e) => `port ${r.port} ${r.protocol} (${r.entry}) is also reserved for ${e.user}; that reservation is left as it is`),
  );
}

/**
 * Reservations for our job names on ports the member no longer names (a port changed in
 * the topology): OBEYFILE only adds, so they stay until removed; the plan says so.
 */
export function strayReservations(entries: readonly PortlistEntry[], wanted: readonly Reservation[]): string[] {
  const prefixes = new Set(wanted.map((r) => r.jobPrefix.toUpperCase()));
  return entries
    .filter((e) => prefixes.has(e.user) && !wanted.some((r) => r.port === e.port && r.protocol === e.protocol))
    .map((e) => `port ${e.port ?? "UNRSV"} ${e.protocol} is reserved for ${e.user} but no portSharing entry names it; OBEYFILE does not remove it (rollback of the run that made it, or DELETE PORT, does)`);
}
