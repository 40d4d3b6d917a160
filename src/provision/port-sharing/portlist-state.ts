import type { PortlistEntry } from "../../parsers";
import { sharingOf } from "../../tcpip/in-force";
import { describeReservation, type Reservation } from "./port-variables";

function sameUser(e: PortlistEntry, r: Reservation): boolean {
  return e.port === r.port && e.protocol === r.protocol && e.user === r.jobPrefix.toUpperCase();
}

/** The PORTLIST entry that is this reservation, exactly: sharing flag and BIND address included. */
function findReservation(entries: readonly PortlistEntry[], r: Reservation): PortlistEntry | undefined {
  return entries.find((e) => {
    if (!sameUser(e, r)) return false;
    return sharingOf(e) === r.share && (e.bindAddress ?? null) === (r.bind ?? null);
  });
}

/** One line per reservation PORTLIST does not show as planned; empty = all in force. */
export function missingReservations(entries: readonly PortlistEntry[], wanted: readonly Reservation[]): string[] {
  return wanted.flatMap((r) => {
    if (findReservation(entries, r)) return [];
    const other = entries.find((e) => sameUser(e, r));
    if (!other) return [`${describeReservation(r)} is not reserved`];
    return [
      `${describeReservation(r)} is reserved with flags ${other.flags || "(none)"}${other.bindAddress ? ` BIND ${other.bindAddress}` : ""}`,
    ];
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
    .map(
      (e) =>
        `port ${e.port ?? "UNRSV"} ${e.protocol} is reserved for ${e.user} but no portSharing entry names it; OBEYFILE does not remove it (rollback of the run that made it, or DELETE PORT, does)`,
    );
}
